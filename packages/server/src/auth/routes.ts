/**
 * @module Authentication routes: login (rate-limited per address, lock-out per account), logout,
 * the current session and password change.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import type { Deps } from '../deps.js';
import type { AppEnv } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { clientAddress, isHttps } from '../http/middleware.js';
import { AUTHED_READ, AUTHED_WRITE, errors, json, router } from '../http/openapi.js';
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from './password.js';
import { SESSION_COOKIE, SIGNED_IN_HINT_COOKIE } from './sessions.js';
import { normaliseUsername, presentUser, USERNAME } from './users.js';

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(['preparer', 'unit-head', 'reviewer', 'finance', 'admin']),
    roleLabel: z.string().openapi({ example: '填报人' }),
    orgId: z.string(),
    orgName: z.string().optional(),
    region: z.string(),
    disabled: z.boolean(),
    email: z.string().nullable().openapi({ description: 'for reminders by e-mail' }),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    lockedUntil: z.string().nullable(),
  })
  .openapi('User');

const LoginBody = z
  .object({
    username: z.string().min(1).max(64).openapi({ example: 'preparer' }),
    password: z.string().min(1).max(200).openapi({ example: 'jixiao-demo' }),
  })
  .openapi('Login');

const SessionSchema = z
  .object({
    user: UserSchema,
    csrfToken: z.string().openapi({ description: 'send back as X-CSRF-Token on every state-changing request' }),
    expiresAt: z.string(),
  })
  .openapi('Session');

const PasswordBody = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) })
  .openapi('PasswordChange');

export function authRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db, config } = deps;

  const cookieSecure = (c: Context<AppEnv>) =>
    config.COOKIE_SECURE === 'true' || (config.COOKIE_SECURE === 'auto' && isHttps(c, config.TRUST_PROXY));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      tags: ['auth'],
      summary: 'Log in with user name and password: sets the HttpOnly session cookie and returns the CSRF token',
      security: [],
      middleware: g.login,
      request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
      responses: {
        200: { description: 'logged in', content: { 'application/json': { schema: SessionSchema } } },
        ...errors('invalid-request', 'invalid-json', 'invalid-credentials', 'account-locked', 'rate-limited', 'csrf-failed', 'payload-too-large'),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const name = normaliseUsername(username);
      const user = USERNAME.test(name) ? await db.selectFrom('users').selectAll().where('username', '=', name).executeTakeFirst() : undefined;
      if (!deps.limiters.loginUser.take(name).ok) throw new AppError('rate-limited', '该账号登录尝试过于频繁，请稍后再试');
      if (!user || user.disabled) {
        await verifyDummy(password, config.PASSWORD_HASH_COST);
        throw new AppError('invalid-credentials');
      }
      const now = Date.now();
      if (user.locked_until && user.locked_until.getTime() > now) throw lockedError(user.locked_until);
      if (!(await verifyPassword(password, user.password_hash))) {
        const lockedUntil = await db.transaction().execute(async (trx) => {
          const r = await trx
            .updateTable('users')
            .set({ failed_logins: sql`failed_logins + 1` })
            .where('region', '=', user.region)
            .where('id', '=', user.id)
            .returning('failed_logins')
            .executeTakeFirstOrThrow();
          if (r.failed_logins < config.LOGIN_MAX_ATTEMPTS) return undefined;
          const until = new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000);
          await trx.updateTable('users').set({ failed_logins: 0, locked_until: until }).where('region', '=', user.region).where('id', '=', user.id).execute();
          await recordEvent(trx, {
            region: user.region,
            actorId: null,
            action: 'user.locked',
            subjectType: 'user',
            subjectId: user.id,
            diff: { lockedUntil: until.toISOString(), attempts: r.failed_logins, ip: clientAddress(c, config.TRUST_PROXY) },
            requestId: c.get('requestId'),
          });
          return until;
        });
        if (lockedUntil) throw lockedError(lockedUntil);
        throw new AppError('invalid-credentials');
      }
      const session = await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('region', '=', user.region).where('id', '=', user.id).execute();
        const s = await deps.sessions.create(trx, user, { ip: clientAddress(c, config.TRUST_PROXY), userAgent: c.req.header('user-agent') });
        await recordEvent(trx, {
          region: user.region,
          actorId: user.id,
          action: 'auth.login',
          subjectType: 'session',
          subjectId: s.id.slice(0, 16),
          diff: { ip: clientAddress(c, config.TRUST_PROXY) },
          requestId: c.get('requestId'),
        });
        return s;
      });
      setCookie(c, SESSION_COOKIE, session.cookieValue, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: cookieSecure(c),
        path: '/',
        maxAge: config.SESSION_TTL_HOURS * 3600,
      });
      setCookie(c, SIGNED_IN_HINT_COOKIE, '1', { sameSite: 'Lax', secure: cookieSecure(c), path: '/', maxAge: config.SESSION_TTL_HOURS * 3600 });
      const org = await db.selectFrom('orgs').select('name').where('region', '=', user.region).where('id', '=', user.org_id).executeTakeFirst();
      return json(c, { user: presentUser({ ...user, failed_logins: 0, locked_until: null }, org), csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      summary: 'Log out: ends the session and clears the cookie',
      middleware: g.writePending,
      responses: { 204: { description: 'logged out' }, ...errors(...AUTHED_WRITE) },
    }),
    async (c) => {
      const user = c.get('user');
      await db.transaction().execute(async (trx) => {
        await deps.sessions.revoke(trx, c.get('session'));
        await recordEvent(trx, { region: user.region, actorId: user.id, action: 'auth.logout', subjectType: 'session', diff: {}, requestId: c.get('requestId') });
      });
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: cookieSecure(c), httpOnly: true, sameSite: 'Lax' });
      deleteCookie(c, SIGNED_IN_HINT_COOKIE, { path: '/', secure: cookieSecure(c), sameSite: 'Lax' });
      return c.body(null, 204) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/session',
      tags: ['auth'],
      summary: 'The current user and CSRF token',
      middleware: g.readPending,
      responses: { 200: { description: 'the session', content: { 'application/json': { schema: SessionSchema } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const u = c.get('user');
      const row = await db.selectFrom('users').selectAll().where('region', '=', u.region).where('id', '=', u.id).executeTakeFirstOrThrow();
      const org = await db.selectFrom('orgs').select('name').where('region', '=', u.region).where('id', '=', row.org_id).executeTakeFirst();
      const s = c.get('session');
      return json(c, { user: presentUser(row, org), csrfToken: s.csrfToken, expiresAt: s.expiresAt.toISOString() });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/password',
      tags: ['auth'],
      summary: 'Change one’s own password (required first for one-time passwords); ends the other sessions',
      middleware: g.writePending,
      request: { body: { content: { 'application/json': { schema: PasswordBody } }, required: true } },
      responses: { 204: { description: 'changed' }, ...errors(...AUTHED_WRITE, 'invalid-credentials') },
    }),
    async (c) => {
      const u = c.get('user');
      const { currentPassword, newPassword } = c.req.valid('json');
      const row = await db.selectFrom('users').selectAll().where('region', '=', u.region).where('id', '=', u.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(currentPassword, row.password_hash))) {
        throw new AppError('invalid-credentials', '当前密码不正确', { issues: [{ path: '$.currentPassword', message: '不正确' }] });
      }
      const problem = passwordProblem(newPassword, row.username);
      if (problem) throw new AppError('invalid-request', problem, { issues: [{ path: '$.newPassword', message: problem }] });
      if (newPassword === currentPassword) throw new AppError('invalid-request', '新密码不能与当前密码相同', { issues: [{ path: '$.newPassword', message: '与当前密码相同' }] });
      const hash = await hashPassword(newPassword, config.PASSWORD_HASH_COST);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: false, password_changed_at: new Date(), updated_at: new Date() })
          .where('region', '=', u.region)
          .where('id', '=', u.id)
          .execute();
        await deps.sessions.revokeUser(trx, u.region, u.id, c.get('session').id);
        await recordEvent(trx, { region: u.region, actorId: u.id, action: 'user.password-change', subjectType: 'user', subjectId: u.id, diff: {}, requestId: c.get('requestId') });
      });
      deps.sessions.forgetUser(u.region, u.id);
      return c.body(null, 204) as never;
    },
  );

  return app;
}

function lockedError(until: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError('account-locked', `登录失败次数过多，账号已锁定至 ${until.toISOString()}（约 ${Math.ceil(seconds / 60)} 分钟后可再试）`, {
    headers: { 'Retry-After': String(seconds) },
  });
}
