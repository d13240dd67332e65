/** @module Public types of the importers: outcomes, reports, notes, errors and limits. */
import type { EvaluationDocument } from '@jixiao/core';

/** One thing the importer wants the user to know, with the place it is about. */
export interface ImportNote {
  level: 'info' | 'warning' | 'error';
  /** Stable code, e.g. `formula-cached`, `unit-mismatch`, `unplaced-value`. */
  code: string;
  /** Simplified Chinese, for the user. */
  message: string;
  /** Where in the input: `Sheet1!C7`, `第12行`, `表2 第3行 第4列`. */
  where: string;
}

/** What the importer did with one document: recognised, skipped or guessed, each with its place. */
export interface ImportReport {
  format: 'xlsx' | 'docx' | 'text';
  fileName?: string;
  recognised: ImportNote[];
  skipped: ImportNote[];
  guessed: ImportNote[];
}

export interface ImportedDocument {
  document: EvaluationDocument;
  report: ImportReport;
}

/** Why nothing could be imported. `message` says what, where, and what to do, in Chinese. */
export interface ImportError {
  code: string;
  message: string;
  where?: string;
}

export type ImportOutcome = { ok: true; documents: ImportedDocument[] } | { ok: false; error: ImportError };

/**
 * Resource limits. Every importer checks them before doing work proportional to the input, so a
 * hostile file fails with an `ImportError` in bounded time and memory instead of exhausting the host.
 */
export interface ImportLimits {
  /** Largest upload accepted, checked before anything is read. Default 50 MB. */
  maxBytes: number;
  /** Largest total size of all zip entries once inflated. Default 256 MB. */
  maxUncompressedBytes: number;
  /** Largest single zip entry once inflated. Default 128 MB. */
  maxEntryBytes: number;
  /** Most entries a zip may declare. Default 10 000. */
  maxEntries: number;
  /** Most rows read from one sheet, table or text. Default 100 000. */
  maxRows: number;
  /** Most cells read from one file, all sheets together. Default 2 000 000. */
  maxCells: number;
  /** Reading a sheet stops after this many consecutive empty rows (styled but blank rows). Default 1 000. */
  maxEmptyRows: number;
  /** Largest text accepted by `importText`, in characters. Default 20 000 000. */
  maxTextChars: number;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 256 * 1024 * 1024,
  maxEntryBytes: 128 * 1024 * 1024,
  maxEntries: 10_000,
  maxRows: 100_000,
  maxCells: 2_000_000,
  maxEmptyRows: 1_000,
  maxTextChars: 20_000_000,
});

/** Fills the defaults in; non-positive or non-finite values fall back to the default. */
export function resolveLimits(limits?: Partial<ImportLimits>): ImportLimits {
  const out: ImportLimits = { ...DEFAULT_LIMITS };
  if (!limits) return out;
  for (const key of Object.keys(DEFAULT_LIMITS) as Array<keyof ImportLimits>) {
    const v = limits[key];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = Math.floor(v);
  }
  return out;
}

export interface ImportOptions {
  fileName?: string;
  limits?: Partial<ImportLimits>;
}
