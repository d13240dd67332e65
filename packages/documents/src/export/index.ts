/** @module Exporters: the official 自评表 (xlsx), 自评报告 (docx, PDF), 绩效目标申报表 and 绩效监控表 (xlsx). */
export { exportXlsx } from './xlsx.js';
export { exportDocx } from './docx.js';
export { exportPdf } from './pdf.js';
export { exportHtml } from './html.js';
export { ExportError, EXPORT_ERROR_CODES } from './types.js';
export type { ExportErrorCode, ExportFinding, ExportOptions, ExportScoring, PdfConverter, PdfExportOptions } from './types.js';
export { exportOptionsFrom, exportScoringFrom, exportFindingsFrom } from './from-core.js';
export { exportGoalsXlsx, goalsGrid, goalsTitle, GOALS_WORDS } from './goals-xlsx.js';
export type { GoalsXlsxOptions } from './goals-xlsx.js';
export { exportMonitoringXlsx, monitoringGrids, monitoringTitle, LIGHT_FILL, MONITORING_SHEETS } from './monitoring-xlsx.js';
export type { MonitoringXlsxData, MonitoringXlsxOptions } from './monitoring-xlsx.js';
export { exportResultsXlsx, resultsTitle, RESULTS_SHEETS, RESULTS_WORDS, TREATMENT_FILL } from './results-xlsx.js';
export type { ResultsXlsxDepartment, ResultsXlsxItem, ResultsXlsxOptions } from './results-xlsx.js';
