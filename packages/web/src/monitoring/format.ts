/** @module Figures of the monitoring pages: fractions as percentages (exact, two decimals), money in 万元. */
import { Dec } from '@jixiao/core';
import { formatMoney, formatPercent } from '../format/numbers.js';
import type { CaseView } from './types.js';

/** A fraction string ("0.4523") as "45.23%"; '—' when absent. */
export function fractionPercent(f: string | undefined): string {
  if (f === undefined || f === '') return '—';
  const d = Dec.parse(f);
  return d ? formatPercent(d.times(Dec.HUNDRED)) : f;
}

/** A percent string ("45.2") as "45.20%"; '—' when absent. */
export function percentText(p: string | undefined): string {
  return p === undefined || p === '' ? '—' : formatPercent(p);
}

const TEN_THOUSAND = Dec.fromInt(10_000);

/** An amount in the document's money unit shown in 万元 with two decimals. */
export function wanText(amount: string | undefined, unit: string | undefined): string {
  if (amount === undefined || amount === '') return '—';
  const d = Dec.parse(amount);
  if (!d) return amount;
  if (unit === '元') return formatMoney(d.div(TEN_THOUSAND, 6));
  return formatMoney(d);
}

const RANK: Record<string, number> = { red: 0, yellow: 1, green: 2 };
/** Red first, then yellow, then green; then by name. */
export function byLight<T extends { light: string; name: string }>(a: T, b: T): number {
  return (RANK[a.light] ?? 3) - (RANK[b.light] ?? 3) || a.name.localeCompare(b.name, 'zh-CN');
}

const URGENCY: Record<string, number> = { overdue: 0, 'due-soon': 1, 'awaiting-unit': 2, 'awaiting-review': 3, closed: 4 };

/** The case to show for a project: the most urgent open one (earliest due first), else the latest; and how many are open. */
export function caseToShow(p: { cases: readonly CaseView[] }): { view: CaseView | undefined; open: number } {
  const open = p.cases.filter((c) => c.status !== 'closed');
  const pick = [...(open.length > 0 ? open : p.cases)].sort((a, b) => (URGENCY[a.status] ?? 5) - (URGENCY[b.status] ?? 5) || (open.length > 0 ? (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) : a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0))[0];
  return { view: pick, open: open.length };
}
