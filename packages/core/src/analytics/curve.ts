/**
 * @module The execution curve (预算执行进度曲线): month by month, money executed across projects as a
 * share of their budgets, against the time-proportional schedule and the rule set's checkpoints, from
 * monitoring snapshots. A project counts from the first month it reported; its last snapshot carries
 * forward until the next one.
 */
import { Dec } from '../decimal/index.js';
import { dayOfYear, endOfMonth, isLeapYear, parseIsoDate } from '../monitoring/calendar.js';
import type { MonitoringSnapshot } from '../monitoring/snapshots.js';
import type { RuleSet } from '../rulesets/index.js';
import { CHART_LABELS } from './messages.js';

export interface CurvePoint {
  month: number;
  asOf: string;
  /** Sums over the projects reporting by this month. */
  executed: string;
  budget: string;
  /** executed ÷ budget, percent, 2 places; absent when no project reported. */
  ratePercent?: string | undefined;
  /** Share of the year elapsed at the month's end, percent. */
  schedulePercent: string;
  /** The rule set's checkpoint for this month, percent. */
  checkpointPercent?: string | undefined;
  /** Projects behind the point. */
  ids: string[];
}

export interface ExecutionCurve {
  title: string;
  year: number;
  points: CurvePoint[];
  /** Snapshots without a budget (neither in the snapshot nor in `budgets`), by project id. */
  missingBudget: string[];
}

export interface CurveOptions {
  year: number;
  ruleSet?: Pick<RuleSet, 'monitoring'> | undefined;
  /** Last month to draw (default 12). */
  through?: number | undefined;
}

/** Month-by-month execution across projects. `budgets` gives each project's year budget (same money unit as the snapshots). */
export function executionCurve(snapshots: readonly MonitoringSnapshot[], budgets: Readonly<Record<string, string>>, options: CurveOptions): ExecutionCurve {
  const { year } = options;
  const through = Math.min(12, Math.max(1, options.through ?? 12));
  const total = isLeapYear(year) ? 366 : 365;
  const byProject = new Map<string, MonitoringSnapshot[]>();
  for (const s of snapshots) {
    const d = parseIsoDate(s.asOf);
    if (!d || d.year !== year) continue;
    const p = s.project ?? '';
    byProject.set(p, [...(byProject.get(p) ?? []), s]);
  }
  for (const list of byProject.values()) list.sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const missing = new Set<string>();
  const checkpoints = new Map((options.ruleSet?.monitoring.checkpoints ?? []).map((c) => [c.month, c.minExecution]));
  const points: CurvePoint[] = [];
  for (let month = 1; month <= through; month++) {
    const asOf = endOfMonth(year, month);
    let executed = Dec.ZERO;
    let budget = Dec.ZERO;
    const ids: string[] = [];
    for (const [project, list] of [...byProject.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      let latest: MonitoringSnapshot | undefined;
      for (const s of list) if (s.asOf <= asOf) latest = s;
      if (!latest) continue;
      const b = latest.budget ?? budgets[project];
      if (b === undefined) {
        missing.add(project);
        continue;
      }
      executed = executed.plus(Dec.of(latest.executed));
      budget = budget.plus(Dec.of(b));
      ids.push(project);
    }
    const schedule = Dec.fromInt(dayOfYear(parseIsoDate(asOf)!)).times(Dec.HUNDRED).div(Dec.fromInt(total), 2)!;
    const cp = checkpoints.get(month);
    points.push({
      month,
      asOf,
      executed: executed.toString(),
      budget: budget.toString(),
      ...(budget.isZero() ? {} : { ratePercent: executed.times(Dec.HUNDRED).div(budget, 2)!.toString() }),
      schedulePercent: schedule.toString(),
      ...(cp !== undefined ? { checkpointPercent: Dec.of(cp).times(Dec.HUNDRED).toString() } : {}),
      ids,
    });
  }
  return { title: CHART_LABELS.executionCurve.title, year, points, missingBudget: [...missing].sort() };
}
