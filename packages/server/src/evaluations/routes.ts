/** @module Evaluation routes: list, create, read, update (ETag / If-Match), delete, versions. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { EvaluationDocument, STATE_LABELS, WORKFLOW_STATES } from '@jixiao/core';
import type { WorkflowState } from '@jixiao/core';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, PageQuery, Uuid, errors, json, raw, router } from '../http/openapi.js';
import { findOrg, orgSubject } from '../organisations/store.js';
import { allow } from '../permissions/policy.js';
import { analyse } from './analysis.js';
import { FilterQuery, SORT_KEYS, filterFromQuery } from './filters.js';
import { evaluationResponse, listEvaluations, noneMatch, readEvaluation, versionFromIfMatch } from './queries.js';
import type { EvaluationView } from './queries.js';
import { createEvaluation, deleteEvaluation, requireEvaluation, saveEvaluation } from './store.js';

const Counts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });
const Status = z.enum(WORKFLOW_STATES);

const Finding = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    path: z.string(),
    location: z.string(),
    figures: z.record(z.string(), z.string()),
    suggestion: z.string(),
  })
  .openapi('Finding');

export const EvaluationSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    level: z.enum(['project', 'department']),
    stage: z.string(),
    title: z.string(),
    status: Status,
    statusLabel: z.string().openapi({ example: '草稿' }),
    version: z.number().int(),
    ruleSet: z.string(),
    total: z.string().nullable().openapi({ description: 'computed total score, a decimal string; null when the document is not scorable (不可评分)', example: '98.4' }),
    grade: z.string().nullable().openapi({ description: 'null when not scorable', example: '优' }),
    counts: Counts.openapi({ description: 'audit findings by severity' }),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.object({ id: z.string(), name: z.string() }),
    publishedAt: z.string().nullable(),
    importBatchId: z.string().nullable(),
    permissions: z.object({
      update: z.boolean(),
      delete: z.boolean(),
      rescore: z.boolean(),
      comment: z.boolean(),
      uploadEvidence: z.boolean(),
    }),
    actions: z.array(z.enum(['submit', 'return', 'approve', 'recheck', 'publish'])).openapi({ description: 'workflow actions the caller may take now' }),
    document: EvaluationDocument,
    score: z.record(z.string(), z.unknown()).openapi({ description: 'the score report (as `jixiao score --json`)' }),
    findings: z.array(Finding),
  })
  .openapi('Evaluation');

const ListItem = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    level: z.string(),
    title: z.string(),
    status: Status,
    statusLabel: z.string(),
    version: z.number().int(),
    total: z.string().nullable().openapi({ description: 'null when not scorable (不可评分)' }),
    grade: z.string().nullable(),
    scorable: z.boolean(),
    counts: Counts,
    updatedAt: z.string(),
  })
  .openapi('EvaluationSummary');

const ListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional().openapi({ example: 2023 }),
  org: Uuid.optional().openapi({ description: 'an organisation id: that organisation and everything under it' }),
  level: z.enum(['project', 'department']).optional(),
  status: Status.optional(),
  grade: z.string().min(1).max(10).optional().openapi({ example: '优' }),
  hasErrors: z.enum(['true', 'false']).optional().openapi({ description: 'only documents with (true) or without (false) audit errors' }),
  q: z.string().max(100).optional().openapi({ description: 'words in the title' }),
  ...FilterQuery,
  sort: z.enum(SORT_KEYS).default('updated').openapi({ description: 'updated, total, year, title or grade (优 → 差 ascending); the id breaks ties; not scorable last' }),
  order: z.enum(['asc', 'desc']).default('desc'),
  ...PageQuery,
});

const CreateBody = z
  .object({
    document: EvaluationDocument,
    orgId: Uuid.optional().openapi({ description: "the organisation the evaluation belongs to; default: the caller's" }),
  })
  .openapi('CreateEvaluation');

const UpdateBody = z
  .object({
    document: EvaluationDocument,
    version: z.number().int().min(1).optional().openapi({ description: 'the version edited, when no If-Match header is sent' }),
  })
  .openapi('UpdateEvaluation');

const IfMatch = z.object({
  'if-match': z.string().optional().openapi({ description: 'the ETag (or version) of the evaluation as read', example: '"3-draft"' }),
});

const VersionParam = IdParam.extend({ version: z.coerce.number().int().min(1).max(1_000_000_000).openapi({ param: { name: 'version', in: 'path' } }) });

/** Sends an evaluation (gzipped when the client takes it). */
export function sendEvaluation(c: Context, view: EvaluationView, status: 200 | 201, extra: Record<string, string> = {}): never {
  const r = evaluationResponse(c.req.header('accept-encoding'), view);
  return raw(c, r.body, status, { ...r.headers, ...extra });
}

export function evaluationRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const db = deps.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations',
      tags: ['evaluations'],
      summary: 'List evaluations in the caller’s scope, with filters and paging',
      middleware: g.read,
      request: { query: ListQuery },
      responses: {
        200: { description: 'a page of evaluations', content: { 'application/json': { schema: z.object({ items: z.array(ListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const qy = c.req.valid('query');
      const r = await listEvaluations(db, c.get('user'), {
        year: qy.year,
        org: qy.org,
        level: qy.level,
        status: qy.status,
        grade: qy.grade,
        hasErrors: qy.hasErrors === undefined ? undefined : qy.hasErrors === 'true',
        q: qy.q,
        ...filterFromQuery(qy),
        sort: qy.sort,
        order: qy.order,
        page: qy.page,
        pageSize: qy.pageSize,
      });
      return json(c, { ...r, page: qy.page, pageSize: qy.pageSize });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/evaluations',
      tags: ['evaluations'],
      summary: 'Create an evaluation (草稿); the server scores and audits it',
      middleware: g.write,
      request: { body: { content: { 'application/json': { schema: CreateBody } }, required: true } },
      responses: {
        201: { description: 'created', content: { 'application/json': { schema: EvaluationSchema } } },
        ...errors(...AUTHED_WRITE, 'invalid-document', 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      const org = await findOrg(db, user.region, body.orgId ?? user.orgId);
      if (!org) throw new AppError('invalid-request', '组织不存在', { issues: [{ path: '$.orgId', message: '组织不存在' }] });
      if (!allow(user, 'evaluation.create', orgSubject(org))) throw new AppError('forbidden', `你不能为“${org.name}”新建评价文档`);
      const analysis = analyse(body.document);
      const { id } = await db.transaction().execute((trx) =>
        createEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { org, document: body.document, analysis }),
      );
      // This replica's cached overviews no longer cover every evaluation (others hear it by NOTIFY).
      deps.evaluations.invalidate(`${user.region}:${id}`);
      const view = await readEvaluation(deps, user, id);
      if (!view) throw new AppError('internal');
      return sendEvaluation(c, view, 201, { Location: `/api/evaluations/${id}` });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}',
      tags: ['evaluations'],
      summary: 'Read an evaluation: document, score, findings, permissions; ETag for If-Match',
      middleware: g.read,
      request: { params: IdParam },
      responses: {
        200: { description: 'the evaluation', content: { 'application/json': { schema: EvaluationSchema } } },
        304: { description: 'not modified (If-None-Match)' },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const view = await readEvaluation(deps, user, c.req.valid('param').id);
      if (!view || !allow(user, 'read', view.subject)) throw new AppError('not-found', '未找到该评价文档');
      if (noneMatch(c.req.header('if-none-match'), view.etag)) return c.body(null, 304, { ETag: view.etag, Vary: 'Cookie, Accept-Encoding' }) as never;
      return sendEvaluation(c, view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/evaluations/{id}',
      tags: ['evaluations'],
      summary: 'Save a new version (If-Match or body.version required); 409 with the other edit’s author and time on conflict',
      middleware: g.write,
      request: { params: IdParam, headers: IfMatch, body: { content: { 'application/json': { schema: UpdateBody } }, required: true } },
      responses: {
        200: { description: 'saved', content: { 'application/json': { schema: EvaluationSchema } } },
        ...errors(...AUTHED_WRITE, 'invalid-document', 'not-found', 'version-conflict', 'precondition-required'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const ifMatch = c.req.header('if-match');
      const expected = versionFromIfMatch(ifMatch) ?? body.version;
      if (ifMatch !== undefined && versionFromIfMatch(ifMatch) === undefined) {
        throw new AppError('invalid-request', 'If-Match 格式无效，应为读取时返回的 ETag，如 "3-draft"', { issues: [{ path: 'header.if-match', message: '格式无效' }] });
      }
      if (expected === undefined) throw new AppError('precondition-required');
      const analysis = analyse(body.document);
      await db.transaction().execute(async (trx) => {
        const current = await requireEvaluation(trx, user, id, 'update', { lock: true });
        await saveEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { current, expectedVersion: expected, document: body.document, analysis, action: 'evaluation.update' });
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      const view = await readEvaluation(deps, user, id);
      if (!view) throw new AppError('not-found');
      return sendEvaluation(c, view, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/evaluations/{id}',
      tags: ['evaluations'],
      summary: 'Delete a draft (kept in the audit trail)',
      middleware: g.write,
      request: { params: IdParam, headers: IfMatch },
      responses: { 204: { description: 'deleted' }, ...errors(...AUTHED_WRITE, 'not-found', 'version-conflict') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const ifMatch = c.req.header('if-match');
      const expected = versionFromIfMatch(ifMatch);
      if (ifMatch !== undefined && expected === undefined) throw new AppError('invalid-request', 'If-Match 格式无效');
      await db.transaction().execute(async (trx) => {
        const current = await requireEvaluation(trx, user, id, 'delete', { lock: true });
        await deleteEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, current, expected);
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      return c.body(null, 204) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/versions',
      tags: ['evaluations'],
      summary: 'Every saved version of the document',
      middleware: g.read,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'versions, newest first',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(z.object({ version: z.number().int(), status: Status, statusLabel: z.string(), total: z.string().nullable(), grade: z.string().nullable(), savedBy: z.object({ id: z.string(), name: z.string() }), savedAt: z.string() })),
              }),
            },
          },
        },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await requireEvaluation(db, user, id, 'history.read');
      const rows = await db
        .selectFrom('evaluation_versions as v')
        .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'v.region').onRef('u.id', '=', 'v.saved_by'))
        .select(['v.version', 'v.status', 'v.total', 'v.grade', 'v.saved_by', 'u.display_name', 'v.saved_at'])
        .where('v.region', '=', user.region)
        .where('v.evaluation_id', '=', id)
        .orderBy('v.version', 'desc')
        .limit(1000)
        .execute();
      return json(c, {
        items: rows.map((r) => ({
          version: r.version,
          status: r.status,
          statusLabel: STATE_LABELS[r.status as WorkflowState],
          total: r.total,
          grade: r.grade,
          savedBy: { id: r.saved_by, name: r.display_name },
          savedAt: r.saved_at.toISOString(),
        })),
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/evaluations/{id}/versions/{version}',
      tags: ['evaluations'],
      summary: 'One saved version of the document',
      middleware: g.read,
      request: { params: VersionParam },
      responses: {
        200: { description: 'the document as saved', content: { 'application/json': { schema: z.object({ version: z.number().int(), status: Status, savedAt: z.string(), document: EvaluationDocument }) } } },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, version } = c.req.valid('param');
      await requireEvaluation(db, user, id, 'history.read');
      const r = await db
        .selectFrom('evaluation_versions')
        .select(['version', 'status', 'saved_at', 'document'])
        .where('region', '=', user.region)
        .where('evaluation_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (!r) throw new AppError('not-found', `没有版本 ${version}`);
      return json(c, { version: r.version, status: r.status, savedAt: r.saved_at.toISOString(), document: r.document });
    },
  );

  return app;
}
