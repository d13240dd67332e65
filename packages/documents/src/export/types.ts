/** @module Public types of the exporters: scoring and findings passed in by the caller, options, errors. */

/**
 * Scores computed by the rule engine, passed in by the caller (the CLI / server) — plain data so this
 * package needs no scoring code. Figures are decimal strings, like everywhere else in the model.
 */
export interface ExportScoring {
  /** Rule set the scores were computed by, e.g. `national-project@1`. */
  ruleSet: string;
  /** Computed total (总分). */
  total: string;
  /** Computed grade (等级), e.g. 优 / 良 / 中 / 差. */
  grade: string;
  execution?: { rate?: string; score?: string; explanation?: string };
  /** Computed score per indicator id. */
  items: Record<string, { score?: string; explanation?: string; status?: string }>;
}

/** One audit finding; errors and warnings become the 存在的问题 section of the report. */
export interface ExportFinding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location: string;
  suggestion?: string;
}

export interface ExportOptions {
  scoring?: ExportScoring;
  findings?: ExportFinding[];
  /** ISO date-time the export is stamped with (document properties); the clock is never read otherwise. */
  generatedAt?: string;
}

export type PdfConverter = 'auto' | 'libreoffice' | 'chromium';

export interface PdfExportOptions extends ExportOptions {
  converter?: PdfConverter;
  /** Milliseconds a converter may run before it is stopped. Default 120 000. */
  timeoutMs?: number;
}

/** Error codes of the exporters, with what each means. */
export const EXPORT_ERROR_CODES = {
  'no-converter': 'no PDF converter (LibreOffice or Chromium) is installed',
  'conversion-failed': 'the PDF converter ran but produced no PDF',
  timeout: 'the PDF converter did not finish in time',
  'invalid-document': 'the document cannot be laid out',
} as const;

export type ExportErrorCode = keyof typeof EXPORT_ERROR_CODES;

/** The one error type of the exporters; `message` is Simplified Chinese for the user. */
export class ExportError extends Error {
  readonly code: ExportErrorCode;
  override readonly cause?: unknown;

  constructor(code: ExportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'ExportError';
    this.code = code;
    if (options && 'cause' in options) this.cause = options.cause;
  }
}
