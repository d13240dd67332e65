/** @module The audit (智能审核): a catalogue of small pure checks over an evaluation document, with stable codes. */
export { auditDocument } from './engine.js';
export { auditCatalogue, auditCatalogueMarkdown, findingToJson, FAMILIES as AUDIT_FAMILIES } from './catalogue.js';
export { HISTORY_THRESHOLDS as AUDIT_HISTORY_THRESHOLDS } from './checks/history.js';
export { SEVERITIES, severityAtLeast } from './severity.js';
export type { AuditOptions, AuditResult, CheckFamily, CheckInfo, Figures, Finding, FindingJson, Severity } from './types.js';
export { CATEGORY_ZH } from './messages.js';
