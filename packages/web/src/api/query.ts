/** @module Query strings for list filters: only set values, in a stable order. */
import type { ListQuery } from './types.js';

type Scalar = string | number | boolean | undefined | null;

/** `?a=1&b=x` from the set values of an object (keys in the order given); '' when none. */
export function queryString(params: Readonly<Record<string, Scalar>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The list filters as they go on the wire. */
export function listQueryString(query: ListQuery): string {
  return queryString({
    year: query.year,
    org: query.org,
    level: query.level,
    status: query.status,
    grade: query.grade,
    hasErrors: query.hasErrors,
    q: query.q,
    stage: query.stage,
    sector: query.sector,
    family: query.family,
    severity: query.severity,
    hasFindings: query.hasFindings,
    execMin: query.execMin,
    execMax: query.execMax,
    totalMin: query.totalMin,
    totalMax: query.totalMax,
    reviewed: query.reviewed,
    selfScored: query.selfScored,
    scorable: query.scorable,
    reportedBy: query.reportedBy,
    sort: query.sort,
    order: query.order,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** Reads list filters back from a URL's search part (the list page keeps its filters in the URL). */
export function parseListQuery(search: string): ListQuery {
  const p = new URLSearchParams(search);
  const int = (k: string): number | undefined => {
    const v = p.get(k);
    if (v === null || !/^\d{1,9}$/.test(v)) return undefined;
    return Number(v);
  };
  const oneOf = <T extends string>(k: string, values: readonly T[]): T | undefined => {
    const v = p.get(k);
    return v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;
  };
  const text = (k: string): string | undefined => {
    const v = p.get(k)?.trim();
    return v ? v : undefined;
  };
  const bool = (k: string): boolean | undefined => (p.get(k) === 'true' ? true : p.get(k) === 'false' ? false : undefined);
  const decimal = (k: string): string | undefined => {
    const v = p.get(k);
    return v !== null && /^-?\d{1,6}(\.\d{1,4})?$/.test(v) ? v : undefined;
  };
  const hasErrors = p.get('hasErrors');
  return {
    year: int('year'),
    org: text('org'),
    level: oneOf('level', ['project', 'department'] as const),
    status: oneOf('status', ['draft', 'submitted', 'returned', 'approved', 'rechecked', 'published'] as const),
    grade: text('grade'),
    hasErrors: hasErrors === 'true' ? true : hasErrors === 'false' ? false : undefined,
    q: text('q'),
    stage: text('stage'),
    sector: text('sector'),
    family: text('family'),
    severity: oneOf('severity', ['error', 'warning', 'info'] as const),
    hasFindings: bool('hasFindings'),
    execMin: decimal('execMin'),
    execMax: decimal('execMax'),
    totalMin: decimal('totalMin'),
    totalMax: decimal('totalMax'),
    reviewed: bool('reviewed'),
    selfScored: bool('selfScored'),
    scorable: bool('scorable'),
    reportedBy: p.get('reportedBy')?.match(/^\d{4}-\d{2}-\d{2}$/)?.[0],
    sort: oneOf('sort', ['updated', 'total', 'year', 'title', 'grade'] as const),
    order: oneOf('order', ['asc', 'desc'] as const),
    page: int('page'),
    pageSize: int('pageSize'),
  };
}
