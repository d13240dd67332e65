/** @module The docx importer: Word bytes → documents (reader + shared converters). */
import { importError } from '../messages.js';
import { convertPage, finishDrafts } from '../recognise/page.js';
import { type ImportOptions, type ImportOutcome, resolveLimits } from '../types.js';
import { readDocx } from './read-docx.js';

/** Imports the tables and prose of a Word document. Never throws. */
export async function importDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  await Promise.resolve();
  try {
    const limits = resolveLimits(options.limits);
    if (bytes.length > limits.maxBytes) return { ok: false, error: importError('too-large', { size: bytes.length, limit: limits.maxBytes }) };
    if (bytes.length === 0) return { ok: false, error: importError('empty-file') };
    const read = readDocx(bytes, limits);
    if (!read.ok) return read;
    const opts = { format: 'docx' as const, ...(options.fileName !== undefined ? { fileName: options.fileName } : {}) };
    const drafts = convertPage(read.page, opts);
    const done = finishDrafts(drafts, opts);
    if (!done.ok) return done;
    if (done.documents.length === 0) return { ok: false, error: importError('no-table', { where: options.fileName ? `“${options.fileName}”` : 'Word 文档' }) };
    return done;
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) return { ok: false, error: importError('corrupt-docx', { detail }) };
    return { ok: false, error: importError('internal', { detail }) };
  }
}
