/** @module Organisation routes: the region's tree (everyone signed in), adding departments and units (admin). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, Uuid, errors, json, router } from '../http/openapi.js';
import { allow } from '../permissions/policy.js';
import { createOrg, findOrg, listOrgs, orgSubject, presentOrg } from './store.js';

const OrgSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(['bureau', 'department', 'unit']),
    kindLabel: z.string().openapi({ example: '主管部门' }),
    name: z.string(),
    code: z.string().nullable(),
  })
  .openapi('Organisation');

const CreateOrgBody = z
  .object({
    parentId: Uuid.openapi({ description: 'the bureau (for a department) or a department (for a unit)' }),
    name: z.string().trim().min(1).max(200),
    code: z.string().trim().min(1).max(50).optional().openapi({ description: '单位编码' }),
  })
  .openapi('CreateOrganisation');

export function orgRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs',
      tags: ['organisations'],
      summary: 'The organisation tree of the caller’s region, parents before children',
      middleware: g.read,
      responses: { 200: { description: 'organisations', content: { 'application/json': { schema: z.object({ items: z.array(OrgSchema) }) } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const user = c.get('user');
      if (!allow(user, 'orgs.read', { type: 'region', region: user.region })) throw new AppError('forbidden');
      const rows = await listOrgs(db, user.region);
      return json(c, { items: rows.map(presentOrg) });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs',
      tags: ['organisations'],
      summary: 'Add a department under the bureau or a unit under a department (admin)',
      middleware: g.write,
      request: { body: { content: { 'application/json': { schema: CreateOrgBody } }, required: true } },
      responses: { 201: { description: 'created', content: { 'application/json': { schema: OrgSchema } } }, ...errors(...AUTHED_WRITE, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      const parent = await findOrg(db, user.region, body.parentId);
      if (!parent) throw new AppError('invalid-request', '上级组织不存在', { issues: [{ path: '$.parentId', message: '不存在' }] });
      if (!allow(user, 'child.create', orgSubject(parent))) throw new AppError('forbidden', '只有系统管理员可以在财政局或主管部门之下新建组织');
      const org = await db.transaction().execute((trx) => createOrg(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, parent, body));
      return json(c, presentOrg(org), 201);
    },
  );

  return app;
}
