/**
 * @module Sessions: an HttpOnly cookie `jixiao_session=<region>.<secret>`; the database keeps only the
 * SHA-256 of the secret, the CSRF token and the expiry. The region in the cookie lets a lookup go
 * straight to the region's shard on Citus. Lookups are cached per replica for SESSION_CACHE_SECONDS and
 * then refreshed in the background for as long again; logout and password changes drop the cache entry
 * on the replica that handled them, and other replicas notice within twice that time.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Kysely, Transaction } from 'kysely';
import type { DB, OrgKind, Role } from '../db/types.js';
import type { AppEnv, AuthUser, SessionInfo } from '../http/env.js';
import { AppError } from '../http/errors.js';

export const SESSION_COOKIE = 'jixiao_session';
/**
 * A cookie scripts may read, holding no secret: "someone signed in from this browser". The web app
 * asks for the session only when it is there, so the login and public pages of a visitor do not
 * start with a refused request.
 */
export const SIGNED_IN_HINT_COOKIE = 'jixiao_signed_in';

const COOKIE_VALUE = /^([a-z0-9][a-z0-9-]{0,31})\.([A-Za-z0-9_-]{43})$/;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface ResolvedSession {
  user: AuthUser;
  session: SessionInfo;
}

type Lookup = ResolvedSession | 'expired' | undefined;

export class SessionStore {
  private readonly cache = new Map<string, { at: number; value: Lookup }>();
  /** Lookups in flight, so a burst of requests with one cookie makes one query (no stampede when an entry expires). */
  private readonly inflight = new Map<string, Promise<Lookup>>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: { ttlHours: number; cacheSeconds: number },
  ) {}

  /** Creates a session for a user; returns the cookie value and the CSRF token. */
  async create(trx: Transaction<DB> | Kysely<DB>, user: { region: string; id: string }, meta: { ip?: string; userAgent?: string }) {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const id = sha256(secret);
    const expiresAt = new Date(Date.now() + this.options.ttlHours * 3600_000);
    await trx
      .insertInto('sessions')
      .values({
        region: user.region,
        id,
        user_id: user.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
        ip: meta.ip?.slice(0, 100) ?? null,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    return { cookieValue: `${user.region}.${secret}`, csrfToken, expiresAt, id };
  }

  /** Looks a cookie value up: the user and session, 'expired', or undefined when unknown or malformed. */
  async resolve(cookieValue: string): Promise<Lookup> {
    const m = COOKIE_VALUE.exec(cookieValue);
    if (!m) return undefined;
    const now = Date.now();
    if (this.options.cacheSeconds > 0) {
      const hit = this.cache.get(cookieValue);
      const ttl = this.options.cacheSeconds * 1000;
      const age = hit ? now - hit.at : Infinity;
      // A valid session looked up less than a TTL ago is used as is; up to two TTLs ago it is used while
      // a background lookup refreshes it, so requests never queue behind a refresh.
      const usable = hit !== undefined && (age < ttl || (age < 2 * ttl && hit.value !== undefined && hit.value !== 'expired'));
      if (hit && usable) {
        if (age >= ttl) void this.fetch(cookieValue, m[1] ?? '', m[2] ?? '', now).catch(() => {});
        if (hit.value && hit.value !== 'expired' && hit.value.session.expiresAt.getTime() <= now) return 'expired';
        return hit.value;
      }
    }
    return this.fetch(cookieValue, m[1] ?? '', m[2] ?? '', now);
  }

  /** One lookup per cookie at a time. */
  private fetch(cookieValue: string, region: string, secret: string, now: number): Promise<Lookup> {
    const pending = this.inflight.get(cookieValue);
    if (pending) return pending;
    const p = this.lookup(cookieValue, region, secret, now).finally(() => this.inflight.delete(cookieValue));
    this.inflight.set(cookieValue, p);
    return p;
  }

  private async lookup(cookieValue: string, region: string, secret: string, now: number): Promise<Lookup> {
    const id = sha256(secret);
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', (j) => j.onRef('u.region', '=', 's.region').onRef('u.id', '=', 's.user_id'))
      .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'u.region').onRef('o.id', '=', 'u.org_id'))
      .select([
        's.csrf_token',
        's.expires_at',
        'u.id as user_id',
        'u.username',
        'u.display_name',
        'u.role',
        'u.org_id',
        'u.disabled',
        'u.must_change_password',
        'o.path as org_path',
        'o.kind as org_kind',
      ])
      .where('s.region', '=', region)
      .where('s.id', '=', id)
      .executeTakeFirst();
    let value: Lookup;
    if (!row || row.disabled) value = undefined;
    else if (row.expires_at.getTime() <= now) value = 'expired';
    else {
      value = {
        user: {
          region,
          id: row.user_id,
          username: row.username,
          displayName: row.display_name,
          role: row.role as Role,
          orgId: row.org_id,
          orgPath: row.org_path,
          orgKind: row.org_kind as OrgKind,
          mustChangePassword: row.must_change_password,
        },
        session: { id, region, csrfToken: row.csrf_token, expiresAt: row.expires_at },
      };
    }
    if (this.options.cacheSeconds > 0) {
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(cookieValue, { at: now, value });
    }
    return value;
  }

  /** Ends one session. */
  async revoke(trx: Transaction<DB> | Kysely<DB>, session: SessionInfo): Promise<void> {
    await trx.deleteFrom('sessions').where('region', '=', session.region).where('id', '=', session.id).execute();
    this.forgetSession(session.id);
  }

  /** Ends every session of a user, except `keep` (the one changing the password). */
  async revokeUser(trx: Transaction<DB> | Kysely<DB>, region: string, userId: string, keep?: string): Promise<void> {
    let q = trx.deleteFrom('sessions').where('region', '=', region).where('user_id', '=', userId);
    if (keep) q = q.where('id', '<>', keep);
    await q.execute();
    this.forgetUser(region, userId);
  }

  /** Drops cached lookups of a user on this replica (after a role, password or status change). */
  forgetUser(region: string, userId: string): void {
    for (const [key, entry] of this.cache) {
      const v = entry.value;
      if (v && v !== 'expired' && v.user.region === region && v.user.id === userId) this.cache.delete(key);
    }
  }

  private forgetSession(id: string): void {
    for (const [key, entry] of this.cache) {
      const v = entry.value;
      if (v && v !== 'expired' && v.session.id === id) this.cache.delete(key);
    }
  }

  /** Deletes expired sessions (run now and then). */
  async sweep(): Promise<number> {
    const r = await this.db.deleteFrom('sessions').where('expires_at', '<', new Date()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

/**
 * Requires a valid session. With `allowPendingPasswordChange`, a user whose password must be changed
 * may pass (the password, session and logout routes); everyone else gets `password-change-required`.
 */
export function requireAuth(store: SessionStore, options: { allowPendingPasswordChange?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const cookie = getCookie(c, SESSION_COOKIE);
    if (!cookie) throw new AppError('unauthenticated');
    const found = await store.resolve(cookie);
    if (found === 'expired') throw new AppError('session-expired');
    if (!found) throw new AppError('unauthenticated', '会话无效，请重新登录');
    if (found.user.mustChangePassword && !options.allowPendingPasswordChange) throw new AppError('password-change-required');
    c.set('user', found.user);
    c.set('session', found.session);
    await next();
  };
}
