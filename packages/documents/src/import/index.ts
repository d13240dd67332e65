/** @module The importers: xlsx, docx and text → evaluation documents with an import report. */
export type { ImportNote, ImportReport, ImportedDocument, ImportOutcome, ImportError, ImportLimits, ImportOptions } from './types.js';
export { DEFAULT_LIMITS } from './types.js';
export { importFile } from './import-file.js';
export { importXlsx } from './xlsx/import-xlsx.js';
export { importDocx } from './docx/import-docx.js';
export { importText } from './text/import-text.js';
export type { TextImportOptions } from './text/import-text.js';
export { ERRORS, NOTES, HEADER_WORDS_LOOKED_FOR } from './messages.js';
export type { ErrorCode, NoteCode } from './messages.js';
export { importPayments } from './payments/import-payments.js';
export type { ImportedPayment, PaymentUnit, PaymentsImportOptions, PaymentsOutcome, PaymentsReport } from './payments/import-payments.js';
export { PAYMENT_ERRORS, PAYMENT_NOTES, PAYMENT_HEADER_WORDS } from './payments/messages.js';
export type { PaymentErrorCode, PaymentNoteCode } from './payments/messages.js';
