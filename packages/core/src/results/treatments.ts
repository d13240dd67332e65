/**
 * @module Treatments for the next budget (结果应用): per evaluation the treatment its grade earns under the
 * rule set's tiers (优先保障 / 保障 / 压缩 / 取消), moved down for low execution and for serious findings,
 * with the reasons; and the year-end list per department of projects graded 中 / 差, with low execution
 * or with serious findings.
 */
import { Dec } from '../decimal/index.js';
import type { EvaluationSummary } from '../analytics/summary.js';
import { Treatment } from '../rulesets/index.js';
import type { RuleSet } from '../rulesets/index.js';
import { SEVERITY_ZH, TREATMENT_REASONS, TREATMENT_ZH } from './messages.js';
import type { TreatmentReasonCode } from './messages.js';

export interface TreatmentReason {
  code: TreatmentReasonCode;
  message: string;
  figures: Record<string, string>;
}

export interface TreatmentRecommendation {
  id: string;
  org: string;
  department: string;
  year: number;
  name?: string | undefined;
  grade: string;
  total: string;
  executionRate?: string | undefined;
  /** What the grade alone earns. */
  base: Treatment;
  /** After moving down for low execution and serious findings. */
  treatment: Treatment;
  /** 优先保障 / 保障 / 压缩 / 取消. */
  label: string;
  /** Tiers moved down from the base. */
  steps: number;
  /** On the year-end list: a listed grade (中 / 差), low execution, or serious findings. */
  listed: boolean;
  lowExecution: boolean;
  seriousFindings: number;
  reasons: TreatmentReason[];
}

const ORDER = Treatment.options;

function reason(code: TreatmentReasonCode, figures: Record<string, string>): TreatmentReason {
  return { code, message: TREATMENT_REASONS[code](figures), figures };
}

function pct(fraction: Dec): string {
  return fraction.times(Dec.HUNDRED).round(2).toString();
}

/** The treatment of one evaluation. */
export function recommendTreatment(s: EvaluationSummary, ruleSet: Pick<RuleSet, 'results'>): TreatmentRecommendation {
  const r = ruleSet.results;
  const reasons: TreatmentReason[] = [];
  const tier = r.tiers.find((t) => t.grade === s.grade);
  const base: Treatment = tier?.treatment ?? 'maintain';
  reasons.push(
    tier
      ? reason('RES-GRADE', { grade: s.grade, total: s.total, treatment: TREATMENT_ZH[base] })
      : reason('RES-UNKNOWN-GRADE', { grade: s.grade }),
  );
  let steps = 0;
  const threshold = Dec.of(r.lowExecution);
  const rate = s.executionRate === undefined ? undefined : Dec.of(s.executionRate);
  const lowExecution = rate !== undefined && rate.lt(threshold);
  if (lowExecution) {
    steps += r.lowExecutionSteps;
    reasons.push(reason('RES-LOW-EXECUTION', { ratePercent: pct(rate), thresholdPercent: pct(threshold), steps: String(r.lowExecutionSteps) }));
  }
  const serious = s.findings.filter((f) => r.seriousSeverities.includes(f.severity)).length;
  if (serious > 0) {
    steps += r.seriousFindingSteps;
    reasons.push(reason('RES-SERIOUS-FINDINGS', { count: String(serious), severities: r.seriousSeverities.map((x) => SEVERITY_ZH[x]).join('、'), steps: String(r.seriousFindingSteps) }));
  }
  const treatment = ORDER[Math.min(ORDER.length - 1, ORDER.indexOf(base) + steps)]!;
  return {
    id: s.id,
    org: s.org,
    department: s.department,
    year: s.year,
    ...(s.name !== undefined ? { name: s.name } : {}),
    grade: s.grade,
    total: s.total,
    ...(s.executionRate !== undefined ? { executionRate: s.executionRate } : {}),
    base,
    treatment,
    label: TREATMENT_ZH[treatment],
    steps: ORDER.indexOf(treatment) - ORDER.indexOf(base),
    listed: r.listGrades.includes(s.grade) || lowExecution || serious > 0,
    lowExecution,
    seriousFindings: serious,
    reasons,
  };
}

/** The treatment of every evaluation, in the order given. */
export function recommendTreatments(summaries: readonly EvaluationSummary[], ruleSet: Pick<RuleSet, 'results'>): TreatmentRecommendation[] {
  return summaries.map((s) => recommendTreatment(s, ruleSet));
}

export interface DepartmentResults {
  department: string;
  /** Listed projects, least favourable treatment first, then lowest total, then id. */
  items: TreatmentRecommendation[];
  /** All the department's evaluations by treatment. */
  counts: Record<Treatment, number>;
  evaluations: number;
}

/** The year-end list (结果应用清单) per department: departments in text order, only listed projects in `items`. */
export function resultsList(summaries: readonly EvaluationSummary[], ruleSet: Pick<RuleSet, 'results'>, options: { year?: number | undefined } = {}): DepartmentResults[] {
  const recs = recommendTreatments(options.year === undefined ? summaries : summaries.filter((s) => s.year === options.year), ruleSet);
  const byDept = new Map<string, TreatmentRecommendation[]>();
  for (const r of recs) byDept.set(r.department, [...(byDept.get(r.department) ?? []), r]);
  return [...byDept.keys()].sort().map((department) => {
    const all = byDept.get(department)!;
    const counts = { priority: 0, maintain: 0, reduce: 0, cancel: 0 } satisfies Record<Treatment, number>;
    for (const r of all) counts[r.treatment]++;
    const items = all
      .filter((r) => r.listed)
      .sort((a, b) => ORDER.indexOf(b.treatment) - ORDER.indexOf(a.treatment) || Dec.of(a.total).cmp(Dec.of(b.total)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { department, items, counts, evaluations: all.length };
  });
}
