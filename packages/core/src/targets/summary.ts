/**
 * @module One-line technical summaries of parsed cells, for logs, debugging output and
 * table-driven tests: `≥ 600 批次`, `≥* 93 %` (implied), `[80, 90) % var=M`, `deadline ≤ 2 个工作日`,
 * `deadline ≤ *-12 year-end`, `qualitative improve 逐步提高`, `measure 644 批次`, `expression(≥ 70 %)`.
 */
import type { DateDue, Due, ParsedActual, ParsedTarget } from './types.js';

const OP: Readonly<Record<string, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<' };

function dueSummary(d: Due): string {
  if (d.form === 'duration') return `${d.value.toString()} ${d.unit}`;
  return dateSummary(d);
}

function dateSummary(d: DateDue): string {
  const day = d.day === undefined ? '' : `-${d.day}`;
  return `${d.year ?? '*'}-${d.month}${day} ${d.period}`;
}

function extras(x: {
  readonly approx?: string | undefined;
  readonly subject?: string | undefined;
  readonly variable?: string | undefined;
  readonly band?: string | undefined;
  readonly note?: string | undefined;
}): string {
  let s = '';
  if (x.approx !== undefined) s += ` ~${x.approx}`;
  if (x.variable !== undefined) s += ` var=${x.variable}`;
  if (x.subject !== undefined) s += ` subj=${x.subject}`;
  if (x.band !== undefined) s += ` band=${x.band}`;
  if (x.note !== undefined) s += ` note=${x.note}`;
  return s;
}

function unitPart(unit: string | undefined): string {
  return unit === undefined ? '' : ` ${unit}`;
}

export function summarizeTarget(t: ParsedTarget): string {
  switch (t.kind) {
    case 'threshold':
      return `${OP[t.op] ?? t.op}${t.implied ? '*' : ''} ${t.value.toString()}${unitPart(t.unit)}${extras(t)}`;
    case 'range':
      return `${t.lowInclusive ? '[' : '('}${t.low.toString()}, ${t.high.toString()}${t.highInclusive ? ']' : ')'}${unitPart(t.unit)}${extras(t)}`;
    case 'exact':
      return `=${t.implied ? '*' : ''} ${t.value.toString()}${unitPart(t.unit)}${extras(t)}`;
    case 'deadline':
      return `deadline ≤ ${dueSummary(t.due)}${t.baseline === undefined ? '' : ` from ${dueSummary(t.baseline)}`}${t.from === undefined ? '' : ` from ${dateSummary(t.from)}`}${extras(t)}`;
    case 'qualitative':
      return `qualitative ${t.family} ${t.level}${t.band === undefined ? '' : ` band=${t.band}`}`;
    case 'unparsed':
      return 'unparsed';
  }
}

export function summarizeActual(a: ParsedActual): string {
  switch (a.kind) {
    case 'measure':
      return `measure ${a.value.toString()}${unitPart(a.unit)}${extras(a)}`;
    case 'qualitative':
      return `qualitative ${a.family} ${a.level}${a.band === undefined ? '' : ` band=${a.band}`}`;
    case 'deadline':
      return `deadline ${a.op === 'on' ? 'on' : '≤'} ${dueSummary(a.due)}${a.from === undefined ? '' : ` from ${dateSummary(a.from)}`}`;
    case 'expression':
      return `expression(${summarizeTarget(a.parsed)})`;
    case 'unparsed':
      return 'unparsed';
  }
}
