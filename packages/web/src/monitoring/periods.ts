/** @module Monitoring periods as the snapshot form offers them: months and quarters of a year, their last day, the default "as of" date. */

export type Granularity = 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');

function lastDay(year: number, month: number): string {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(days)}`;
}

/** `2024-01` … `2024-12` or `2024-Q1` … `2024-Q4`, with Chinese labels. */
export function periodsOfYear(year: number, g: Granularity): Array<{ value: string; label: string }> {
  if (g === 'quarter') return [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, label: `${year}年第${'一二三四'[q - 1]}季度` }));
  return Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${pad(i + 1)}`, label: `${year}年${i + 1}月` }));
}

/** First and last day of a period. */
export function periodRange(period: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$/.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  const first = m[2] ? Number(m[2]) * 3 - 2 : Number(m[3]);
  const last = m[2] ? Number(m[2]) * 3 : Number(m[3]);
  return { start: `${year}-${pad(first)}-01`, end: lastDay(year, last) };
}

/** The period a date falls in. */
export function periodOfDate(date: string, g: Granularity): string | undefined {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) return undefined;
  const month = Number(m[2]);
  return g === 'month' ? `${m[1]}-${m[2]}` : `${m[1]}-Q${Math.ceil(month / 3)}`;
}

/** The "as of" date to propose: the period's last day, or today when today falls inside the period. */
export function defaultAsOf(period: string, today: string): string | undefined {
  const r = periodRange(period);
  if (!r) return undefined;
  return today >= r.start && today <= r.end ? today : r.end;
}

/** The period to propose for a document of `year`: the one today falls in, else the year's first or last one. */
export function defaultPeriod(year: number, today: string, g: Granularity): string {
  const y = Number(today.slice(0, 4));
  if (y === year) return periodOfDate(today, g)!;
  const list = periodsOfYear(year, g);
  return y < year ? list[0]!.value : list[list.length - 1]!.value;
}

/** A period in words: `2024-Q2` → 2024年第二季度, `2024-06` → 2024年6月. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-(?:Q([1-4])|(\d{2}))$/.exec(period);
  if (!m) return period;
  return m[2] ? `${m[1]}年第${'一二三四'[Number(m[2]) - 1]}季度` : `${m[1]}年${Number(m[3])}月`;
}

/** Today in China as `YYYY-MM-DD` (the server's calendar day). */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
