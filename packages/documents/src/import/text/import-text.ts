/** @module The text importer: pasted or saved text → documents (reader + shared converters). */
import { importError } from '../messages.js';
import { convertPage, finishDrafts } from '../recognise/page.js';
import { hasFullWidthAlnum, hasTraditional } from '../text-util/normalise.js';
import { note } from '../messages.js';
import { type ImportLimits, type ImportNote, type ImportOutcome, resolveLimits } from '../types.js';
import { readText } from './read-text.js';

export interface TextImportOptions {
  fileName?: string;
  limits?: Partial<ImportLimits>;
}

/** Imports text: tables found by their header words, prose into sections. Never throws. */
export function importText(text: string, options: TextImportOptions = {}): ImportOutcome {
  try {
    const limits = resolveLimits(options.limits);
    if (text.length > limits.maxTextChars) {
      return { ok: false, error: importError('too-large', { size: text.length * 2, limit: limits.maxTextChars * 2 }) };
    }
    const read = readText(text, limits);
    if (!read.ok) return read;
    const fileNotes: ImportNote[] = [];
    const sample = text.slice(0, 200_000);
    if (hasTraditional(sample)) fileNotes.push(note('info', 'traditional-chars', '全文'));
    if (hasFullWidthAlnum(sample)) fileNotes.push(note('info', 'fullwidth-chars', '全文'));
    const opts = { format: 'text' as const, fileNotes, ...(options.fileName !== undefined ? { fileName: options.fileName } : {}) };
    const drafts = convertPage(read.page, opts);
    const done = finishDrafts(drafts, opts);
    if (!done.ok) return done;
    if (done.documents.length === 0) return { ok: false, error: importError('no-table', { where: options.fileName ? `“${options.fileName}”` : '文本' }) };
    return done;
  } catch (e) {
    return { ok: false, error: importError('internal', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}
