/**
 * @module Evaluation filters as SQL: one definition of every filter the list accepts (and the analytics
 * and stats routes reuse), so a number on a chart and the list it opens count the same evaluations.
 * Every fragment reads the stored columns of `evaluations e` (and the finding counts), never the json.
 */
import { z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { EvaluationStatus } from '../db/types.js';
import type { ReadScope } from '../permissions/policy.js';

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

export const SORT_KEYS = ['updated', 'total', 'year', 'title', 'grade'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const FAMILY_KEYS = ['arithmetic', 'weights', 'scoring', 'quality', 'prose', 'history', 'goals', 'other'] as const;
export const STAGES = ['goals', 'monitoring', 'self-evaluation', 'evaluation'] as const;
/** The stages analytics covers (results of a year: self-evaluations and evaluations). */
export const ANALYSED_STAGES = ['self-evaluation', 'evaluation'] as const;

export interface EvaluationFilter {
  year?: number | undefined;
  /** Several years at once (analytics: a year and the one before). */
  years?: readonly number[] | undefined;
  /** An organisation id: it and everything under it. */
  org?: string | undefined;
  level?: 'project' | 'department' | undefined;
  status?: EvaluationStatus | undefined;
  grade?: string | undefined;
  hasErrors?: boolean | undefined;
  q?: string | undefined;
  stages?: readonly string[] | undefined;
  sector?: string | undefined;
  /** Evaluations with at least one finding of this audit family (and `severity`, when given). */
  family?: string | undefined;
  severity?: 'error' | 'warning' | 'info' | undefined;
  /** With (true) or without (false) any finding (of `severity`, when given). */
  hasFindings?: boolean | undefined;
  /** Execution rate in percent: at least `execMin`, below `execMax`. */
  execMin?: string | undefined;
  execMax?: string | undefined;
  /** Total score: at least `totalMin`, below `totalMax`. */
  totalMin?: string | undefined;
  totalMax?: string | undefined;
  /** With (true) or without (false) a reviewer's re-score. */
  reviewed?: boolean | undefined;
  /** With (true) or without (false) a printed self-score (自评分). */
  selfScored?: boolean | undefined;
  /** Scorable (true) or not (false, 不可评分). */
  scorable?: boolean | undefined;
  /** Monitoring documents with a snapshot dated in this date's year, on or before it (ISO date). */
  reportedBy?: string | undefined;
}

const Decimal = z.string().regex(/^-?\d{1,6}(\.\d{1,4})?$/, '应为十进制数');
const Bool = z.enum(['true', 'false']);

/** The query parameters of the click-through filters (the list takes them; analytics returns them). */
export const FilterQuery = {
  stage: z
    .string()
    .regex(/^[a-z-]+(,[a-z-]+)*$/)
    .refine((s) => s.split(',').every((x) => (STAGES as readonly string[]).includes(x)), '未知的文档阶段')
    .optional()
    .openapi({ description: 'document stages, comma-separated (goals, monitoring, self-evaluation, evaluation)', example: 'self-evaluation,evaluation' }),
  sector: z.string().min(1).max(100).optional().openapi({ description: 'header.sector' }),
  family: z.enum(FAMILY_KEYS).optional().openapi({ description: 'has a finding of this audit family' }),
  severity: z.enum(['error', 'warning', 'info']).optional().openapi({ description: 'with family or hasFindings: of this severity' }),
  hasFindings: Bool.optional().openapi({ description: 'with (true) or without (false) audit findings' }),
  execMin: Decimal.optional().openapi({ description: 'execution rate at least this percent' }),
  execMax: Decimal.optional().openapi({ description: 'execution rate below this percent' }),
  totalMin: Decimal.optional().openapi({ description: 'total score at least this' }),
  totalMax: Decimal.optional().openapi({ description: 'total score below this' }),
  reviewed: Bool.optional().openapi({ description: 'with (true) or without (false) a re-score (复核分)' }),
  selfScored: Bool.optional().openapi({ description: 'with (true) or without (false) a printed self-score (自评分)' }),
  scorable: Bool.optional().openapi({ description: 'scorable (true) or not scorable (false, 不可评分)' }),
  reportedBy: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，如 2024-06-30')
    .optional()
    .openapi({ description: 'monitoring documents with a snapshot dated in that year, on or before this date' }),
};

type FilterQueryValues = { [K in keyof typeof FilterQuery]?: string | undefined };

/** The parsed query parameters as a filter. */
export function filterFromQuery(q: FilterQueryValues): Partial<EvaluationFilter> {
  const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
  return {
    stages: q.stage?.split(','),
    sector: q.sector,
    family: q.family,
    severity: q.severity as EvaluationFilter['severity'],
    hasFindings: bool(q.hasFindings),
    execMin: q.execMin,
    execMax: q.execMax,
    totalMin: q.totalMin,
    totalMax: q.totalMax,
    reviewed: bool(q.reviewed),
    selfScored: bool(q.selfScored),
    scorable: bool(q.scorable),
    reportedBy: q.reportedBy,
  };
}

/** A filter as list query parameters (the inverse of the list's parsing), for click-through links. */
export function filterToQuery(f: EvaluationFilter): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (k: string, v: string | number | boolean | undefined) => {
    if (v !== undefined) out[k] = String(v);
  };
  put('year', f.year);
  put('org', f.org);
  put('level', f.level);
  put('status', f.status);
  put('grade', f.grade);
  put('hasErrors', f.hasErrors);
  put('q', f.q);
  if (f.stages) put('stage', f.stages.join(','));
  put('sector', f.sector);
  put('family', f.family);
  put('severity', f.severity);
  put('hasFindings', f.hasFindings);
  put('execMin', f.execMin);
  put('execMax', f.execMax);
  put('totalMin', f.totalMin);
  put('totalMax', f.totalMax);
  put('reviewed', f.reviewed);
  put('selfScored', f.selfScored);
  put('scorable', f.scorable);
  put('reportedBy', f.reportedBy);
  return out;
}

/** The scope as SQL conditions on `e`. */
export function scopeWhere(scope: ReadScope): RawBuilder<unknown>[] {
  const where = [sql`e.region = ${scope.region}`, sql`e.deleted_at IS NULL`];
  if (scope.kind === 'org') where.push(sql`e.org_id = ${scope.orgId}::uuid`);
  if (scope.kind === 'subtree') where.push(sql`e.org_path LIKE ${`${likeEscape(scope.pathPrefix)}%`}`);
  return where;
}

/** The scope and the filter as SQL conditions on `e`, joined by AND. */
export function filterWhere(scope: ReadScope, f: EvaluationFilter): RawBuilder<unknown> {
  const where = scopeWhere(scope);
  if (f.year !== undefined) where.push(sql`e.year = ${f.year}`);
  if (f.years !== undefined) where.push(f.years.length === 0 ? sql`false` : sql`e.year IN (${sql.join([...f.years])})`);
  if (f.org !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM orgs s WHERE s.region = e.region AND s.id = ${f.org}::uuid
      AND e.org_path LIKE replace(replace(replace(s.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`);
  }
  if (f.level !== undefined) where.push(sql`e.level = ${f.level}`);
  if (f.status !== undefined) where.push(sql`e.status = ${f.status}`);
  if (f.grade !== undefined) where.push(sql`e.grade = ${f.grade}`);
  if (f.hasErrors === true) where.push(sql`e.errors > 0`);
  if (f.hasErrors === false) where.push(sql`e.errors = 0`);
  if (f.q !== undefined && f.q !== '') where.push(sql`e.title LIKE ${`%${likeEscape(f.q)}%`}`);
  if (f.stages !== undefined) where.push(f.stages.length === 0 ? sql`false` : sql`e.stage IN (${sql.join([...f.stages])})`);
  if (f.sector !== undefined) where.push(sql`e.sector = ${f.sector}`);
  if (f.family !== undefined || f.hasFindings !== undefined) {
    const conds = [sql`c.region = e.region`, sql`c.evaluation_id = e.id`];
    if (f.family !== undefined) conds.push(sql`c.family = ${f.family}`);
    if (f.severity !== undefined) conds.push({ error: sql`c.errors > 0`, warning: sql`c.warnings > 0`, info: sql`c.infos > 0` }[f.severity]);
    const exists = sql`EXISTS (SELECT 1 FROM evaluation_finding_counts c WHERE ${sql.join(conds, sql` AND `)})`;
    if (f.family !== undefined || f.hasFindings === true) where.push(exists);
    if (f.hasFindings === false) where.push(sql`NOT ${exists}`);
  }
  if (f.execMin !== undefined) where.push(sql`e.execution_rate * 100 >= ${f.execMin}::numeric`);
  if (f.execMax !== undefined) where.push(sql`e.execution_rate * 100 < ${f.execMax}::numeric`);
  if (f.totalMin !== undefined) where.push(sql`e.total >= ${f.totalMin}::numeric`);
  if (f.totalMax !== undefined) where.push(sql`e.total < ${f.totalMax}::numeric`);
  if (f.reviewed === true) where.push(sql`e.review_total IS NOT NULL`);
  if (f.reviewed === false) where.push(sql`e.review_total IS NULL`);
  if (f.selfScored === true) where.push(sql`e.self_score IS NOT NULL`);
  if (f.selfScored === false) where.push(sql`e.self_score IS NULL`);
  if (f.scorable === true) where.push(sql`e.scorable`);
  if (f.scorable === false) where.push(sql`NOT e.scorable`);
  if (f.reportedBy !== undefined) {
    where.push(sql`EXISTS (SELECT 1 FROM monitoring_snapshots ms WHERE ms.region = e.region AND ms.evaluation_id = e.id
      AND ms.as_of >= ${`${f.reportedBy.slice(0, 4)}-01-01`} AND ms.as_of <= ${f.reportedBy})`);
  }
  return sql.join(where, sql` AND `);
}

/** Grades in their order (best first); others after them, not scorable last. */
const GRADE_RANK = sql`CASE e.grade WHEN '优' THEN 1 WHEN '良' THEN 2 WHEN '中' THEN 3 WHEN '差' THEN 4 ELSE 5 END`;

/**
 * ORDER BY for a sort key and direction, stable with the id as the last key. Evaluations without a
 * total (不可评分) come last in either direction; `grade` ascending is 优 → 差.
 */
export function orderBy(sort: SortKey, order: 'asc' | 'desc'): RawBuilder<unknown> {
  const dir = order === 'asc' ? sql`ASC` : sql`DESC`;
  switch (sort) {
    case 'updated':
      return sql`e.updated_at ${dir}, e.id ${dir}`;
    case 'total':
      return sql`e.total ${dir} NULLS LAST, e.id ${dir}`;
    case 'year':
      return sql`e.year ${dir}, e.id ${dir}`;
    case 'title':
      return sql`e.title ${dir}, e.id ${dir}`;
    case 'grade':
      return sql`(e.grade IS NULL), ${GRADE_RANK} ${dir}, e.grade ${dir}, e.id ${dir}`;
  }
}
