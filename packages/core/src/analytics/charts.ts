/**
 * @module Analytics (绩效分析): pure aggregations over evaluation summaries, each returning plain series
 * with the ids behind every point or bar (for click-through). Figures are decimal strings; means are
 * rounded half-up to 2 places; shares and percentages to 2 places of a percent.
 */
import { FAMILIES } from '../audit/catalogue.js';
import { Dec } from '../decimal/index.js';
import { CHART_LABELS, OTHER_FAMILY_ZH } from './messages.js';
import type { EvaluationSummary } from './summary.js';

export type GroupBy = 'year' | 'department' | 'org' | 'level' | 'sector' | 'region';
export type UnitBy = 'org' | 'department';
type Severity = 'error' | 'warning' | 'info';

const DEFAULT_GRADES = ['优', '良', '中', '差'];

function keyOf(s: EvaluationSummary, by: GroupBy): string {
  switch (by) {
    case 'year':
      return String(s.year);
    case 'department':
      return s.department;
    case 'org':
      return s.org;
    case 'level':
      return s.level;
    case 'sector':
      return s.sector ?? '';
    case 'region':
      return s.region ?? '';
  }
}

function compareKeys(by: GroupBy): (a: string, b: string) => number {
  return by === 'year' ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

function mean(values: readonly Dec[]): Dec | undefined {
  if (values.length === 0) return undefined;
  return Dec.sum(values).div(Dec.fromInt(values.length), 2)!;
}

function sharePercent(part: number, whole: number): string {
  return whole === 0 ? '0' : Dec.fromInt(part).times(Dec.HUNDRED).div(Dec.fromInt(whole), 2)!.toString();
}

// ---------------------------------------------------------------------------------------------
// Grade distribution

export interface GradeBar {
  grade: string;
  count: number;
  /** Share of the group, percent, 2 places. */
  share: string;
  ids: string[];
}

export interface GradeDistribution {
  title: string;
  by: GroupBy | 'all';
  grades: string[];
  groups: Array<{ key: string; total: number; bars: GradeBar[] }>;
}

/** How many evaluations got each grade, overall or per group. */
export function gradeDistribution(summaries: readonly EvaluationSummary[], options: { by?: GroupBy | undefined; grades?: readonly string[] | undefined } = {}): GradeDistribution {
  const grades = [...(options.grades ?? DEFAULT_GRADES)];
  for (const s of summaries) if (!grades.includes(s.grade)) grades.push(s.grade);
  const by = options.by;
  const groups = by ? groupBy(summaries, (s) => keyOf(s, by)) : new Map([['', [...summaries]]]);
  const keys = [...groups.keys()].sort(by ? compareKeys(by) : undefined);
  return {
    title: CHART_LABELS.gradeDistribution.title,
    by: by ?? 'all',
    grades,
    groups: keys.map((key) => {
      const list = groups.get(key)!;
      return {
        key,
        total: list.length,
        bars: grades.map((grade) => {
          const ids = list.filter((s) => s.grade === grade).map((s) => s.id);
          return { grade, count: ids.length, share: sharePercent(ids.length, list.length), ids };
        }),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Score against execution

export interface ScatterPoint {
  id: string;
  org: string;
  department: string;
  year: number;
  grade: string;
  /** Execution rate, percent. */
  x: string;
  /** Total score. */
  y: string;
}

export interface ScoreVsExecution {
  title: string;
  xLabel: string;
  yLabel: string;
  points: ScatterPoint[];
  /** Least-squares line y = slope·x + intercept over the points (4 places), when there are two distinct x. */
  trend?: { slope: string; intercept: string } | undefined;
  /** Ids without an execution rate. */
  skipped: string[];
}

/** Each evaluation as a point: execution rate (x, %) against total score (y). */
export function scoreVsExecution(summaries: readonly EvaluationSummary[]): ScoreVsExecution {
  const points: ScatterPoint[] = [];
  const skipped: string[] = [];
  const xs: Dec[] = [];
  const ys: Dec[] = [];
  for (const s of summaries) {
    if (s.executionRate === undefined) {
      skipped.push(s.id);
      continue;
    }
    const x = Dec.of(s.executionRate).times(Dec.HUNDRED).round(2);
    const y = Dec.of(s.total);
    xs.push(x);
    ys.push(y);
    points.push({ id: s.id, org: s.org, department: s.department, year: s.year, grade: s.grade, x: x.toString(), y: y.toString() });
  }
  return { title: CHART_LABELS.scoreVsExecution.title, xLabel: CHART_LABELS.scoreVsExecution.x, yLabel: CHART_LABELS.scoreVsExecution.y, points, ...trendOf(xs, ys), skipped };
}

function trendOf(xs: readonly Dec[], ys: readonly Dec[]): { trend?: { slope: string; intercept: string } } {
  const n = Dec.fromInt(xs.length);
  if (xs.length < 2) return {};
  const sx = Dec.sum(xs);
  const sy = Dec.sum(ys);
  const sxy = Dec.sum(xs.map((x, i) => x.times(ys[i]!)));
  const sxx = Dec.sum(xs.map((x) => x.times(x)));
  const den = n.times(sxx).minus(sx.times(sx));
  if (den.isZero()) return {};
  const slope = n.times(sxy).minus(sx.times(sy)).div(den, 8)!;
  const intercept = sy.minus(slope.times(sx)).div(n, 8)!;
  return { trend: { slope: slope.round(4).toString(), intercept: intercept.round(4).toString() } };
}

// ---------------------------------------------------------------------------------------------
// Self-score against the reviewer's re-score

export interface ReviewPoint {
  id: string;
  self: string;
  review: string;
  /** self − review: positive when the unit scored itself higher. */
  gap: string;
}

export interface SelfVsReview {
  title: string;
  by: UnitBy;
  groups: Array<{ key: string; count: number; meanGap: string; maxGap: string; points: ReviewPoint[] }>;
  /** Ids with a self-score but no re-score yet. */
  unreviewed: string[];
}

/** Self-score against re-score per unit, units with the largest mean over-scoring first. */
export function selfVsReview(summaries: readonly EvaluationSummary[], options: { by?: UnitBy | undefined } = {}): SelfVsReview {
  const by = options.by ?? 'org';
  const reviewed = summaries.filter((s) => s.selfScore !== undefined && s.reviewScore !== undefined);
  const unreviewed = summaries.filter((s) => s.selfScore !== undefined && s.reviewScore === undefined).map((s) => s.id);
  const groups = [...groupBy(reviewed, (s) => keyOf(s, by)).entries()].map(([key, list]) => {
    const points = list.map((s) => {
      const gap = Dec.of(s.selfScore!).minus(Dec.of(s.reviewScore!));
      return { id: s.id, self: s.selfScore!, review: s.reviewScore!, gap: gap.toString(), g: gap };
    });
    const gaps = points.map((p) => p.g);
    return {
      key,
      count: points.length,
      meanGap: mean(gaps)!.toString(),
      maxGap: gaps.reduce((a, b) => Dec.max(a, b)).toString(),
      points: points.map(({ g: _g, ...p }) => p),
      m: mean(gaps)!,
    };
  });
  groups.sort((a, b) => b.m.cmp(a.m) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { title: CHART_LABELS.selfVsReview.title, by, groups: groups.map(({ m: _m, ...g }) => g), unreviewed };
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

function emptyCounts(): FindingCounts {
  return { error: 0, warning: 0, info: 0, total: 0 };
}

function familyTitle(family: string): string {
  return FAMILIES.find((f) => f.family === family)?.title ?? OTHER_FAMILY_ZH;
}

export interface FindingsByFamily {
  title: string;
  families: Array<{ family: string; label: string; counts: FindingCounts; ids: string[] }>;
}

/** Findings per family (in the audit catalogue's order, then others), with the evaluations that have them. */
export function findingsByFamily(summaries: readonly EvaluationSummary[], options: { severities?: readonly Severity[] | undefined } = {}): FindingsByFamily {
  const keep = new Set<Severity>(options.severities ?? ['error', 'warning', 'info']);
  const byFamily = new Map<string, { counts: FindingCounts; ids: Set<string> }>();
  for (const s of summaries) {
    for (const f of s.findings) {
      if (!keep.has(f.severity)) continue;
      let slot = byFamily.get(f.family);
      if (!slot) byFamily.set(f.family, (slot = { counts: emptyCounts(), ids: new Set() }));
      slot.counts[f.severity]++;
      slot.counts.total++;
      slot.ids.add(s.id);
    }
  }
  const order = FAMILIES.map((f) => f.family as string);
  const families = [...byFamily.keys()].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
  return {
    title: CHART_LABELS.findingsByFamily.title,
    families: families.map((family) => ({ family, label: familyTitle(family), counts: byFamily.get(family)!.counts, ids: [...byFamily.get(family)!.ids] })),
  };
}

export interface FindingsByUnit {
  title: string;
  by: UnitBy;
  units: Array<{ key: string; evaluations: number; counts: FindingCounts; byFamily: Record<string, number>; perEvaluation: string; ids: string[] }>;
}

/** Findings per unit, most findings per evaluation first. */
export function findingsByUnit(summaries: readonly EvaluationSummary[], options: { by?: UnitBy | undefined; severities?: readonly Severity[] | undefined } = {}): FindingsByUnit {
  const by = options.by ?? 'org';
  const keep = new Set<Severity>(options.severities ?? ['error', 'warning', 'info']);
  const units = [...groupBy(summaries, (s) => keyOf(s, by)).entries()].map(([key, list]) => {
    const counts = emptyCounts();
    const byFamily: Record<string, number> = {};
    const ids: string[] = [];
    for (const s of list) {
      let any = false;
      for (const f of s.findings) {
        if (!keep.has(f.severity)) continue;
        counts[f.severity]++;
        counts.total++;
        byFamily[f.family] = (byFamily[f.family] ?? 0) + 1;
        any = true;
      }
      if (any) ids.push(s.id);
    }
    const per = Dec.fromInt(counts.total).div(Dec.fromInt(list.length), 2)!;
    return { key, evaluations: list.length, counts, byFamily, perEvaluation: per.toString(), ids, p: per };
  });
  units.sort((a, b) => b.p.cmp(a.p) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { title: CHART_LABELS.findingsByUnit.title, by, units: units.map(({ p: _p, ...u }) => u) };
}

// ---------------------------------------------------------------------------------------------
// Year on year

export interface YearOnYear {
  title: string;
  by: UnitBy;
  units: Array<{
    key: string;
    years: Array<{ year: number; count: number; mean: string; ids: string[] }>;
    /** Between consecutive years present: mean(to) − mean(from), and the change as a percent of mean(from). */
    changes: Array<{ from: number; to: number; change: string; changePercent?: string | undefined }>;
  }>;
}

/** Mean total per unit and year, with the change between consecutive years. */
export function yearOnYear(summaries: readonly EvaluationSummary[], options: { by?: UnitBy | undefined } = {}): YearOnYear {
  const by = options.by ?? 'org';
  const units = [...groupBy(summaries, (s) => keyOf(s, by)).entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([key, list]) => {
      const years = [...groupBy(list, (s) => String(s.year)).entries()]
        .sort((a, b) => Number(a[0]) - Number(b[0]))
        .map(([year, ys]) => ({ year: Number(year), count: ys.length, mean: mean(ys.map((s) => Dec.of(s.total)))!, ids: ys.map((s) => s.id) }));
      const changes = years.slice(1).map((y, i) => {
        const prev = years[i]!;
        const change = y.mean.minus(prev.mean);
        return {
          from: prev.year,
          to: y.year,
          change: change.toString(),
          ...(prev.mean.isZero() ? {} : { changePercent: change.times(Dec.HUNDRED).div(prev.mean, 2)!.toString() }),
        };
      });
      return { key, years: years.map((y) => ({ ...y, mean: y.mean.toString() })), changes };
    });
  return { title: CHART_LABELS.yearOnYear.title, by, units };
}
