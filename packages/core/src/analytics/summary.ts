/**
 * @module Evaluation summaries (评价摘要): the one row per evaluation that analytics and results work on,
 * validated plain data, and how to make one from a document, its score report and its audit.
 */
import { z } from 'zod';
import type { AuditResult } from '../audit/index.js';
import { Dec } from '../decimal/index.js';
import type { EvaluationDocument } from '../model/index.js';
import { DecimalString, EvaluationLevel } from '../model/index.js';
import type { ScoreReport } from '../scoring/index.js';

export const SummaryFinding = z.object({
  family: z.string().min(1).describe('audit family (arithmetic, weights, scoring, quality, prose, history, goals) or a reviewer\'s'),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string().optional(),
});

export const EvaluationSummary = z.object({
  id: z.string().min(1),
  org: z.string().describe('预算单位'),
  department: z.string().describe('主管部门 (the organisation itself when it has none)'),
  year: z.number().int(),
  level: EvaluationLevel,
  name: z.string().optional().describe('project name, for display'),
  sector: z.string().optional(),
  region: z.string().optional(),
  total: DecimalString.describe('the computed total score'),
  grade: z.string().describe('优 / 良 / 中 / 差 of the computed total'),
  executionRate: DecimalString.optional().describe('全年执行数 ÷ 全年预算数 as a fraction, e.g. "0.9567"'),
  selfScore: DecimalString.optional().describe('the total the unit printed (自评分)'),
  reviewScore: DecimalString.optional().describe("the reviewer's re-score (复核分)"),
  budget: DecimalString.optional().describe('全年预算数 in 万元'),
  findings: z.array(SummaryFinding).default([]),
});

export type EvaluationSummary = z.infer<typeof EvaluationSummary>;
export type EvaluationSummaryInput = z.input<typeof EvaluationSummary>;
export type SummaryFinding = z.infer<typeof SummaryFinding>;

export interface SummaryOptions {
  /** The reviewer's total, when the server has one. */
  reviewScore?: string | undefined;
}

/** A summary from a document, its score report and (optionally) its audit. */
export function summaryFromScore(doc: EvaluationDocument, report: ScoreReport, audit?: AuditResult, options: SummaryOptions = {}): EvaluationSummary {
  const h = doc.header;
  const rate = report.execution?.ratePercent?.div(Dec.HUNDRED, 4);
  const self = doc.meta.printedTotal ?? doc.meta.statedSelfScore;
  const annualBudget = report.execution?.annualBudget;
  const budget = annualBudget === undefined ? undefined : doc.funding?.unit === '元' ? annualBudget.div(Dec.fromInt(10_000), 6)!.normalize() : annualBudget;
  return {
    id: doc.id ?? '',
    org: h.organisation,
    department: h.supervisingDepartment ?? h.organisation,
    year: h.year,
    level: h.level,
    ...(h.projectName !== undefined ? { name: h.projectName } : {}),
    ...(h.sector !== undefined ? { sector: h.sector } : {}),
    ...(h.region !== undefined ? { region: h.region } : {}),
    total: report.total.toString(),
    grade: report.grade,
    ...(rate !== undefined ? { executionRate: rate.toString() } : {}),
    ...(self !== undefined ? { selfScore: self } : {}),
    ...(options.reviewScore !== undefined ? { reviewScore: options.reviewScore } : {}),
    ...(budget !== undefined ? { budget: budget.toString() } : {}),
    findings: (audit?.findings ?? []).map((f) => ({ family: f.family, severity: f.severity, code: f.code })),
  };
}

/** Validates summaries given as data; never throws. */
export function parseSummaries(input: unknown): { ok: true; summaries: EvaluationSummary[] } | { ok: false; issues: string[] } {
  const r = z.array(EvaluationSummary).safeParse(input);
  if (r.success) return { ok: true, summaries: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`) };
}
