/**
 * @module Monitoring snapshots (监控数据): what a unit reports for a month or a quarter — money executed
 * so far and the progress of each indicator — as validated plain data, and the periods they cover.
 */
import { z } from 'zod';
import { DecimalString } from '../model/index.js';
import { endOfMonth, isIsoDate, parseIsoDate } from './calendar.js';
import { SNAPSHOT_ISSUES } from './messages.js';

/** A month (`2024-06`) or a quarter (`2024-Q2`). */
export const MonitoringPeriod = z
  .string()
  .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'a month "2024-06" or a quarter "2024-Q2"')
  .describe('监控期间: month 2024-06 or quarter 2024-Q2');

export const IsoDate = z.string().refine(isIsoDate, 'an ISO date, e.g. "2024-06-30"').describe('ISO calendar date');

export const IndicatorProgress = z.object({
  id: z.string().min(1).describe('id of the indicator node in the goal document'),
  project: z.string().optional().describe('id of the embedded project, when the indicator is not in the main tree'),
  progress: z.string().describe('实际完成值 so far, written like an actual: "320批次", "96%", "已完成"'),
  note: z.string().optional(),
});

export const MonitoringSnapshot = z
  .object({
    project: z.string().min(1).optional().describe('id of the goal (or monitoring) document; optional when only one is assessed'),
    period: MonitoringPeriod,
    asOf: IsoDate.describe('the date the figures are as of (截止日期)'),
    executed: DecimalString.describe('money executed so far this year (累计执行数), in the document money unit'),
    budget: DecimalString.optional().describe('the year budget as of this date (调整后预算), when it changed'),
    indicators: z.array(IndicatorProgress).default([]),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (!periodContains(s.period, s.asOf)) ctx.addIssue({ code: 'custom', path: ['asOf'], message: SNAPSHOT_ISSUES['period-mismatch'](s.period, s.asOf) });
  });

export type MonitoringSnapshot = z.infer<typeof MonitoringSnapshot>;
export type MonitoringSnapshotInput = z.input<typeof MonitoringSnapshot>;
export type IndicatorProgress = z.infer<typeof IndicatorProgress>;
export type MonitoringPeriod = z.infer<typeof MonitoringPeriod>;

/** Validates a snapshot given as data; never throws. */
export function parseSnapshot(input: unknown): { ok: true; snapshot: MonitoringSnapshot } | { ok: false; issues: string[] } {
  const r = MonitoringSnapshot.safeParse(input);
  if (r.success) return { ok: true, snapshot: r.data };
  return { ok: false, issues: r.error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`) };
}

/** First and last month of a period: `2024-Q2` → 4…6, `2024-06` → 6…6. */
export function periodMonths(period: string): { year: number; first: number; last: number } | undefined {
  const m = /^(\d{4})-(?:Q([1-4])|(\d{2}))$/.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const q = Number(m[2]);
    return { year, first: q * 3 - 2, last: q * 3 };
  }
  const month = Number(m[3]);
  return month >= 1 && month <= 12 ? { year, first: month, last: month } : undefined;
}

/** The last day of a period: `2024-Q2` → `2024-06-30`. */
export function periodEnd(period: string): string | undefined {
  const p = periodMonths(period);
  return p ? endOfMonth(p.year, p.last) : undefined;
}

/** The month (`2024-06`) or quarter (`2024-Q2`) a date falls in. */
export function periodOf(date: string, granularity: 'month' | 'quarter'): string | undefined {
  const d = parseIsoDate(date);
  if (!d) return undefined;
  return granularity === 'month' ? `${d.year}-${String(d.month).padStart(2, '0')}` : `${d.year}-Q${Math.ceil(d.month / 3)}`;
}

/** True when `date` falls within `period`. */
export function periodContains(period: string, date: string): boolean {
  const p = periodMonths(period);
  const d = parseIsoDate(date);
  return p !== undefined && d !== undefined && d.year === p.year && d.month >= p.first && d.month <= p.last;
}
