/** @module ExportOptions from the core's score report and audit result, shared by the CLI and the server. */
import type { AuditResult, ScoreReport } from '@jixiao/core';
import type { ExportFinding, ExportOptions, ExportScoring } from './types.js';

/** The scoring part of the export options: totals, execution and each leaf's computed score. */
export function exportScoringFrom(report: ScoreReport): ExportScoring {
  const items: ExportScoring['items'] = {};
  for (const item of report.items) {
    if (!item.leaf || item.computed === undefined) continue;
    items[item.id] = { score: item.computed.toString(), explanation: item.explanation.text, status: item.status };
  }
  const e = report.execution;
  return {
    ruleSet: report.ruleSet,
    total: report.total.toString(),
    grade: report.grade,
    ...(e
      ? {
          execution: {
            ...(e.ratePercent ? { rate: `${e.ratePercent.toString()}%` } : {}),
            ...(e.computed ? { score: e.computed.toString() } : {}),
            explanation: e.explanation.text,
          },
        }
      : {}),
    items,
  };
}

/** Findings in the shape the report's 存在的问题 section takes. */
export function exportFindingsFrom(audit: AuditResult): ExportFinding[] {
  return audit.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    location: f.location,
    suggestion: f.suggestion,
  }));
}

/**
 * Both, for a document that was scored and audited. A report that is not scorable (nothing in the
 * document could be scored, 不可评分) gives no scoring: its total 0 and grade 差 are nobody's figures.
 */
export function exportOptionsFrom(report: ScoreReport, audit?: AuditResult, generatedAt?: string): ExportOptions {
  return {
    ...(report.scorable ? { scoring: exportScoringFrom(report) } : {}),
    ...(audit ? { findings: exportFindingsFrom(audit) } : {}),
    ...(generatedAt ? { generatedAt } : {}),
  };
}
