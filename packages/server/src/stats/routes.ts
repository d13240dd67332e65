/**
 * @module Stats (概览统计): counts of the evaluations in the caller's scope — by workflow status, by grade
 * (not scorable apart), with audit errors — and the open monitoring warning cases, in one request for the
 * home page. The same scope as every read (a unit its own, a reviewer the department's subtree, the finance
 * office the region); each count carries the list filter that opens the evaluations behind it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { STATE_LABELS, WORKFLOW_STATES } from '@jixiao/core';
import type { WorkflowState } from '@jixiao/core';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, errors, json, router } from '../http/openapi.js';
import { readScope } from '../permissions/policy.js';
import { filterToQuery, filterWhere } from '../evaluations/filters.js';
import type { EvaluationFilter } from '../evaluations/filters.js';

const Query = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ description: 'only this year' }),
});

const Filter = z.record(z.string(), z.string());
const Count = z.object({ key: z.string(), label: z.string(), count: z.number().int(), filter: Filter });

const GRADES = ['优', '良', '中', '差'];

export function statsRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/stats',
      tags: ['evaluations'],
      summary: 'Counts of the evaluations in scope by status, grade and audit errors, and open monitoring cases',
      middleware: g.read,
      request: { query: Query },
      responses: {
        200: {
          description: 'the counts, each with the list filter behind it',
          content: {
            'application/json': {
              schema: z.object({
                total: z.number().int(),
                filter: Filter,
                byStatus: z.array(Count),
                byGrade: z.array(Count),
                hasErrors: Count,
                monitoring: z.object({ openCases: z.number().int(), awaitingUnit: z.number().int(), awaitingReview: z.number().int() }),
              }),
            },
          },
        },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { year } = c.req.valid('query');
      const scope = readScope(user);
      const base: EvaluationFilter = { year };
      const where = filterWhere(scope, base);
      const [rows, cases] = await Promise.all([
        sql<{ status: string; grade: string | null; with_errors: string; n: string }>`
          SELECT e.status, e.grade, count(*) FILTER (WHERE e.errors > 0) AS with_errors, count(*) AS n
          FROM evaluations e WHERE ${where} GROUP BY e.status, e.grade`.execute(deps.db),
        sql<{ status: string; n: string }>`
          SELECT m.status, count(*) AS n FROM monitoring_cases m
          JOIN evaluations e ON e.region = m.region AND e.id = m.evaluation_id
          WHERE ${where} AND m.status <> 'closed' GROUP BY m.status`.execute(deps.db),
      ]);
      const sum = (pick: (r: (typeof rows.rows)[number]) => boolean, field: 'n' | 'with_errors' = 'n') =>
        rows.rows.filter(pick).reduce((s, r) => s + Number(r[field]), 0);
      const grades = [...GRADES, ...new Set(rows.rows.map((r) => r.grade).filter((x): x is string => x !== null && !GRADES.includes(x)))];
      const caseCount = (status: string) => Number(cases.rows.find((r) => r.status === status)?.n ?? 0);
      return json(c, {
        total: sum(() => true),
        filter: filterToQuery(base),
        byStatus: WORKFLOW_STATES.map((status) => ({
          key: status,
          label: STATE_LABELS[status as WorkflowState],
          count: sum((r) => r.status === status),
          filter: filterToQuery({ ...base, status }),
        })),
        byGrade: [
          ...grades.map((grade) => ({ key: grade, label: grade, count: sum((r) => r.grade === grade), filter: filterToQuery({ ...base, grade }) })),
          { key: 'not-scorable', label: '不可评分', count: sum((r) => r.grade === null), filter: filterToQuery({ ...base, scorable: false }) },
        ],
        hasErrors: { key: 'has-errors', label: '有审核错误', count: sum(() => true, 'with_errors'), filter: filterToQuery({ ...base, hasErrors: true }) },
        monitoring: { openCases: caseCount('awaiting-unit') + caseCount('awaiting-review'), awaitingUnit: caseCount('awaiting-unit'), awaitingReview: caseCount('awaiting-review') },
      });
    },
  );

  return app;
}
