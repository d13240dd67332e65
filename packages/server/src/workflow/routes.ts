/** @module Workflow routes: actions (submit, return, approve, recheck, publish), history, comments, re-scores. */
import { createRoute, z } from '@hono/zod-openapi';
import { DecimalString, WORKFLOW_ACTIONS } from '@jixiao/core';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, errors, json, router } from '../http/openapi.js';
import { readEvaluation, versionFromIfMatch } from '../evaluations/queries.js';
import { EvaluationSchema, sendEvaluation } from '../evaluations/routes.js';
import { requireEvaluation } from '../evaluations/store.js';
import { addComment, history, rescore, takeAction } from './commands.js';

const ActionParam = IdParam.extend({
  action: z.enum(WORKFLOW_ACTIONS).openapi({ param: { name: 'action', in: 'path' }, description: 'submit 提交, return 退回, approve 审核通过, recheck 复核通过, publish 公开' }),
});

const ActionBody = z
  .object({
    reason: z.string().trim().max(5000).optional().openapi({ description: 'required for return (退回原因)' }),
    version: z.number().int().min(1).optional().openapi({ description: 'the version acted on, when no If-Match header is sent' }),
  })
  .openapi('WorkflowAction');

const IfMatch = z.object({ 'if-match': z.string().optional() });

const IndicatorId = z.string().min(1).max(200);

const CommentSchema = z
  .object({
    id: z.string(),
    indicatorId: z.string().nullable(),
    body: z.string(),
    author: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    createdAt: z.string(),
  })
  .openapi('Comment');

const CommentBody = z
  .object({
    indicatorId: IndicatorId.optional().openapi({ description: 'the indicator the comment is about; omit for the whole document' }),
    body: z.string().trim().min(1).max(10_000),
  })
  .openapi('NewComment');

const ReviewParam = IdParam.extend({ indicatorId: IndicatorId.openapi({ param: { name: 'indicatorId', in: 'path' } }) });

const ReviewBody = z
  .object({
    score: DecimalString,
    reason: z.string().trim().min(1).max(5000),
    version: z.number().int().min(1).optional(),
  })
  .openapi('Review');

const HistoryItem = z
  .object({
    at: z.string(),
    type: z.enum(['version', 'transition', 'comment']),
    actor: z.object({ id: z.string(), name: z.string(), role: z.string() }),
    version: z.number().int().optional(),
    action: z.string().optional(),
    from: z.string().optional(),
    fromLabel: z.string().optional(),
    to: z.string().optional(),
    toLabel: z.string().optional(),
    reason: z.string().nullable().optional(),
    total: z.string().nullable().optional(),
    grade: z.string().nullable().optional(),
    indicatorId: z.string().nullable().optional(),
    body: z.string().optional(),
  })
  .openapi('HistoryItem');

export function workflowRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db } = deps;

  const expectedVersion = (header: string | undefined, body: number | undefined) => {
    if (header === undefined) return body;
    const v = versionFromIfMatch(header);
    if (v === undefined) throw new AppError('invalid-request', 'If-Match 格式无效', { issues: [{ path: 'header.if-match', message: '格式无效' }] });
    return v;
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{id}/actions/{action}',
      tags: ['workflow'],
      summary: 'Take a workflow action: 草稿 → 已提交 → 已审核 (主管部门) or 已退回 → 已复核 (财政) → 已公开',
      middleware: g.write,
      request: { params: ActionParam, headers: IfMatch, body: { content: { 'application/json': { schema: ActionBody } }, required: false } },
      responses: {
        200: { description: 'the evaluation after the action', content: { 'application/json': { schema: EvaluationSchema } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition', 'version-conflict'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, action } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = expectedVersion(c.req.header('if-match'), body.version);
      await db.transaction().execute((trx) => takeAction(trx, user, id, action, { reason: body.reason, expectedVersion: version, requestId: c.get('requestId') }));
      deps.evaluations.invalidate(`${user.region}:${id}`);
      const view = await readEvaluation(deps, user, id);
      if (!view) throw new AppError('not-found');
      return sendEvaluation(c, view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/history',
      tags: ['workflow'],
      summary: 'The full history: versions saved, workflow transitions and comments, oldest first',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'history', content: { 'application/json': { schema: z.object({ items: z.array(HistoryItem) }) } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await requireEvaluation(db, user, id, 'history.read');
      return json(c, { items: await history(db, user.region, id) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/comments',
      tags: ['workflow'],
      summary: 'Comments on the document and its indicators, oldest first',
      middleware: g.read,
      request: { params: IdParam, query: z.object({ indicatorId: IndicatorId.optional() }) },
      responses: { 200: { description: 'comments', content: { 'application/json': { schema: z.object({ items: z.array(CommentSchema) }) } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { indicatorId } = c.req.valid('query');
      await requireEvaluation(db, user, id, 'read');
      let q = db
        .selectFrom('comments as c')
        .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'c.region').onRef('u.id', '=', 'c.author_id'))
        .select(['c.id', 'c.indicator_id', 'c.body', 'c.created_at', 'u.id as author_id', 'u.display_name', 'u.role'])
        .where('c.region', '=', user.region)
        .where('c.evaluation_id', '=', id);
      if (indicatorId !== undefined) q = q.where('c.indicator_id', '=', indicatorId);
      const rows = await q.orderBy('c.created_at').orderBy('c.id').limit(5000).execute();
      return json(c, {
        items: rows.map((r) => ({
          id: r.id,
          indicatorId: r.indicator_id,
          body: r.body,
          author: { id: r.author_id, name: r.display_name, role: r.role },
          createdAt: r.created_at.toISOString(),
        })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations/{id}/comments',
      tags: ['workflow'],
      summary: 'Comment on the document or one of its indicators',
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: CommentBody } }, required: true } },
      responses: { 201: { description: 'created', content: { 'application/json': { schema: CommentSchema } } }, ...errors(...AUTHED_WRITE, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const r = await db.transaction().execute((trx) => addComment(trx, user, id, { indicatorId: body.indicatorId, body: body.body, requestId: c.get('requestId') }));
      return json(
        c,
        { id: r.id, indicatorId: body.indicatorId ?? null, body: body.body, author: { id: user.id, name: user.displayName, role: user.role }, createdAt: r.createdAt.toISOString() },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{id}/reviews/{indicatorId}',
      tags: ['workflow'],
      summary: 'Record a re-score (复核分) with a reason, kept beside the preparer’s score (reviewer while submitted, finance while approved)',
      middleware: g.write,
      request: { params: ReviewParam, headers: IfMatch, body: { content: { 'application/json': { schema: ReviewBody } }, required: true } },
      responses: {
        200: { description: 'the evaluation, rescored', content: { 'application/json': { schema: EvaluationSchema } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'version-conflict'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, indicatorId } = c.req.valid('param');
      const body = c.req.valid('json');
      const version = expectedVersion(c.req.header('if-match'), body.version);
      await db.transaction().execute((trx) =>
        rescore(trx, user, id, indicatorId, { score: body.score, reason: body.reason, expectedVersion: version, requestId: c.get('requestId') }),
      );
      deps.evaluations.invalidate(`${user.region}:${id}`);
      const view = await readEvaluation(deps, user, id);
      if (!view) throw new AppError('not-found');
      return sendEvaluation(c, view, 200);
    },
  );

  return app;
}
