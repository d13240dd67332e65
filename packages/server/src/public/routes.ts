/**
 * @module The public API (no login, rate-limited per address): published evaluations only (已公开),
 * across regions. Internal material stays out: evidence files, comments, audit findings and the names
 * of the reviewers who re-scored.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { EvaluationDocument } from '@jixiao/core';
import type { IndicatorNode } from '@jixiao/core';
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { IdParam, PageQuery, errors, json, router } from '../http/openapi.js';
import { likeEscape } from '../evaluations/filters.js';

const PublicSummary = z
  .object({
    id: z.string(),
    region: z.string(),
    regionName: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    level: z.enum(['project', 'department']),
    title: z.string(),
    total: z.string().nullable().openapi({ description: 'null when the document is not scorable (不可评分)' }),
    grade: z.string().nullable(),
    publishedAt: z.string(),
  })
  .openapi('PublishedEvaluationSummary');

const PublicEvaluation = PublicSummary.extend({
  document: EvaluationDocument,
  score: z.object({ total: z.string().nullable(), grade: z.string().nullable(), ruleSet: z.string(), sections: z.array(z.unknown()) }),
}).openapi('PublishedEvaluation');

const PublicQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '地区代码格式无效').optional(),
  level: z.enum(['project', 'department']).optional(),
  grade: z.string().min(1).max(10).optional(),
  org: z.string().trim().min(1).max(200).optional().openapi({ description: 'the organisation’s name, exactly as listed by /public/organisations' }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'words in the title' }),
  ...PageQuery,
});

const OrgQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  region: z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '地区代码格式无效').optional(),
});

/** Removes what is not for the public: evidence links and reviewers' names. */
function publicDocument(doc: EvaluationDocument): EvaluationDocument {
  const strip = (nodes: IndicatorNode[] | undefined): IndicatorNode[] | undefined =>
    nodes?.map((n) => {
      const { evidence: _evidence, review, children, ...rest } = n;
      const out: IndicatorNode = { ...rest };
      if (review) out.review = { score: review.score, reason: review.reason };
      if (children) out.children = strip(children);
      return out;
    });
  return {
    ...doc,
    indicators: strip(doc.indicators) ?? [],
    projects: doc.projects.map((p) => ({ ...p, indicators: strip(p.indicators) ?? [] })),
  };
}

export function publicRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db } = deps;

  const base = () =>
    db
      .selectFrom('evaluations as e')
      .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'e.region').onRef('o.id', '=', 'e.org_id'))
      .innerJoin('regions as r', 'r.region', 'e.region')
      .where('e.status', '=', 'published')
      .where('e.deleted_at', 'is', null);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/evaluations',
      tags: ['public'],
      summary: 'Published evaluations (no login)',
      security: [],
      middleware: g.public,
      request: { query: PublicQuery },
      responses: {
        200: { description: 'a page', content: { 'application/json': { schema: z.object({ items: z.array(PublicSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } } },
        ...errors('invalid-request', 'rate-limited'),
      },
    }),
    async (c) => {
      const qy = c.req.valid('query');
      let q = base();
      if (qy.year !== undefined) q = q.where('e.year', '=', qy.year);
      if (qy.region !== undefined) q = q.where('e.region', '=', qy.region);
      if (qy.level !== undefined) q = q.where('e.level', '=', qy.level);
      if (qy.grade !== undefined) q = q.where('e.grade', '=', qy.grade);
      if (qy.org !== undefined) q = q.where('o.name', '=', qy.org);
      if (qy.q !== undefined) q = q.where('e.title', 'like', `%${likeEscape(qy.q)}%`);
      const rows = await q
        .select(['e.id', 'e.region', 'r.name as region_name', 'o.name as org_name', 'e.year', 'e.level', 'e.title', 'e.total', 'e.grade', 'e.published_at', sql<number>`count(*) over ()`.as('n')])
        .orderBy('e.published_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(qy.pageSize)
        .offset((qy.page - 1) * qy.pageSize)
        .execute();
      let total = rows[0]?.n;
      if (total === undefined) total = Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
      c.header('Cache-Control', 'public, max-age=60');
      return json(c, {
        items: rows.map((r) => ({
          id: r.id,
          region: r.region,
          regionName: r.region_name,
          orgName: r.org_name,
          year: r.year,
          level: r.level,
          title: r.title,
          total: r.total,
          grade: r.grade,
          publishedAt: r.published_at?.toISOString() ?? '',
        })),
        total: Number(total),
        page: qy.page,
        pageSize: qy.pageSize,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/organisations',
      tags: ['public'],
      summary: 'The organisations with published evaluations, with how many (no login): the portal’s organisation filter',
      security: [],
      middleware: g.public,
      request: { query: OrgQuery },
      responses: {
        200: {
          description: 'organisations by name',
          content: { 'application/json': { schema: z.object({ items: z.array(z.object({ name: z.string(), published: z.number().int() })) }) } },
        },
        ...errors('invalid-request', 'rate-limited'),
      },
    }),
    async (c) => {
      const qy = c.req.valid('query');
      let q = base();
      if (qy.year !== undefined) q = q.where('e.year', '=', qy.year);
      if (qy.region !== undefined) q = q.where('e.region', '=', qy.region);
      const rows = await q.select(['o.name', sql<string>`count(*)`.as('n')]).groupBy('o.name').orderBy('o.name').limit(5000).execute();
      c.header('Cache-Control', 'public, max-age=60');
      return json(c, { items: rows.map((r) => ({ name: r.name, published: Number(r.n) })) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/public/evaluations/{id}',
      tags: ['public'],
      summary: 'One published evaluation (no login)',
      security: [],
      middleware: g.public,
      request: { params: IdParam },
      responses: { 200: { description: 'the evaluation', content: { 'application/json': { schema: PublicEvaluation } } }, ...errors('invalid-request', 'rate-limited', 'not-found') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const r = await base()
        .select(['e.id', 'e.region', 'r.name as region_name', 'o.name as org_name', 'e.year', 'e.level', 'e.title', 'e.total', 'e.grade', 'e.published_at', 'e.document', 'e.score', 'e.rule_set'])
        .where('e.id', '=', id)
        .executeTakeFirst();
      if (!r) throw new AppError('not-found', '未找到该公开的评价');
      const score = r.score as { sections?: unknown[] };
      c.header('Cache-Control', 'public, max-age=60');
      return json(c, {
        id: r.id,
        region: r.region,
        regionName: r.region_name,
        orgName: r.org_name,
        year: r.year,
        level: r.level,
        title: r.title,
        total: r.total,
        grade: r.grade,
        publishedAt: r.published_at?.toISOString() ?? '',
        document: publicDocument(r.document as EvaluationDocument),
        score: { total: r.total, grade: r.grade, ruleSet: r.rule_set, sections: score.sections ?? [] },
      });
    },
  );

  return app;
}
