/**
 * @module Demo data: a region with a finance bureau, two departments (主管部门) with two units each,
 * one user per role (plus a preparer in a unit of the other department), and the five seed reports
 * as evaluations taken through the workflow, so every screen has something to show. Created only on
 * the embedded default or with `--demo`, and only into an empty database.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from '@jixiao/core';
import type { EvaluationDocument, WorkflowAction } from '@jixiao/core';
import type { Kysely } from 'kysely';
import { createUser, prepareUser } from '../auth/users.js';
import type { DB, OrgRow, Role } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { analyse } from '../evaluations/analysis.js';
import { createEvaluation } from '../evaluations/store.js';
import { createOrg, createRegion } from '../organisations/store.js';
import { takeAction } from '../workflow/commands.js';

export const DEMO_REGION = 'demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  org: 'bureau' | 'deptMarket' | 'deptQuality' | 'yiyang' | 'nanchang' | 'yunnan' | 'linwu';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', org: 'bureau' },
  { username: 'finance', displayName: '财政绩效科 李明', role: 'finance', org: 'bureau' },
  { username: 'reviewer', displayName: '主管部门审核人 王芳', role: 'reviewer', org: 'deptMarket' },
  { username: 'preparer', displayName: '填报人 张伟', role: 'preparer', org: 'yiyang' },
  { username: 'unithead', displayName: '单位负责人 刘洋', role: 'unit-head', org: 'yiyang' },
  { username: 'preparer2', displayName: '填报人 陈静', role: 'preparer', org: 'yunnan' },
];

/** Seed file → (organisation, creator, workflow steps). */
const DEMO_EVALUATIONS: ReadonlyArray<{ seed: string; org: DemoUser['org']; by: string; steps: Array<{ action: WorkflowAction; by: string; reason?: string }> }> = [
  {
    seed: '000',
    org: 'yiyang',
    by: 'preparer',
    steps: [
      { action: 'submit', by: 'preparer' },
      { action: 'approve', by: 'reviewer' },
      { action: 'recheck', by: 'finance' },
      { action: 'publish', by: 'finance' },
    ],
  },
  {
    seed: '004',
    org: 'yiyang',
    by: 'preparer',
    steps: [
      { action: 'submit', by: 'preparer' },
      { action: 'return', by: 'reviewer', reason: '“三公”经费决算数与预算数的差异请在说明中补充原因。' },
      { action: 'submit', by: 'unithead' },
    ],
  },
  { seed: '003', org: 'nanchang', by: 'admin', steps: [] },
  { seed: '002', org: 'yunnan', by: 'preparer2', steps: [] },
  { seed: '001', org: 'linwu', by: 'admin', steps: [] },
];

export function readSeed(name: string): EvaluationDocument {
  const file = fileURLToPath(import.meta.resolve(`@jixiao/core/fixtures/seeds/${name}.json`));
  const r = parseDocument(JSON.parse(readFileSync(file, 'utf8')));
  if (!r.ok) throw new Error(`seed ${name} is invalid: ${r.issues[0]?.path} ${r.issues[0]?.message}`);
  return r.document;
}

/** Seeds the demo region. Returns the user names created. */
export async function seedDemo(db: Kysely<DB>, options: { password: string; hashCost: number }): Promise<string[]> {
  const orgs = await db.transaction().execute(async (trx) => {
    const bureau = await createRegion(trx, { region: DEMO_REGION, name: '示范市', bureauName: '示范市财政局' });
    const actor = { region: DEMO_REGION, id: null };
    const deptMarket = await createOrg(trx, actor, bureau, { name: '市场监督管理局（主管部门）', code: 'D01' });
    const deptQuality = await createOrg(trx, actor, bureau, { name: '质量技术监督局（主管部门）', code: 'D02' });
    return {
      bureau,
      deptMarket,
      deptQuality,
      yiyang: await createOrg(trx, actor, deptMarket, { name: '益阳市市场监督管理局', code: 'D01-001' }),
      nanchang: await createOrg(trx, actor, deptMarket, { name: '南昌市市场监督管理局', code: 'D01-002' }),
      yunnan: await createOrg(trx, actor, deptQuality, { name: '云南省质量技术监督局', code: 'D02-001' }),
      linwu: await createOrg(trx, actor, deptQuality, { name: '临武县市场监督管理局', code: 'D02-002' }),
    } satisfies Record<DemoUser['org'], OrgRow>;
  });

  const prepared = await Promise.all(
    DEMO_USERS.map((u) =>
      prepareUser({ username: u.username, displayName: u.displayName, role: u.role, org: orgs[u.org], password: options.password, mustChangePassword: false }, options.hashCost),
    ),
  );
  const users = new Map<string, AuthUser>();
  await db.transaction().execute(async (trx) => {
    for (const p of prepared) {
      const row = await createUser(trx, { id: null }, p);
      users.set(row.username, {
        region: row.region,
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        orgId: row.org_id,
        orgPath: p.org.path,
        orgKind: p.org.kind,
        mustChangePassword: false,
      });
    }
  });
  const user = (name: string): AuthUser => {
    const u = users.get(name);
    if (!u) throw new Error(`demo user ${name} missing`);
    return u;
  };

  for (const e of DEMO_EVALUATIONS) {
    const document = readSeed(e.seed);
    const analysis = analyse(document);
    await db.transaction().execute(async (trx) => {
      const creator = user(e.by);
      const { id } = await createEvaluation(trx, { region: DEMO_REGION, id: creator.id }, { org: orgs[e.org], document, analysis });
      for (const step of e.steps) await takeAction(trx, user(step.by), id, step.action, { reason: step.reason });
    });
  }
  return DEMO_USERS.map((u) => u.username);
}
