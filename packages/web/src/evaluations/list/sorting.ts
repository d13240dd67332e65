/** @module Sorting a page of evaluations on the client, the same way the list asks the server to. */
import type { EvaluationSummary, ListQuery } from '../../api/types.js';

type SortKey = NonNullable<ListQuery['sort']>;

/** Compares two decimal strings without floating point: sign, integer length, then digits. */
export function compareDecimalText(a: string, b: string): number {
  const parse = (s: string) => {
    const neg = s.startsWith('-');
    const [i = '0', f = ''] = (neg ? s.slice(1) : s).split('.');
    return { neg, int: i.replace(/^0+(?=\d)/, ''), frac: f.replace(/0+$/, '') };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.neg !== y.neg) return x.neg ? -1 : 1;
  const sign = x.neg ? -1 : 1;
  if (x.int.length !== y.int.length) return sign * (x.int.length - y.int.length);
  if (x.int !== y.int) return sign * (x.int < y.int ? -1 : 1);
  const len = Math.max(x.frac.length, y.frac.length);
  const fx = x.frac.padEnd(len, '0');
  const fy = y.frac.padEnd(len, '0');
  return fx === fy ? 0 : sign * (fx < fy ? -1 : 1);
}

export function sortSummaries(items: readonly EvaluationSummary[], sort: SortKey | undefined, order: 'asc' | 'desc' | undefined): EvaluationSummary[] {
  if (!sort) return [...items];
  const dir = order === 'asc' ? 1 : -1;
  const cmp = (a: EvaluationSummary, b: EvaluationSummary): number => {
    switch (sort) {
      case 'total':
        return compareDecimalText(a.total, b.total);
      case 'year':
        return a.year - b.year;
      case 'title':
        return a.title.localeCompare(b.title, 'zh-CN');
      case 'updatedAt':
        return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
    }
  };
  return [...items].sort((a, b) => dir * cmp(a, b) || (a.id < b.id ? -1 : 1));
}
