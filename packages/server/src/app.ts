/**
 * @module The HTTP application: global middleware, every router under /api, the OpenAPI document,
 * and the one place where errors become responses.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { sql } from 'kysely';
import { analyticsRoutes } from './analytics/routes.js';
import { statsRoutes } from './stats/routes.js';
import { auditTrailRoutes } from './audit-trail/routes.js';
import { authRoutes } from './auth/routes.js';
import { userRoutes } from './auth/users-routes.js';
import type { Deps } from './deps.js';
import { evaluationRoutes } from './evaluations/routes.js';
import { evidenceRoutes } from './evidence/routes.js';
import { exportRoutes } from './exports/routes.js';
import type { AppEnv } from './http/env.js';
import { AppError, codeForStatus, toAppError } from './http/errors.js';
import { jsonDepthLimit, limitBody, requestId, requestLog, sameOrigin, securityHeaders } from './http/middleware.js';
import { errors, json, router } from './http/openapi.js';
import { webApp, webDirFor } from './http/web.js';
import { goalRoutes } from './goals/routes.js';
import { importRoutes } from './imports/routes.js';
import { libraryRoutes } from './library/routes.js';
import { monitoringRoutes } from './monitoring/routes.js';
import { orgRoutes } from './organisations/routes.js';
import { publicRoutes } from './public/routes.js';
import { resultsRoutes } from './results/routes.js';
import { workflowRoutes } from './workflow/routes.js';

export const API_VERSION = '0.1.0';

let localeSet = false;

/** Builds the application on its dependencies. */
export function createApp(deps: Deps): OpenAPIHono<AppEnv> {
  if (!localeSet) {
    // Validation messages in Simplified Chinese, for every zod schema in this process.
    z.config(z.locales.zhCN());
    localeSet = true;
  }
  const app = router();
  const { config } = deps;

  app.use('*', requestId(), requestLog(deps.log), securityHeaders(), sameOrigin(config.TRUST_PROXY));

  // Body limits by route: documents are JSON; evidence and imports are uploads.
  const json4 = limitBody(config.MAX_JSON_BYTES);
  const evidence = limitBody(config.MAX_EVIDENCE_BYTES + 64 * 1024);
  const importOne = limitBody(config.MAX_IMPORT_FILE_BYTES + 64 * 1024);
  const importBatch = limitBody(config.MAX_IMPORT_BATCH_BYTES + 1024 * 1024);
  app.use('*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const p = c.req.path;
    const limiter = /^\/api\/(evaluations\/[^/]+\/evidence|results\/tasks\/[^/]+\/evidence\/file)\/?$/.test(p)
      ? evidence
      : p === '/api/imports' || p === '/api/imports/'
        ? importBatch
        : p.startsWith('/api/import/') || p === '/api/evaluations/import' || /^\/api\/monitoring\/[^/]+\/payments\/?$/.test(p)
          ? importOne
          : json4;
    return limiter(c, next);
  });
  app.use('*', jsonDepthLimit(64));

  app.route('/api', healthRoutes(deps));
  app.route('/api', authRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', orgRoutes(deps));
  app.route('/api', importRoutes(deps));
  app.route('/api', evaluationRoutes(deps));
  app.route('/api', workflowRoutes(deps));
  app.route('/api', evidenceRoutes(deps));
  app.route('/api', auditTrailRoutes(deps));
  app.route('/api', exportRoutes(deps));
  app.route('/api', publicRoutes(deps));
  app.route('/api', libraryRoutes(deps));
  app.route('/api', goalRoutes(deps));
  app.route('/api', monitoringRoutes(deps));
  app.route('/api', analyticsRoutes(deps));
  app.route('/api', statsRoutes(deps));
  app.route('/api', resultsRoutes(deps));

  // The web app (when built) at every other path, with client-side routes falling back to its shell.
  const web = webApp(webDirFor(config));
  if (web) {
    app.get('*', async (c, next) => {
      if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return next();
      return (await web.handle(c)) ?? next();
    });
  }

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'jixiao_session',
    description: 'HttpOnly session cookie set by POST /api/auth/login; state-changing requests also need X-CSRF-Token',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'jixiao（绩效）API',
      version: API_VERSION,
      description:
        'Budget performance management: evaluations, review workflow, evidence, audit trail, imports and exports. ' +
        'Errors are `{ "error": { "code", "message" } }`; the code → status table is in docs/api.md.',
    },
    security: [{ session: [] }],
  });

  app.notFound((c) => errorResponse(c, new AppError('not-found', `没有这个接口：${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    const e = normalise(err);
    const log = c.get('log') ?? deps.log;
    if (e.status >= 500) log.error({ err: e.cause ?? err, reqId: c.get('requestId') }, 'request failed');
    else log.debug({ code: e.code }, 'request refused');
    return errorResponse(c, e);
  });
  return app;
}

function errorResponse(c: Context, e: AppError): Response {
  return c.json(e.toBody(), e.status, { ...e.headers, 'Cache-Control': 'no-store' });
}

/** PostgreSQL error classes that bad input can cause, as client errors (never with the SQL text). */
const PG_CODES: Record<string, AppError['code']> = {
  '23505': 'conflict',
  '23503': 'invalid-request',
  '23514': 'invalid-request',
  '23502': 'invalid-request',
  '22P02': 'invalid-request',
  '22001': 'invalid-request',
  '22003': 'invalid-request',
  '22021': 'invalid-request',
  '54000': 'invalid-request',
};

function normalise(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (/malformed json/i.test(err.message)) return new AppError('invalid-json', undefined, { cause: err });
    const code = codeForStatus(err.status);
    return new AppError(code, undefined, { cause: err });
  }
  const pgCode = (err as { code?: unknown } | null)?.code;
  if (typeof pgCode === 'string' && Object.hasOwn(PG_CODES, pgCode)) {
    const code = PG_CODES[pgCode] ?? 'invalid-request';
    return new AppError(code, code === 'conflict' ? '与现有数据冲突' : '请求的数据不符合约束', { cause: err });
  }
  if (err instanceof SyntaxError && /JSON/.test(err.message)) return new AppError('invalid-json', undefined, { cause: err });
  return toAppError(err);
}

function healthRoutes(deps: Deps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['health'],
      summary: 'Liveness: the process answers',
      security: [],
      responses: { 200: { description: 'alive', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), version: z.string() }) } } } },
    }),
    (c) => json(c, { status: 'ok', version: API_VERSION }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/ready',
      tags: ['health'],
      summary: 'Readiness: database reachable, schema migrated, job queue running, not shutting down',
      security: [],
      responses: {
        200: { description: 'ready', content: { 'application/json': { schema: z.object({ status: z.literal('ready'), database: z.string(), jobs: z.string() }) } } },
        ...errors('not-ready'),
      },
    }),
    async (c) => {
      if (deps.state.shuttingDown) throw new AppError('not-ready', '服务正在停止');
      if (!deps.state.ready) throw new AppError('not-ready');
      try {
        await sql`SELECT 1`.execute(deps.db);
      } catch (err) {
        throw new AppError('not-ready', '数据库不可用', { cause: err });
      }
      return json(c, { status: 'ready', database: deps.database.kind, jobs: deps.jobs.current ? 'running' : 'off' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/ping',
      tags: ['health'],
      summary: 'A bare route (no database, no session): the framework’s baseline for benchmarks',
      security: [],
      responses: { 200: { description: 'pong', content: { 'text/plain': { schema: z.string() } } } },
    }),
    (c) => c.text('pong') as never,
  );

  return app;
}
