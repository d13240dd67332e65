/**
 * @module Analytics routes (绩效分析): one overview of the evaluations in the caller's scope, from the
 * stored columns (total, grade, execution rate, printed total, re-scores, finding codes) gathered by one SQL
 * query into core's `EvaluationSummary` rows, then core's charts (`gradeDistribution`, `scoreVsExecution`,
 * `selfVsReview`, `findingsByFamily`, `findingsByUnit`, `yearOnYear`) with the ids behind every point.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { auditCatalogue, findingsByFamily, findingsByUnit, gradeDistribution, scoreVsExecution, selfVsReview, yearOnYear } from '@jixiao/core';
import type { EvaluationSummary } from '@jixiao/core';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, Uuid, errors, json, router } from '../http/openapi.js';
import { readScope } from '../permissions/policy.js';
import { likeEscape } from '../evaluations/queries.js';

const Query = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'the year shown; year-on-year compares it with the year before' }),
  department: Uuid.optional().openapi({ description: 'an organisation id: that department (or unit) and everything under it' }),
  sector: z.string().min(1).max(100).optional().openapi({ description: 'header.sector of the documents' }),
  level: z.enum(['project', 'department']).optional(),
});

const Loose = z.record(z.string(), z.unknown());

let families: Map<string, string> | undefined;
function familyOf(code: string): string {
  families ??= new Map(auditCatalogue().map((c) => [c.code, c.family]));
  return families.get(code) ?? 'other';
}

interface Row {
  id: string;
  org: string;
  department: string | null;
  year: number;
  level: 'project' | 'department';
  name: string | null;
  sector: string | null;
  total: string;
  grade: string;
  rate: string | null;
  self_score: string | null;
  review_delta: string | null;
  findings: Array<{ c: string; s: 'error' | 'warning' | 'info' }> | null;
}

/** Summaries of the (not deleted, self-evaluation or department) evaluations in scope. */
async function summaries(deps: Deps, user: AuthUser, f: { years?: number[] | undefined; department?: string | undefined; sector?: string | undefined; level?: string | undefined }): Promise<EvaluationSummary[]> {
  const scope = readScope(user);
  const where = [sql`e.region = ${scope.region}`, sql`e.deleted_at IS NULL`, sql`e.stage NOT IN ('goals', 'monitoring')`];
  if (scope.kind === 'org') where.push(sql`e.org_id = ${scope.orgId}::uuid`);
  if (scope.kind === 'subtree') where.push(sql`e.org_path LIKE ${`${likeEscape(scope.pathPrefix)}%`}`);
  if (f.years) where.push(sql`e.year IN (${sql.join(f.years)})`);
  if (f.level) where.push(sql`e.level = ${f.level}`);
  if (f.sector) where.push(sql`(e.document -> 'header' ->> 'sector') = ${f.sector}`);
  if (f.department) {
    where.push(sql`EXISTS (SELECT 1 FROM orgs s WHERE s.region = e.region AND s.id = ${f.department}::uuid
      AND e.org_path LIKE replace(replace(replace(s.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`);
  }
  const { rows } = await sql<Row>`
    SELECT e.id, o.name AS org, d.name AS department, e.year, e.level,
           coalesce(p.header ->> 'projectName', e.title) AS name,
           p.header ->> 'sector' AS sector,
           e.total::text AS total, e.grade,
           round(rtrim(e.score -> 'execution' ->> 'rate', '%')::numeric / 100, 4)::text AS rate,
           coalesce(p.meta ->> 'printedTotal', p.meta ->> 'statedSelfScore') AS self_score,
           (SELECT sum(i.review_score - coalesce(i.effective_score, 0))::text FROM indicators i
             WHERE i.region = e.region AND i.evaluation_id = e.id AND i.leaf AND i.review_score IS NOT NULL) AS review_delta,
           (SELECT json_agg(json_build_object('c', x ->> 'code', 's', x ->> 'severity')) FROM json_array_elements(e.findings) x) AS findings
    FROM evaluations e
    -- The document is json (text): header and meta come out of one parse of it, not one per field.
    CROSS JOIN LATERAL json_to_record(e.document) AS p(header json, meta json)
    JOIN orgs o ON o.region = e.region AND o.id = e.org_id
    LEFT JOIN orgs d ON d.region = e.region AND d.id::text = split_part(e.org_path, '/', 3)
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.id
    LIMIT 100000`.execute(deps.db);
  return rows.map((r) => ({
    id: r.id,
    org: r.org,
    department: r.department ?? r.org,
    year: r.year,
    level: r.level,
    ...(r.name ? { name: r.name } : {}),
    ...(r.sector ? { sector: r.sector } : {}),
    total: r.total,
    grade: r.grade,
    ...(r.rate !== null ? { executionRate: r.rate } : {}),
    ...(r.self_score !== null && /^-?\d+(\.\d+)?$/.test(r.self_score) ? { selfScore: r.self_score } : {}),
    ...(r.review_delta !== null ? { reviewScore: String(Number(r.total) + Number(r.review_delta)) } : {}),
    findings: (r.findings ?? []).map((x) => ({ family: familyOf(x.c), severity: x.s, code: x.c })),
  }));
}

export function analyticsRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/analytics/overview',
      tags: ['analytics'],
      summary: 'Grade distribution, score vs execution, self vs review, findings by family and by unit, year on year — over the evaluations in scope',
      middleware: g.read,
      request: { query: Query },
      responses: {
        200: {
          description: 'the overview (core’s analytics shapes, ids behind every point)',
          content: {
            'application/json': {
              schema: z.object({
                evaluations: z.number().int(),
                gradeDistribution: Loose,
                scoreVsExecution: Loose,
                selfVsReview: Loose,
                findingsByFamily: Loose,
                findingsByUnit: Loose,
                yearOnYear: Loose,
              }),
            },
          },
        },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const all = await summaries(deps, user, { years: qy.year !== undefined ? [qy.year - 1, qy.year] : undefined, department: qy.department, sector: qy.sector, level: qy.level });
      const shown = qy.year !== undefined ? all.filter((s) => s.year === qy.year) : all;
      return json(c, {
        evaluations: shown.length,
        gradeDistribution: gradeDistribution(shown, qy.year === undefined ? { by: 'year' } : {}),
        scoreVsExecution: scoreVsExecution(shown),
        selfVsReview: selfVsReview(shown),
        findingsByFamily: findingsByFamily(shown),
        findingsByUnit: findingsByUnit(shown),
        yearOnYear: yearOnYear(all),
      });
    },
  );

  return app;
}
