/**
 * @module What the server computes on every save, with the core: the score report and the audit
 * findings, the columns the list filters on, and the indicator rows for the library and analytics.
 */
import { auditDocument, Dec, findingToJson, scoreDocument, scoreReportToJson } from '@jixiao/core';
import type { EvaluationDocument, FindingJson, IndicatorNode, ScoreReport, ScoreReportJson } from '@jixiao/core';
import { AppError } from '../http/errors.js';

export interface Analysis {
  ruleSet: string;
  /** Null when the document is not scorable (不可评分): nothing in it could be scored. */
  total: string | null;
  grade: string | null;
  counts: { error: number; warning: number; info: number };
  score: ScoreReportJson;
  findings: FindingJson[];
  indicators: IndicatorRow[];
  summary: SummaryColumns;
}

/** The summary columns of `evaluations` (0005) and the finding counts, written with the document. */
export interface SummaryColumns {
  scorable: boolean;
  /** 全年执行数 ÷ 全年预算数 as a fraction, 4 places. */
  executionRate: string | null;
  /** The total the unit printed (自评分). */
  selfScore: string | null;
  /** The total with each re-scored leaf's 复核分 in place of its score; null until a re-score. */
  reviewTotal: string | null;
  sector: string | null;
  projectName: string | null;
  /** Per audit family, findings by severity. */
  findingCounts: Array<{ family: string; errors: number; warnings: number; infos: number }>;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

export interface IndicatorRow {
  seq: number;
  indicatorId: string;
  path: string;
  parentSeq: number | null;
  projectId: string | null;
  depth: number;
  leaf: boolean;
  name: string;
  category: string | null;
  weight: string | null;
  target: string | null;
  actual: string | null;
  unit: string | null;
  printedScore: string | null;
  computedScore: string | null;
  effectiveScore: string | null;
  reviewScore: string | null;
  status: string | null;
}

/** Scores and audits a validated document. A failure of the engines is reported as an invalid document. */
export function analyse(doc: EvaluationDocument): Analysis {
  let report: ScoreReport;
  let findings: FindingJson[];
  let counts: Analysis['counts'];
  const byFamily = new Map<string, { family: string; errors: number; warnings: number; infos: number }>();
  try {
    report = scoreDocument(doc);
    const audit = auditDocument(doc, { score: report });
    findings = audit.findings.map(findingToJson);
    counts = audit.counts;
    for (const f of audit.findings) {
      let slot = byFamily.get(f.family);
      if (!slot) byFamily.set(f.family, (slot = { family: f.family, errors: 0, warnings: 0, infos: 0 }));
      if (f.severity === 'error') slot.errors++;
      else if (f.severity === 'warning') slot.warnings++;
      else slot.infos++;
    }
  } catch (err) {
    throw new AppError('invalid-document', `文档无法评分或审核：${(err as Error).message}`, { cause: err });
  }
  const indicators = indicatorRows(doc, report);
  const total = report.scorable ? report.total.toString() : null;
  const self = doc.meta.printedTotal ?? doc.meta.statedSelfScore;
  return {
    ruleSet: report.ruleSet,
    total,
    grade: report.scorable ? report.grade : null,
    counts,
    score: scoreReportToJson(report),
    findings,
    indicators,
    summary: {
      scorable: report.scorable,
      executionRate: report.execution?.ratePercent?.div(Dec.HUNDRED, 4)?.toString() ?? null,
      selfScore: self !== undefined && DECIMAL.test(self) ? self : null,
      reviewTotal: total === null ? null : reviewTotal(total, indicators),
      sector: doc.header.sector ?? null,
      projectName: doc.header.projectName ?? null,
      findingCounts: [...byFamily.values()],
    },
  };
}

/** The total with each re-scored leaf's 复核分 in place of its effective score; null when nothing was re-scored. */
export function reviewTotal(total: string, rows: readonly IndicatorRow[]): string | null {
  const reviewed = rows.filter((r) => r.leaf && r.reviewScore !== null);
  if (reviewed.length === 0) return null;
  let sum = Dec.of(total);
  for (const r of reviewed) sum = sum.plus(Dec.of(r.reviewScore!)).minus(r.effectiveScore === null ? Dec.ZERO : Dec.of(r.effectiveScore));
  return sum.toString();
}

/** One row per indicator node (sections and leaves), in document order, with its scores. */
export function indicatorRows(doc: EvaluationDocument, report: ScoreReport): IndicatorRow[] {
  const byPath = new Map(report.items.map((item) => [item.path, item]));
  const rows: IndicatorRow[] = [];
  const s = (d: { toString(): string } | undefined) => (d === undefined ? null : d.toString());
  const visit = (node: IndicatorNode, path: string, depth: number, parentSeq: number | null, projectId: string | null) => {
    const seq = rows.length;
    const item = byPath.get(path);
    const leaf = !node.children || node.children.length === 0;
    rows.push({
      seq,
      indicatorId: node.id,
      path,
      parentSeq,
      projectId,
      depth,
      leaf,
      name: node.name,
      category: node.category ?? null,
      weight: node.weight ?? node.declaredWeight ?? null,
      target: node.target ?? null,
      actual: node.actual ?? null,
      unit: node.unit ?? null,
      printedScore: node.printedScore ?? null,
      computedScore: s(item?.computed),
      effectiveScore: s(item?.effective),
      reviewScore: node.review?.score ?? null,
      status: item?.status ?? null,
    });
    node.children?.forEach((child, i) => visit(child, `${path}.children[${i}]`, depth + 1, seq, projectId));
  };
  doc.indicators.forEach((node, i) => visit(node, `$.indicators[${i}]`, 0, null, null));
  doc.projects.forEach((project, pi) =>
    project.indicators.forEach((node, i) => visit(node, `$.projects[${pi}].indicators[${i}]`, 0, null, project.id)),
  );
  return rows;
}

/** Finds an indicator node by its id anywhere in the document (top-level tree, then embedded projects). */
export function findIndicator(doc: EvaluationDocument, indicatorId: string): IndicatorNode | undefined {
  const search = (nodes: readonly IndicatorNode[]): IndicatorNode | undefined => {
    for (const n of nodes) {
      if (n.id === indicatorId) return n;
      const hit = n.children ? search(n.children) : undefined;
      if (hit) return hit;
    }
    return undefined;
  };
  return search(doc.indicators) ?? doc.projects.map((p) => search(p.indicators)).find((x) => x !== undefined);
}
