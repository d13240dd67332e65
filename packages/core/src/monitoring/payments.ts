/**
 * @module Payments into execution (支付数据汇总): rows of a payments file (`{ date, amount, project }`,
 * read from CSV or xlsx by the documents package) summed per project and period, with the running total
 * that a snapshot's `executed` is. Pure; bad rows are reported, never thrown.
 */
import { Dec } from '../decimal/index.js';
import { parseIsoDate } from './calendar.js';
import { PAYMENT_ISSUES } from './messages.js';
import type { PaymentIssueCode } from './messages.js';
import { periodEnd, periodOf } from './snapshots.js';
import type { MonitoringSnapshot } from './snapshots.js';

export interface PaymentRow {
  /** ISO date of the payment (`2024-03-15`). */
  date: string;
  /** Decimal text in the project's money unit; negative for a refund. `1,234.50` is accepted. */
  amount: string;
  /** Project (document) id the payment belongs to. */
  project: string;
}

export interface PeriodExecution {
  project: string;
  /** `2024-03` or `2024-Q1`. */
  period: string;
  /** Last day of the period: the `asOf` of a snapshot built from it. */
  asOf: string;
  /** Paid within the period. */
  amount: string;
  /** Paid from the start of the year to the end of the period (累计执行数). */
  cumulative: string;
  payments: number;
}

export interface PaymentIssue {
  /** 1-based row number in the input. */
  row: number;
  code: PaymentIssueCode;
  message: string;
}

export interface PaymentsOptions {
  granularity: 'month' | 'quarter';
  /** Only payments of this fiscal year count (rows of other years are reported). */
  year?: number | undefined;
  /**
   * Also list periods without payments between a project's first period and `through` (a period
   * string), so the series has no gaps; default: only periods with payments.
   */
  through?: string | undefined;
}

/** Sums payments per project and period, with running totals, projects in text order, periods in time order. */
export function aggregatePayments(rows: readonly PaymentRow[], options: PaymentsOptions): { periods: PeriodExecution[]; issues: PaymentIssue[] } {
  const issues: PaymentIssue[] = [];
  const byProject = new Map<string, Map<string, { amount: Dec; payments: number }>>();
  rows.forEach((r, i) => {
    const row = i + 1;
    const project = r.project?.trim() ?? '';
    if (project === '') return issues.push({ row, code: 'no-project', message: PAYMENT_ISSUES['no-project'](row) });
    const d = parseIsoDate(r.date ?? '');
    if (!d) return issues.push({ row, code: 'bad-date', message: PAYMENT_ISSUES['bad-date'](row, r.date ?? '') });
    const amount = Dec.parse((r.amount ?? '').trim());
    if (!amount) return issues.push({ row, code: 'bad-amount', message: PAYMENT_ISSUES['bad-amount'](row, r.amount ?? '') });
    if (options.year !== undefined && d.year !== options.year) return issues.push({ row, code: 'other-year', message: PAYMENT_ISSUES['other-year'](row, r.date) });
    const period = periodOf(r.date, options.granularity)!;
    let periods = byProject.get(project);
    if (!periods) byProject.set(project, (periods = new Map()));
    const slot = periods.get(period);
    if (slot) {
      slot.amount = slot.amount.plus(amount);
      slot.payments++;
    } else periods.set(period, { amount, payments: 1 });
    return undefined;
  });
  const out: PeriodExecution[] = [];
  for (const project of [...byProject.keys()].sort()) {
    const periods = byProject.get(project)!;
    const keys = fillGaps([...periods.keys()].sort(comparePeriods), options);
    let running = Dec.ZERO;
    let year: string | undefined;
    for (const period of keys) {
      const y = period.slice(0, 4);
      if (y !== year) {
        running = Dec.ZERO;
        year = y;
      }
      const slot = periods.get(period) ?? { amount: Dec.ZERO, payments: 0 };
      running = running.plus(slot.amount);
      out.push({ project, period, asOf: periodEnd(period)!, amount: slot.amount.toString(), cumulative: running.toString(), payments: slot.payments });
    }
  }
  return { periods: out, issues };
}

function comparePeriods(a: string, b: string): number {
  return (periodEnd(a) ?? a) < (periodEnd(b) ?? b) ? -1 : (periodEnd(a) ?? a) > (periodEnd(b) ?? b) ? 1 : 0;
}

function nextPeriod(period: string): string {
  const [y, rest] = [Number(period.slice(0, 4)), period.slice(5)];
  if (rest.startsWith('Q')) {
    const q = Number(rest.slice(1));
    return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
  }
  const m = Number(rest);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function fillGaps(sorted: string[], options: PaymentsOptions): string[] {
  if (sorted.length === 0) return sorted;
  const through = options.through;
  const last = through !== undefined && comparePeriods(through, sorted[sorted.length - 1]!) > 0 ? through : sorted[sorted.length - 1]!;
  if (through === undefined) return sorted;
  const out: string[] = [];
  for (let p = sorted[0]!, guard = 0; guard < 1200; p = nextPeriod(p), guard++) {
    out.push(p);
    if (p === last) break;
  }
  return out;
}

/** Snapshots (money only) from aggregated payments: `executed` is the running total at the end of each period. */
export function snapshotsFromPayments(periods: readonly PeriodExecution[], budgets: Readonly<Record<string, string>> = {}): MonitoringSnapshot[] {
  return periods.map((p) => ({
    project: p.project,
    period: p.period,
    asOf: p.asOf,
    executed: p.cumulative,
    ...(budgets[p.project] !== undefined ? { budget: budgets[p.project]! } : {}),
    indicators: [],
  }));
}
