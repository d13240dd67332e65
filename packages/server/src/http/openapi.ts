/**
 * @module OpenAPI plumbing: the router factory whose validation failures become our error shape, the
 * shared schemas (errors, ids, paging) and helpers to declare error responses. The OpenAPI document
 * at /api/openapi.json is generated from the same zod schemas that validate the requests.
 */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { jsonPath } from '@jixiao/core';
import { AppError, ERROR_CODES } from './errors.js';
import type { ErrorCode, ErrorIssue } from './errors.js';
import type { AppEnv } from './env.js';

const TARGET_PREFIX: Record<string, string> = { json: '$', query: 'query', param: 'path', header: 'header', form: 'form', cookie: 'cookie' };

/** Zod issues as `{ path, message }`, the path a JSON path for bodies and `query.year` style otherwise. */
export function issuesOf(error: z.ZodError, target: string): ErrorIssue[] {
  return error.issues.slice(0, 50).map((issue) => {
    const prefix = TARGET_PREFIX[target] ?? target;
    const path = prefix === '$' ? jsonPath(issue.path) : [prefix, ...issue.path.map(String)].join('.');
    return { path, message: issue.message };
  });
}

/** A router whose request validation failures are `invalid-request` errors listing every issue. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = issuesOf(result.error as z.ZodError, result.target);
        const first = issues[0];
        const message = first ? `请求参数有误：${first.path} ${first.message}` : '请求参数有误';
        throw new AppError('invalid-request', message, { issues });
      }
      return undefined;
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]).openapi({ description: 'stable error code (see the table in docs/api.md)' }),
      message: z.string().openapi({ description: 'what is wrong, in Simplified Chinese' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  })
  .openapi('Error');

/** Declares the error responses a route can give, each status once, all with the Error schema. */
export function errors(...codes: ErrorCode[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> = {};
  for (const code of [...codes, 'internal' as const]) {
    const status = ERROR_CODES[code].status;
    const prev = out[status];
    out[status] = {
      description: prev ? `${prev.description}; ${code}` : code,
      content: { 'application/json': { schema: ErrorSchema } },
    };
  }
  return out;
}

/** Common error sets. */
export const AUTHED_READ = ['unauthenticated', 'session-expired', 'password-change-required', 'rate-limited', 'invalid-request'] as const;
export const AUTHED_WRITE = [...AUTHED_READ, 'csrf-failed', 'forbidden', 'payload-too-large', 'invalid-json'] as const;

export const Uuid = z.string().regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, '应为 UUID');

export const IdParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' }, example: '0190c3d4-5f6a-7b8c-9d0e-1f2a3b4c5d6e' }) });

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ example: 1 }),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).openapi({ example: 20 }),
};

export const CsrfHeader = z.object({
  'x-csrf-token': z.string().optional().openapi({ description: 'the csrfToken returned by POST /api/auth/login; required on every state-changing request' }),
});

/** Returns JSON with a status, bypassing the per-route response typing (the schemas still document it). */
export function json(c: Context, data: unknown, status: ContentfulStatusCode = 200): never {
  return c.json(data as object, status) as never;
}

/** Returns a prepared body (JSON text or bytes) with headers. */
export function raw(c: Context, body: string | Uint8Array, status: ContentfulStatusCode, headers: Record<string, string>): never {
  return c.body(body as string | Uint8Array<ArrayBuffer>, status, headers) as never;
}
