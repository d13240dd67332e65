/** @module The xlsx importer: workbook bytes → documents (reader + shared converters). */
import { importError, note } from '../messages.js';
import type { Draft } from '../recognise/draft.js';
import { convertPage, finishDrafts } from '../recognise/page.js';
import { type ImportNote, type ImportOptions, type ImportOutcome, resolveLimits } from '../types.js';
import { readXlsx } from './read-xlsx.js';

/** Imports every recognisable table of every visible sheet. Never throws. */
export async function importXlsx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportOutcome> {
  try {
    const limits = resolveLimits(options.limits);
    if (bytes.length > limits.maxBytes) return { ok: false, error: importError('too-large', { size: bytes.length, limit: limits.maxBytes }) };
    if (bytes.length === 0) return { ok: false, error: importError('empty-file') };
    const read = await readXlsx(bytes, limits);
    if (!read.ok) return read;
    const fileNotes: ImportNote[] = [...read.notes];
    const base = { format: 'xlsx' as const, ...(options.fileName !== undefined ? { fileName: options.fileName } : {}) };
    const drafts: Draft[] = [];
    for (const page of read.pages) {
      const found = convertPage(page, base).filter((d) => d.hasTable);
      if (found.length === 0) fileNotes.push(note('info', 'sheet-no-table', page.name, { sheet: page.name }));
      drafts.push(...found);
    }
    const done = finishDrafts(drafts, { ...base, fileNotes });
    if (!done.ok) return done;
    if (done.documents.length === 0) {
      const where = options.fileName ? `“${options.fileName}”的 ${read.pages.length} 个工作表` : `工作簿的 ${read.pages.length} 个工作表`;
      return { ok: false, error: importError('no-table', { where }) };
    }
    return done;
  } catch (e) {
    return { ok: false, error: importError('internal', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}
