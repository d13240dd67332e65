/**
 * @module The monitoring report (绩效监控表 / 监控情况汇总) per unit, department or region: projects by
 * light, money budgeted and executed (in 万元), the execution rate, and the warnings by code, with the
 * project ids behind every figure. The documents package draws it as xlsx; the web shows it as a page.
 */
import { Dec } from '../decimal/index.js';
import type { MonitoringReasonCode } from '../rulesets/index.js';
import type { MonitoringAssessment, ProjectAssessment } from './assess.js';
import type { Light } from './messages.js';
import { REASONS } from './messages.js';

export type MonitoringGrouping = 'organisation' | 'department' | 'region';

export interface MonitoringGroup {
  /** The organisation, department or region; `''` when the documents do not say. */
  key: string;
  projects: number;
  lights: Record<Light, number>;
  /** Project ids by light, for click-through. */
  ids: Record<Light, string[]>;
  /** Sums in 万元 over projects with execution figures. */
  budget: string;
  executed: string;
  /** executed ÷ budget as a percentage, 2 places; absent when no budget. */
  ratePercent?: string | undefined;
  warnings: Array<{ code: MonitoringReasonCode; title: string; count: number; ids: string[] }>;
}

export interface MonitoringReport {
  asOf: string;
  ruleSet: string;
  by: MonitoringGrouping;
  groups: MonitoringGroup[];
  total: MonitoringGroup;
}

const TEN_THOUSAND = Dec.fromInt(10_000);

function inWan(amount: string, unit: string): Dec {
  const d = Dec.of(amount);
  return unit === '元' ? d.div(TEN_THOUSAND, 6)!.normalize() : d;
}

function keyOf(p: ProjectAssessment, by: MonitoringGrouping): string {
  return (by === 'organisation' ? p.organisation : by === 'department' ? p.department : p.region) ?? '';
}

function group(key: string, projects: readonly ProjectAssessment[]): MonitoringGroup {
  const lights: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  const ids: Record<Light, string[]> = { green: [], yellow: [], red: [] };
  let budget = Dec.ZERO;
  let executed = Dec.ZERO;
  const warnings = new Map<MonitoringReasonCode, string[]>();
  for (const p of projects) {
    lights[p.light]++;
    ids[p.light].push(p.id);
    if (p.execution) {
      budget = budget.plus(inWan(p.execution.budget, p.execution.unit));
      executed = executed.plus(inWan(p.execution.executed, p.execution.unit));
    }
    const codes = new Set<MonitoringReasonCode>([...p.reasons.map((r) => r.code), ...p.indicators.flatMap((i) => i.reasons.map((r) => r.code))]);
    for (const c of codes) warnings.set(c, [...(warnings.get(c) ?? []), p.id]);
  }
  const order = Object.keys(REASONS) as MonitoringReasonCode[];
  return {
    key,
    projects: projects.length,
    lights,
    ids,
    budget: budget.toString(),
    executed: executed.toString(),
    ...(budget.isZero() ? {} : { ratePercent: executed.div(budget, 4)!.times(Dec.HUNDRED).round(2).toString() }),
    warnings: order.filter((c) => warnings.has(c)).map((code) => ({ code, title: REASONS[code].title, count: warnings.get(code)!.length, ids: warnings.get(code)! })),
  };
}

/** Groups an assessment by organisation, department or region; groups with red first, then by key. */
export function monitoringReport(assessment: MonitoringAssessment, by: MonitoringGrouping = 'organisation'): MonitoringReport {
  const byKey = new Map<string, ProjectAssessment[]>();
  for (const p of assessment.projects) {
    const k = keyOf(p, by);
    byKey.set(k, [...(byKey.get(k) ?? []), p]);
  }
  const groups = [...byKey.entries()]
    .map(([k, list]) => group(k, list))
    .sort((a, b) => b.lights.red - a.lights.red || b.lights.yellow - a.lights.yellow || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { asOf: assessment.asOf, ruleSet: assessment.ruleSet, by, groups, total: group('', assessment.projects) };
}
