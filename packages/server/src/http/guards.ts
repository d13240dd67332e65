/**
 * @module The middleware chains routes declare: rate limit → authentication → CSRF. Validation,
 * the transaction, the handler and its audit event follow in the route itself.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { requireAuth, SESSION_COOKIE } from '../auth/sessions.js';
import type { Deps } from '../deps.js';
import type { AppEnv } from './env.js';
import { clientAddress, csrf } from './middleware.js';
import { rateLimit } from './rate-limit.js';

export interface Guards {
  /** Signed-in reads. */
  read: MiddlewareHandler<AppEnv>[];
  /** Signed-in, state-changing: CSRF token required. */
  write: MiddlewareHandler<AppEnv>[];
  /** The few routes a user who must change their password may still use. */
  readPending: MiddlewareHandler<AppEnv>[];
  writePending: MiddlewareHandler<AppEnv>[];
  /** No login; limited per client address. */
  public: MiddlewareHandler<AppEnv>[];
  /** Login: limited per client address. */
  login: MiddlewareHandler<AppEnv>[];
}

export function guards(deps: Deps): Guards {
  const trust = deps.config.TRUST_PROXY;
  const api = rateLimit(deps.limiters.api, (c) => getCookie(c, SESSION_COOKIE) ?? `ip:${clientAddress(c, trust)}`);
  const auth = requireAuth(deps.sessions);
  const authPending = requireAuth(deps.sessions, { allowPendingPasswordChange: true });
  const token = csrf();
  return {
    read: [api, auth],
    write: [api, auth, token],
    readPending: [api, authPending],
    writePending: [api, authPending, token],
    public: [rateLimit(deps.limiters.public, (c) => clientAddress(c, trust))],
    login: [rateLimit(deps.limiters.login, (c) => clientAddress(c, trust))],
  };
}
