/** @module Audit-trail routes: read-only lists per document and per user. There is no route that writes or edits events. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, IdParam, PageQuery, errors, json, router } from '../http/openapi.js';
import { requireEvaluation } from '../evaluations/store.js';
import { allow } from '../permissions/policy.js';

const EventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    action: z.string().openapi({ example: 'evaluation.update' }),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    evaluationId: z.string().nullable(),
    diff: z.unknown().openapi({ description: 'what changed: for documents `{ changes: [{ path, before, after }] }`' }),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEvent');

const Page = z.object({ items: z.array(EventSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export function auditTrailRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db } = deps;

  const list = async (region: string, where: { evaluationId?: string; actorId?: string }, page: number, pageSize: number) => {
    let q = db
      .selectFrom('audit_events as a')
      .leftJoin('users as u', (j) => j.onRef('u.region', '=', 'a.region').onRef('u.id', '=', 'a.actor_id'))
      .where('a.region', '=', region);
    if (where.evaluationId) q = q.where('a.evaluation_id', '=', where.evaluationId);
    if (where.actorId) q = q.where('a.actor_id', '=', where.actorId);
    const rows = await q
      .select(['a.id', 'a.at', 'a.actor_id', 'u.display_name', 'a.action', 'a.subject_type', 'a.subject_id', 'a.evaluation_id', 'a.diff', 'a.request_id'])
      .orderBy('a.at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        actor: r.actor_id ? { id: r.actor_id, name: r.display_name ?? '' } : null,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        evaluationId: r.evaluation_id,
        diff: r.diff,
        requestId: r.request_id,
      })),
      total: Number(total.n),
      page,
      pageSize,
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/audit-trail',
      tags: ['audit trail'],
      summary: 'Every change to one document (who, when, what changed), newest first',
      middleware: g.read,
      request: { params: IdParam, query: z.object(PageQuery) },
      responses: { 200: { description: 'events', content: { 'application/json': { schema: Page } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { page, pageSize } = c.req.valid('query');
      await requireEvaluation(db, user, id, 'audit-trail.read');
      return json(c, await list(user.region, { evaluationId: id }, page, pageSize));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}/audit-trail',
      tags: ['audit trail'],
      summary: 'Every change one user made, newest first (the user themself, the admin or the finance office)',
      middleware: g.read,
      request: { params: IdParam, query: z.object(PageQuery) },
      responses: { 200: { description: 'events', content: { 'application/json': { schema: Page } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { page, pageSize } = c.req.valid('query');
      if (!allow(user, 'audit-trail.read', { type: 'user', region: user.region, id })) throw new AppError('not-found', '用户不存在');
      const exists = await db.selectFrom('users').select('id').where('region', '=', user.region).where('id', '=', id).executeTakeFirst();
      if (!exists) throw new AppError('not-found', '用户不存在');
      return json(c, await list(user.region, { actorId: id }, page, pageSize));
    },
  );

  return app;
}
