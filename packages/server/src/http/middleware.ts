/**
 * @module Cross-cutting middleware: request id, structured request logs, security headers, body
 * limits, CSRF checks and the client address.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Logger } from 'pino';
import { AppError } from './errors.js';
import type { AppEnv } from './env.js';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Takes a well-formed X-Request-Id from the caller or makes one; echoes it on the response. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', id);
    c.header('X-Request-Id', id);
    await next();
  };
}

/** One structured log line per request, at the end, with status and duration. */
export function requestLog(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    c.set('log', log);
    await next();
    if (!log.isLevelEnabled('info')) return;
    const user = c.get('user') as AppEnv['Variables']['user'] | undefined;
    log.info(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(user ? { user: user.username, region: user.region } : {}),
      },
      'request',
    );
  };
}

/**
 * Headers for an API that serves JSON and downloads only: nothing on it should ever be rendered as a
 * page. Set before the handler runs, so responses are built with them (routes may override
 * Cache-Control); setting headers on a finished response would rebuild it.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('X-Frame-Options', 'DENY');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    c.header('Cache-Control', 'no-store');
    await next();
  };
}

/** A body limit that answers with our error shape. */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('payload-too-large', `请求体超过上限 ${formatBytes(maxBytes)}`);
    },
  });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses state-changing requests sent from another site: an `Origin` (or, failing that, a
 * `Sec-Fetch-Site`) that does not match the request's own host. Requests without either header
 * (command-line clients, integrations) pass and rely on the CSRF token and SameSite cookies.
 */
export function sameOrigin(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== 'null') {
        let host: string | undefined;
        try {
          host = new URL(origin).host;
        } catch {
          host = undefined;
        }
        const own = (trustProxy ? c.req.header('x-forwarded-host') : undefined) ?? new URL(c.req.url).host;
        if (!host || host !== own) throw new AppError('csrf-failed', '跨站请求被拒绝（Origin 与本站不符）');
      } else if (origin === 'null' || c.req.header('sec-fetch-site') === 'cross-site') {
        throw new AppError('csrf-failed', '跨站请求被拒绝');
      }
    }
    await next();
  };
}

/** Requires `X-CSRF-Token` to match the session's token on every state-changing request. */
export function csrf(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method)) {
      const session = c.get('session');
      const given = c.req.header('x-csrf-token');
      if (!given) throw new AppError('csrf-failed', '缺少 X-CSRF-Token 请求头（登录时返回的 csrfToken）');
      if (!session || !safeEqual(given, session.csrfToken)) throw new AppError('csrf-failed', 'X-CSRF-Token 与当前会话不符');
    }
    await next();
  };
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client's address: the socket's peer, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for');
    const first = fwd?.split(',')[0]?.trim();
    if (first) return first;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Whether the request reached us over HTTPS (directly or, behind a trusted proxy, as forwarded). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

/** The deepest nesting of arrays and objects in a JSON text (strings skipped); stops counting past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
      continue;
    }
    if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (ch === 125 /* } */ || ch === 93 /* ] */) depth--;
  }
  return max;
}

/**
 * Refuses JSON bodies nested deeper than `limit` before anything parses or validates them: deep
 * nesting is how a small body exhausts a recursive validator's stack.
 */
export function jsonDepthLimit(limit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (UNSAFE.has(c.req.method) && (c.req.header('content-type') ?? '').toLowerCase().includes('json')) {
      const text = await c.req.text();
      if (jsonDepth(text, limit) > limit) {
        throw new AppError('invalid-request', `JSON 嵌套层数超过 ${limit} 层`, { issues: [{ path: '$', message: '嵌套过深' }] });
      }
    }
    await next();
  };
}
