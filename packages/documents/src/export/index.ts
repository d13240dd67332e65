/** @module Exporters: the official 自评表 (xlsx) and 自评报告 (docx, PDF) from an evaluation document. */
export { exportXlsx } from './xlsx.js';
export { exportDocx } from './docx.js';
export { exportPdf } from './pdf.js';
export { exportHtml } from './html.js';
export { ExportError, EXPORT_ERROR_CODES } from './types.js';
export type { ExportErrorCode, ExportFinding, ExportOptions, ExportScoring, PdfConverter, PdfExportOptions } from './types.js';
export { exportOptionsFrom, exportScoringFrom, exportFindingsFrom } from './from-core.js';
