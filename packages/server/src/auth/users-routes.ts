/** @module User administration (admin of the region): list, create, change, reset passwords. */
import { createRoute, z } from '@hono/zod-openapi';
import { recordEvent } from '../audit-trail/events.js';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, PageQuery, Uuid, errors, json, router } from '../http/openapi.js';
import { findOrg } from '../organisations/store.js';
import { allow } from '../permissions/policy.js';
import { generatePassword, hashPassword } from './password.js';
import { UserSchema } from './routes.js';
import { checkRoleOrg, createUser, prepareUser, presentUser } from './users.js';

const Role = z.enum(['preparer', 'unit-head', 'reviewer', 'finance', 'admin']);

const Email = z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, '应为电子邮件地址');

const CreateUserBody = z
  .object({
    username: z.string().min(1).max(64).openapi({ example: 'zhangsan' }),
    displayName: z.string().trim().min(1).max(100).openapi({ example: '张三' }),
    role: Role,
    orgId: Uuid,
    password: z.string().min(1).max(200).optional().openapi({ description: 'omit to get a one-time password the user must change' }),
    email: Email.optional().openapi({ description: 'for reminders by e-mail (when the server has SMTP_URL)' }),
  })
  .openapi('CreateUser');

const UpdateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: Role.optional(),
    orgId: Uuid.optional(),
    disabled: z.boolean().optional(),
    unlock: z.literal(true).optional().openapi({ description: 'clear a login lock-out' }),
    email: Email.nullable().optional().openapi({ description: 'for reminders by e-mail; null removes it' }),
  })
  .openapi('UpdateUser');

export function userRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db, config } = deps;

  const mustManage = (user: Parameters<typeof allow>[0]) => {
    if (!allow(user, 'users.manage', { type: 'region', region: user.region })) throw new AppError('forbidden', '只有系统管理员可以管理用户');
  };

  const loadUser = async (region: string, id: string) => {
    const u = await db.selectFrom('users').selectAll().where('region', '=', region).where('id', '=', id).executeTakeFirst();
    if (!u) throw new AppError('not-found', '用户不存在');
    return u;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users',
      tags: ['users'],
      summary: 'List the region’s users (admin)',
      middleware: g.read,
      request: { query: z.object(PageQuery) },
      responses: {
        200: { description: 'users', content: { 'application/json': { schema: z.object({ items: z.array(UserSchema), total: z.number().int() }) } } },
        ...errors(...AUTHED_READ, 'forbidden'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      mustManage(user);
      const { page, pageSize } = c.req.valid('query');
      const rows = await db
        .selectFrom('users as u')
        .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'u.region').onRef('o.id', '=', 'u.org_id'))
        .selectAll('u')
        .select('o.name as org_name')
        .where('u.region', '=', user.region)
        .orderBy('u.username')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      const total = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('region', '=', user.region).executeTakeFirstOrThrow();
      return json(c, { items: rows.map((r) => presentUser(r, { name: r.org_name })), total: Number(total.n) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users',
      tags: ['users'],
      summary: 'Create a user (admin); without a password, a one-time password is returned once',
      middleware: g.write,
      request: { body: { content: { 'application/json': { schema: CreateUserBody } }, required: true } },
      responses: {
        201: { description: 'created', content: { 'application/json': { schema: z.object({ user: UserSchema, oneTimePassword: z.string().optional() }) } } },
        ...errors(...AUTHED_WRITE, 'conflict'),
      },
    }),
    async (c) => {
      const actor = c.get('user');
      mustManage(actor);
      const body = c.req.valid('json');
      const org = await findOrg(db, actor.region, body.orgId);
      if (!org) throw new AppError('invalid-request', '组织不存在', { issues: [{ path: '$.orgId', message: '组织不存在' }] });
      const oneTime = body.password === undefined ? generatePassword() : undefined;
      const prepared = await prepareUser(
        { username: body.username, displayName: body.displayName, role: body.role, org, password: body.password ?? oneTime ?? '', mustChangePassword: oneTime !== undefined, email: body.email ?? null },
        config.PASSWORD_HASH_COST,
      );
      const created = await db.transaction().execute((trx) => createUser(trx, { id: actor.id, requestId: c.get('requestId') }, prepared));
      return json(c, { user: presentUser(created, org), ...(oneTime ? { oneTimePassword: oneTime } : {}) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}',
      tags: ['users'],
      summary: 'One user (the user themself or the admin)',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'the user', content: { 'application/json': { schema: UserSchema } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      if (!allow(actor, 'read', { type: 'user', region: actor.region, id })) throw new AppError('not-found', '用户不存在');
      const u = await loadUser(actor.region, id);
      const org = await findOrg(db, actor.region, u.org_id);
      return json(c, presentUser(u, org));
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      tags: ['users'],
      summary: 'Change a user’s name, role, organisation, status or lock-out (admin)',
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: UpdateUserBody } }, required: true } },
      responses: { 200: { description: 'the user', content: { 'application/json': { schema: UserSchema } } }, ...errors(...AUTHED_WRITE, 'not-found', 'conflict') },
    }),
    async (c) => {
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (!allow(actor, 'update', { type: 'user', region: actor.region, id })) throw new AppError('forbidden', '只有系统管理员可以修改用户');
      const updated = await db.transaction().execute(async (trx) => {
        const u = await trx.selectFrom('users').selectAll().where('region', '=', actor.region).where('id', '=', id).forUpdate().executeTakeFirst();
        if (!u) throw new AppError('not-found', '用户不存在');
        if (u.id === actor.id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
          throw new AppError('conflict', '不能停用自己的账号或取消自己的管理员角色');
        }
        const orgId = body.orgId ?? u.org_id;
        const org = await findOrg(trx, actor.region, orgId);
        if (!org) throw new AppError('invalid-request', '组织不存在', { issues: [{ path: '$.orgId', message: '组织不存在' }] });
        checkRoleOrg(body.role ?? u.role, org);
        const set = {
          display_name: body.displayName ?? u.display_name,
          role: body.role ?? u.role,
          org_id: orgId,
          disabled: body.disabled ?? u.disabled,
          email: body.email === undefined ? u.email : body.email,
          ...(body.unlock ? { locked_until: null, failed_logins: 0 } : {}),
          updated_at: new Date(),
        };
        await trx.updateTable('users').set(set).where('region', '=', actor.region).where('id', '=', id).execute();
        const diff: Array<{ path: string; before: unknown; after: unknown }> = Object.entries({ displayName: [u.display_name, set.display_name], role: [u.role, set.role], orgId: [u.org_id, set.org_id], disabled: [u.disabled, set.disabled], email: [u.email, set.email] })
          .filter(([, [a, b]]) => a !== b)
          .map(([path, [before, after]]) => ({ path: `$.${path}`, before, after }));
        if (body.unlock) diff.push({ path: '$.lockedUntil', before: u.locked_until?.toISOString() ?? null, after: null });
        await recordEvent(trx, { region: actor.region, actorId: actor.id, action: 'user.update', subjectType: 'user', subjectId: id, diff, requestId: c.get('requestId') });
        if (set.disabled || set.role !== u.role || set.org_id !== u.org_id) await deps.sessions.revokeUser(trx, actor.region, id);
        return trx.selectFrom('users').selectAll().where('region', '=', actor.region).where('id', '=', id).executeTakeFirstOrThrow();
      });
      deps.sessions.forgetUser(actor.region, id);
      const org = await findOrg(db, actor.region, updated.org_id);
      return json(c, presentUser(updated, org));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/reset-password',
      tags: ['users'],
      summary: 'Reset a user’s password to a one-time password (admin); ends their sessions',
      middleware: g.write,
      request: { params: IdParam },
      responses: {
        200: { description: 'the one-time password, shown once', content: { 'application/json': { schema: z.object({ oneTimePassword: z.string() }) } } },
        ...errors(...AUTHED_WRITE, 'not-found'),
      },
    }),
    async (c) => {
      const actor = c.get('user');
      const { id } = c.req.valid('param');
      if (!allow(actor, 'update', { type: 'user', region: actor.region, id })) throw new AppError('forbidden', '只有系统管理员可以重置密码');
      await loadUser(actor.region, id);
      const password = generatePassword();
      const hash = await hashPassword(password, config.PASSWORD_HASH_COST);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, must_change_password: true, failed_logins: 0, locked_until: null, password_changed_at: new Date(), updated_at: new Date() })
          .where('region', '=', actor.region)
          .where('id', '=', id)
          .execute();
        await deps.sessions.revokeUser(trx, actor.region, id);
        await recordEvent(trx, { region: actor.region, actorId: actor.id, action: 'user.password-reset', subjectType: 'user', subjectId: id, diff: {}, requestId: c.get('requestId') });
      });
      deps.sessions.forgetUser(actor.region, id);
      return json(c, { oneTimePassword: password });
    },
  );

  return app;
}
