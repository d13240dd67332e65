/**
 * @module The year-end list (结果应用清单) over the stored summary columns: one SQL query reads the
 * evaluations in the caller's scope (self-evaluations and department evaluations: not goal or monitoring
 * documents, not deleted) with their total, grade, execution rate and finding counts — no document json
 * is parsed — and core's `resultsList` turns them into treatments per department under each
 * evaluation's own rule set. Documents that are not scorable (no total or grade) are listed apart.
 */
import { defaultRuleSetFor, getRuleSet, resultsList, Treatment } from '@jixiao/core';
import type { DepartmentResults, EvaluationSummary, RuleSet, TreatmentRecommendation } from '@jixiao/core';
import { Dec } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { readScope } from '../permissions/policy.js';
import { likeEscape } from '../evaluations/queries.js';

export interface ResultsFilters {
  year?: number | undefined;
  /** An organisation id: it and everything under it. */
  department?: string | undefined;
}

interface Row {
  id: string;
  org_id: string;
  org: string;
  department_id: string | null;
  department: string | null;
  year: number;
  level: 'project' | 'department';
  title: string;
  name: string | null;
  status: string;
  rule_set: string;
  total: string | null;
  grade: string | null;
  rate: string | null;
  errors: number;
  warnings: number;
  infos: number;
  tasks_open: number;
  tasks_total: number;
}

/** A listed item: core's recommendation plus what the list and the task dialog need. */
export type ResultsItem = TreatmentRecommendation & {
  orgId: string;
  departmentId: string | null;
  title: string;
  status: string;
  ruleSet: string;
  findingCounts: { error: number; warning: number; info: number };
  tasks: { open: number; total: number };
};

export interface ResultsDepartment extends Omit<DepartmentResults, 'items'> {
  departmentId: string | null;
  items: ResultsItem[];
}

export interface ResultsAnswer {
  year: number | null;
  evaluations: number;
  departments: ResultsDepartment[];
  /** Documents with no total or grade (不可评分): no treatment can be recommended. */
  unscored: Array<{ id: string; title: string; org: string; department: string }>;
  ruleSets: string[];
}

const ORDER = Treatment.options;

function ruleSetOf(ref: string, level: 'project' | 'department'): RuleSet {
  return getRuleSet(ref) ?? defaultRuleSetFor(level);
}

/** The rows of the evaluations in scope. */
async function rows(db: Kysely<DB>, user: AuthUser, f: ResultsFilters): Promise<Row[]> {
  const scope = readScope(user);
  const where = [sql`e.region = ${scope.region}`, sql`e.deleted_at IS NULL`, sql`e.stage NOT IN ('goals', 'monitoring')`];
  if (scope.kind === 'org') where.push(sql`e.org_id = ${scope.orgId}::uuid`);
  if (scope.kind === 'subtree') where.push(sql`e.org_path LIKE ${`${likeEscape(scope.pathPrefix)}%`}`);
  if (f.year !== undefined) where.push(sql`e.year = ${f.year}`);
  if (f.department) {
    where.push(sql`EXISTS (SELECT 1 FROM orgs s WHERE s.region = e.region AND s.id = ${f.department}::uuid
      AND e.org_path LIKE replace(replace(replace(s.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`);
  }
  const r = await sql<Row>`
    SELECT e.id, e.org_id, o.name AS org, e.department_id, d.name AS department, e.year, e.level, e.title,
           e.project_name AS name, e.status, e.rule_set, e.total::text AS total, e.grade,
           e.execution_rate::text AS rate, e.errors, e.warnings, e.infos,
           coalesce(t.open, 0)::int AS tasks_open, coalesce(t.total, 0)::int AS tasks_total
    FROM evaluations e
    JOIN orgs o ON o.region = e.region AND o.id = e.org_id
    LEFT JOIN orgs d ON d.region = e.region AND d.id = e.department_id
    LEFT JOIN (SELECT region, evaluation_id, count(*) FILTER (WHERE status <> 'closed') AS open, count(*) AS total
               FROM rectification_tasks WHERE region = ${scope.region} GROUP BY region, evaluation_id) t
      ON t.region = e.region AND t.evaluation_id = e.id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.id
    LIMIT 100000`.execute(db);
  return r.rows;
}

function summaryOf(r: Row): EvaluationSummary {
  const severities = [
    ...Array.from({ length: r.errors }, () => 'error' as const),
    ...Array.from({ length: r.warnings }, () => 'warning' as const),
    ...Array.from({ length: r.infos }, () => 'info' as const),
  ];
  return {
    id: r.id,
    org: r.org,
    department: r.department ?? r.org,
    year: r.year,
    level: r.level,
    ...(r.name ? { name: r.name } : {}),
    total: Dec.of(r.total!).normalize().toString(),
    grade: r.grade!,
    ...(r.rate !== null ? { executionRate: r.rate } : {}),
    findings: severities.map((severity) => ({ family: 'audit', severity })),
  };
}

/** The list per department (core's `resultsList` per rule set, merged in core's order). */
export async function resultsFor(db: Kysely<DB>, user: AuthUser, f: ResultsFilters): Promise<ResultsAnswer> {
  const all = await rows(db, user, f);
  const scored = all.filter((r) => r.total !== null && r.grade !== null);
  const byId = new Map(scored.map((r) => [r.id, r]));
  const groups = new Map<string, Row[]>();
  for (const r of scored) groups.set(r.rule_set, [...(groups.get(r.rule_set) ?? []), r]);
  const merged = new Map<string, ResultsDepartment>();
  for (const [ref, group] of groups) {
    const rs = ruleSetOf(ref, group[0]!.level);
    for (const d of resultsList(group.map(summaryOf), rs)) {
      const items: ResultsItem[] = d.items.map((rec) => {
        const row = byId.get(rec.id)!;
        return {
          ...rec,
          orgId: row.org_id,
          departmentId: row.department_id,
          title: row.title,
          status: row.status,
          ruleSet: ref,
          findingCounts: { error: row.errors, warning: row.warnings, info: row.infos },
          tasks: { open: row.tasks_open, total: row.tasks_total },
        };
      });
      const departmentId = byId.get(group.find((r) => (r.department ?? r.org) === d.department)?.id ?? '')?.department_id ?? null;
      const prev = merged.get(d.department);
      if (!prev) {
        merged.set(d.department, { department: d.department, departmentId, items, counts: { ...d.counts }, evaluations: d.evaluations });
      } else {
        prev.items.push(...items);
        for (const t of ORDER) prev.counts[t] += d.counts[t];
        prev.evaluations += d.evaluations;
      }
    }
  }
  const departments = [...merged.values()].sort((a, b) => (a.department < b.department ? -1 : a.department > b.department ? 1 : 0));
  for (const d of departments) {
    d.items.sort((a, b) => ORDER.indexOf(b.treatment) - ORDER.indexOf(a.treatment) || Dec.of(a.total).cmp(Dec.of(b.total)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return {
    year: f.year ?? null,
    evaluations: scored.length,
    departments,
    unscored: all.filter((r) => r.total === null || r.grade === null).map((r) => ({ id: r.id, title: r.title, org: r.org, department: r.department ?? r.org })),
    ruleSets: [...groups.keys()].sort(),
  };
}
