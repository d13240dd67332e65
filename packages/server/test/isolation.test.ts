/**
 * Tenant isolation, endpoint by endpoint: every route that touches a party's data is called by users
 * who must not read or change it (another unit, another department, another region), and must answer
 * 403 / 404 and change nothing. A coverage check fails when a route is added without being listed here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, monitoringDocument, smallDocument } from './helpers.js';
import type { Client, TestServer } from './helpers.js';

interface Victim {
  draft: string;
  submitted: string;
  evidence: string;
  batch: string;
  userId: string;
  /** An approved goal document (stage goals) with one pending adjustment. */
  goal: string;
  adjustment: string;
  /** A monitoring document with a snapshot and an open warning case. */
  monitoring: string;
  warning: string;
  /** A rectification task on the submitted evaluation, owned by U1. */
  task: string;
}

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template this call exercises. */
  route: string;
  path: (v: Victim) => string;
  body?: (v: Victim, s: TestServer) => unknown;
  form?: (v: Victim, s: TestServer) => FormData;
  headers?: Record<string, string>;
  /** For lists: the outsider gets 200 but must not see the victim's id. */
  list?: (v: Victim) => string;
}

const pdf = () => new File([new TextEncoder().encode('%PDF-1.4\n%佐证\n')], '佐证.pdf', { type: 'application/pdf' });

const ENDPOINTS: Endpoint[] = [
  { method: 'GET', route: '/api/evaluations', path: () => '/api/evaluations?pageSize=200', list: (v) => v.draft },
  { method: 'POST', route: '/api/evaluations', path: () => '/api/evaluations', body: (_v, s) => ({ document: smallDocument('越权新建'), orgId: s.fixture.orgs.U1.id }) },
  { method: 'GET', route: '/api/evaluations/{id}', path: (v) => `/api/evaluations/${v.draft}` },
  { method: 'PUT', route: '/api/evaluations/{id}', path: (v) => `/api/evaluations/${v.draft}`, body: () => ({ document: smallDocument('越权修改'), version: 1 }) },
  { method: 'DELETE', route: '/api/evaluations/{id}', path: (v) => `/api/evaluations/${v.draft}` },
  { method: 'GET', route: '/api/evaluations/{id}/versions', path: (v) => `/api/evaluations/${v.draft}/versions` },
  { method: 'GET', route: '/api/evaluations/{id}/versions/{version}', path: (v) => `/api/evaluations/${v.draft}/versions/1` },
  { method: 'POST', route: '/api/evaluations/{id}/actions/{action}', path: (v) => `/api/evaluations/${v.draft}/actions/submit` },
  { method: 'POST', route: '/api/evaluations/{id}/actions/{action}', path: (v) => `/api/evaluations/${v.submitted}/actions/approve` },
  { method: 'POST', route: '/api/evaluations/{id}/actions/{action}', path: (v) => `/api/evaluations/${v.submitted}/actions/return`, body: () => ({ reason: '越权退回' }) },
  { method: 'GET', route: '/api/evaluations/{id}/history', path: (v) => `/api/evaluations/${v.draft}/history` },
  { method: 'GET', route: '/api/evaluations/{id}/comments', path: (v) => `/api/evaluations/${v.draft}/comments` },
  { method: 'POST', route: '/api/evaluations/{id}/comments', path: (v) => `/api/evaluations/${v.draft}/comments`, body: () => ({ body: '越权评论' }) },
  { method: 'PUT', route: '/api/evaluations/{id}/reviews/{indicatorId}', path: (v) => `/api/evaluations/${v.submitted}/reviews/i1`, body: () => ({ score: '1', reason: '越权复核' }) },
  { method: 'GET', route: '/api/evaluations/{id}/evidence', path: (v) => `/api/evaluations/${v.draft}/evidence` },
  { method: 'POST', route: '/api/evaluations/{id}/evidence', path: (v) => `/api/evaluations/${v.draft}/evidence`, form: () => { const f = new FormData(); f.set('file', pdf()); f.set('indicatorId', 'i1'); return f; } },
  { method: 'GET', route: '/api/evaluations/{id}/evidence/{evidenceId}', path: (v) => `/api/evaluations/${v.draft}/evidence/${v.evidence}` },
  { method: 'DELETE', route: '/api/evaluations/{id}/evidence/{evidenceId}', path: (v) => `/api/evaluations/${v.draft}/evidence/${v.evidence}` },
  { method: 'GET', route: '/api/evaluations/{id}/audit-trail', path: (v) => `/api/evaluations/${v.draft}/audit-trail` },
  { method: 'GET', route: '/api/evaluations/{id}/export', path: (v) => `/api/evaluations/${v.draft}/export?format=json` },
  { method: 'POST', route: '/api/evaluations/import', path: () => '/api/evaluations/import', form: (_v, s) => { const f = new FormData(); f.set('file', new File([JSON.stringify(smallDocument('越权导入'))], 'x.json')); f.set('orgId', s.fixture.orgs.U1.id); return f; } },
  { method: 'POST', route: '/api/imports', path: () => '/api/imports', form: (_v, s) => { const f = new FormData(); f.append('files', new File([JSON.stringify(smallDocument('越权批量'))], 'x.json')); f.set('orgId', s.fixture.orgs.U1.id); return f; } },
  { method: 'GET', route: '/api/imports', path: () => '/api/imports', list: (v) => v.batch },
  { method: 'GET', route: '/api/imports/{id}', path: (v) => `/api/imports/${v.batch}` },
  { method: 'GET', route: '/api/users', path: () => '/api/users?pageSize=200', list: (v) => v.userId },
  { method: 'POST', route: '/api/users', path: () => '/api/users', body: (_v, s) => ({ username: 'intruder', displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.U1.id, password: 'intruder-pass-1' }) },
  { method: 'GET', route: '/api/users/{id}', path: (v) => `/api/users/${v.userId}` },
  { method: 'PATCH', route: '/api/users/{id}', path: (v) => `/api/users/${v.userId}`, body: () => ({ disabled: true }) },
  { method: 'POST', route: '/api/users/{id}/reset-password', path: (v) => `/api/users/${v.userId}/reset-password` },
  { method: 'GET', route: '/api/users/{id}/audit-trail', path: (v) => `/api/users/${v.userId}/audit-trail` },
  { method: 'GET', route: '/api/orgs', path: () => '/api/orgs', list: () => 'r1-orgs' },
  { method: 'POST', route: '/api/orgs', path: () => '/api/orgs', body: (_v, s) => ({ parentId: s.fixture.orgs.D1.id, name: '越权新建单位' }) },
  // The indicator library is region-wide knowledge: same-region outsiders read entries, never document ids or other units' names.
  { method: 'GET', route: '/api/library/indicators', path: () => `/api/library/indicators?q=${encodeURIComponent('检查企业')}`, list: (v) => v.draft },
  { method: 'GET', route: '/api/library/indicators/{key}', path: () => `/api/library/indicators/${encodeURIComponent('检查企业数|家')}`, list: (v) => v.draft },
  { method: 'GET', route: '/api/goals', path: () => '/api/goals?pageSize=200', list: (v) => v.goal },
  { method: 'POST', route: '/api/goals/{id}/derive', path: (v) => `/api/goals/${v.goal}/derive`, body: () => ({ stage: 'monitoring' }) },
  { method: 'GET', route: '/api/goals/{id}/adjustments', path: (v) => `/api/goals/${v.goal}/adjustments` },
  { method: 'POST', route: '/api/goals/{id}/adjustments', path: (v) => `/api/goals/${v.goal}/adjustments`, body: () => ({ indicatorId: 'i3', to: '≥99%', reason: '越权调整' }) },
  { method: 'POST', route: '/api/goals/{id}/adjustments/{adjustmentId}/decision', path: (v) => `/api/goals/${v.goal}/adjustments/${v.adjustment}/decision`, body: () => ({ decision: 'approve' }) },
  { method: 'GET', route: '/api/goals/{id}/quality', path: (v) => `/api/goals/${v.goal}/quality` },
  { method: 'GET', route: '/api/goals/{id}/prior-record', path: (v) => `/api/goals/${v.goal}/prior-record` },
  { method: 'GET', route: '/api/goals/{id}/derived', path: (v) => `/api/goals/${v.goal}/derived` },
  { method: 'POST', route: '/api/monitoring/{evaluationId}/snapshots', path: (v) => `/api/monitoring/${v.monitoring}/snapshots`, body: () => ({ period: '2024-Q3', asOf: '2024-09-30', executed: '1' }) },
  { method: 'GET', route: '/api/monitoring/{evaluationId}/snapshots', path: (v) => `/api/monitoring/${v.monitoring}/snapshots` },
  { method: 'GET', route: '/api/monitoring', path: () => '/api/monitoring', list: (v) => v.monitoring },
  { method: 'GET', route: '/api/monitoring/cases', path: () => '/api/monitoring/cases', list: (v) => v.warning },
  { method: 'POST', route: '/api/monitoring/cases/{id}/response', path: (v) => `/api/monitoring/cases/${v.warning}/response`, body: () => ({ choice: 'cancel', reason: '越权答复' }) },
  { method: 'POST', route: '/api/monitoring/cases/{id}/review', path: (v) => `/api/monitoring/cases/${v.warning}/review`, body: () => ({ decision: 'suspend', reason: '越权审核' }) },
  { method: 'GET', route: '/api/monitoring/reminders', path: () => '/api/monitoring/reminders', list: (v) => v.warning },
  { method: 'GET', route: '/api/monitoring/report', path: () => '/api/monitoring/report', list: (v) => v.monitoring },
  { method: 'GET', route: '/api/monitoring/export.xlsx', path: () => '/api/monitoring/export.xlsx', list: (v) => v.monitoring },
  { method: 'GET', route: '/api/monitoring/{evaluationId}/assessment', path: (v) => `/api/monitoring/${v.monitoring}/assessment` },
  { method: 'POST', route: '/api/monitoring/{evaluationId}/payments', path: (v) => `/api/monitoring/${v.monitoring}/payments`, form: () => { const f = new FormData(); f.set('file', new File(['日期,金额（万元）\n2024-03-01,5'], '越权支付.csv')); return f; } },
  { method: 'GET', route: '/api/analytics/overview', path: () => '/api/analytics/overview', list: (v) => v.draft },
  { method: 'GET', route: '/api/stats', path: () => '/api/stats', list: (v) => v.draft },
  { method: 'GET', route: '/api/analytics/overview.xlsx', path: () => '/api/analytics/overview.xlsx', list: (v) => v.draft },
  { method: 'GET', route: '/api/results', path: () => '/api/results', list: (v) => v.submitted },
  { method: 'GET', route: '/api/results/export.xlsx', path: () => '/api/results/export.xlsx', list: (v) => v.submitted },
  { method: 'GET', route: '/api/results/tasks', path: () => '/api/results/tasks', list: (v) => v.task },
  { method: 'GET', route: '/api/results/tasks/{id}', path: (v) => `/api/results/tasks/${v.task}` },
  { method: 'POST', route: '/api/results/tasks', path: () => '/api/results/tasks', body: (v) => ({ evaluationId: v.submitted, items: [{ location: '越权', message: '越权整改' }] }) },
  { method: 'POST', route: '/api/results/tasks/{id}/start', path: (v) => `/api/results/tasks/${v.task}/start` },
  { method: 'POST', route: '/api/results/tasks/{id}/evidence', path: (v) => `/api/results/tasks/${v.task}/evidence`, body: () => ({ note: '越权佐证' }) },
  { method: 'POST', route: '/api/results/tasks/{id}/evidence/file', path: (v) => `/api/results/tasks/${v.task}/evidence/file`, form: () => { const f = new FormData(); f.set('file', pdf()); return f; } },
  { method: 'POST', route: '/api/results/tasks/{id}/close', path: (v) => `/api/results/tasks/${v.task}/close` },
  { method: 'POST', route: '/api/results/tasks/{id}/reopen', path: (v) => `/api/results/tasks/${v.task}/reopen`, body: () => ({ reason: '越权重开' }) },
  { method: 'POST', route: '/api/results/tasks/{id}/reassign', path: (v) => `/api/results/tasks/${v.task}/reassign`, body: () => ({ deadline: '2030-01-01' }) },
  { method: 'POST', route: '/api/library/curation', path: () => '/api/library/curation', body: () => ({ kind: 'retire', key: '检查企业数|家', reason: '越权停用' }) },
];

/** Routes with no party's data behind them (or covered by their own tests): login, the session itself, health, public. */
const NOT_TENANT_DATA = new Set([
  'GET /api/health',
  'GET /api/ready',
  'GET /api/ping',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/session',
  'POST /api/auth/password',
  'POST /api/import/preview',
  'GET /api/public/evaluations',
  'GET /api/public/organisations',
  'GET /api/public/evaluations/{id}',
]);

/** Who must not touch unit U1's data in region r1, and why. */
const OUTSIDERS = [
  ['preparer2', 'another unit of the same department'],
  ['preparer3', 'a unit of another department'],
  ['reviewer2', 'the reviewer of another department'],
  ['deptprep', 'staff of the department itself (not a reviewer)'],
  ['admin2', 'the admin of another region'],
  ['finance2', 'the finance office of another region'],
  ['reviewer9', 'a reviewer in another region'],
  ['preparer9', 'a preparer in another region'],
] as const;

const OTHER_REGION = new Set(['admin2', 'finance2', 'reviewer9', 'preparer9']);

/** Everything an outsider could have changed. */
async function snapshot(s: TestServer, v: Victim) {
  const db = s.deps.db;
  const count = async (table: 'evaluations' | 'comments' | 'evidence_files' | 'users' | 'orgs' | 'import_batches' | 'audit_events' | 'sessions' | 'library_curation') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const evals = await db.selectFrom('evaluations').select(['id', 'status', 'version', 'deleted_at', 'updated_at']).where('id', 'in', [v.draft, v.submitted, v.goal]).orderBy('id').execute();
  const user = await db.selectFrom('users').select(['disabled', 'password_hash', 'role']).where('id', '=', v.userId).executeTakeFirstOrThrow();
  return {
    evals,
    user,
    evaluations: await count('evaluations'),
    comments: await count('comments'),
    evidence: await count('evidence_files'),
    users: await count('users'),
    orgs: await count('orgs'),
    curation: await count('library_curation'),
    batches: await count('import_batches'),
    // Logins write events too; count only events about the victim's data.
    events: Number(
      (await db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'not in', ['auth.login', 'auth.logout']).executeTakeFirstOrThrow()).n,
    ),
  };
}

describe.each(BACKENDS)('tenant isolation on %s', (backend) => {
  let s: TestServer;
  let v: Victim;

  beforeAll(async () => {
    s = await createTestServer(backend, { jobs: true });
    const p = await s.as('preparer1');
    const draft = await p.post('/api/evaluations', { document: smallDocument('受害者草稿') });
    const submitted = await p.post('/api/evaluations', { document: smallDocument('受害者已提交') });
    await p.post(`/api/evaluations/${submitted.body.id}/actions/submit`);
    await p.post(`/api/evaluations/${draft.body.id}/comments`, { body: '内部评论' });
    const form = new FormData();
    form.set('file', pdf());
    form.set('indicatorId', 'i1');
    const ev = await p.request('POST', `/api/evaluations/${draft.body.id}/evidence`, { body: form });
    expect(ev.status, ev.text).toBe(201);
    const bf = new FormData();
    bf.append('files', new File([JSON.stringify(smallDocument('受害者批量'))], 'batch.json'));
    const batch = await p.request('POST', '/api/imports', { body: bf });
    expect(batch.status, batch.text).toBe(202);
    const sg = smallDocument('受害者绩效目标申报表', 2024);
    const goal = await p.post('/api/evaluations', { document: { ...sg, header: { ...sg.header, stage: 'goals' } } });
    expect(goal.status, goal.text).toBe(201);
    expect((await p.post(`/api/evaluations/${goal.body.id}/actions/submit`)).status).toBe(200);
    expect((await (await s.as('reviewer1')).post(`/api/evaluations/${goal.body.id}/actions/approve`)).status).toBe(200);
    const adj = await p.post(`/api/goals/${goal.body.id}/adjustments`, { indicatorId: 'i1', to: '≥110家', reason: '受害者调整' });
    expect(adj.status, adj.text).toBe(201);
    const mon = await p.post('/api/evaluations', { document: monitoringDocument('受害者监控') });
    expect(mon.status, mon.text).toBe(201);
    const snap = await p.post(`/api/monitoring/${mon.body.id}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '1' });
    expect(snap.status, snap.text).toBe(201);
    expect(snap.body.case, snap.text).not.toBeNull();
    const task = await (await s.as('reviewer1')).post('/api/results/tasks', { evaluationId: submitted.body.id, items: [{ location: '资金管理', message: '受害者整改事项' }] });
    expect(task.status, task.text).toBe(201);
    v = { task: task.body.items[0].id, monitoring: mon.body.id, warning: snap.body.case.id, draft: draft.body.id, submitted: submitted.body.id, evidence: ev.body.id, batch: batch.body.id, userId: s.fixture.users['preparer1']?.id ?? '', goal: goal.body.id, adjustment: adj.body.adjustment.id };
    // Let the batch finish so its counters no longer move during the checks.
    for (let i = 0; i < 100; i++) {
      const b = await p.get(`/api/imports/${v.batch}`);
      if (b.body.status === 'completed' || b.body.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);
  afterAll(async () => s?.close());

  it('lists every route that touches a party’s data (coverage of this test)', async () => {
    const doc = (await s.client().get('/api/openapi.json')).body;
    const routes: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) routes.push(`${method.toUpperCase()} ${path}`);
    }
    const covered = new Set(ENDPOINTS.map((e) => `${e.method} ${e.route}`));
    const missing = routes.filter((r) => !covered.has(r) && !NOT_TENANT_DATA.has(r));
    expect(missing).toEqual([]);
  });

  describe.each(OUTSIDERS)('%s (%s)', (who) => {
    it.each(ENDPOINTS.map((e) => [`${e.method} ${e.path({ draft: ':draft', submitted: ':submitted', evidence: ':ev', batch: ':batch', userId: ':user', goal: ':goal', adjustment: ':adjustment', monitoring: ':monitoring', warning: ':warning', task: ':task' })}`, e] as const))(
      '%s is refused and changes nothing',
      async (_label, e) => {
        const c: Client = await s.as(who);
        const before = await snapshot(s, v);
        const r = await c.request(e.method, e.path(v), {
          ...(e.body ? { json: e.body(v, s) } : {}),
          ...(e.form ? { body: e.form(v, s) } : {}),
          ...(e.headers ? { headers: e.headers } : {}),
        });
        if (e.list) {
          if (r.status === 200) {
            expect(r.text).not.toContain(e.list(v));
            // The organisation tree is region-wide: same-region outsiders see it, other regions see only theirs.
            if (e.route === '/api/orgs') expect(r.text).toContain(OTHER_REGION.has(who) ? '外地' : '单位甲');
            if (e.route === '/api/orgs' && OTHER_REGION.has(who)) expect(r.text).not.toContain('单位甲');
            if (e.route.startsWith('/api/library/')) expect(r.text).not.toContain('单位甲');
            if (e.route.startsWith('/api/library/') && OTHER_REGION.has(who)) expect(r.text).not.toContain('检查企业数');
            // Only unit U1 has evaluations here: outsiders count none of them (analytics and stats carry counts, not ids).
            if (e.route === '/api/analytics/overview') expect([r.body.evaluations, r.text.includes('单位甲'), r.text.includes(s.fixture.orgs.U1.id)]).toEqual([0, false, false]);
            if (e.route === '/api/stats') expect(r.body.total).toBe(0);
          } else {
            expect([403, 404]).toContain(r.status);
          }
        } else {
          // From another region, the victim's organisation does not exist: the same answer as for a made-up id.
          const refersToOrg = r.status === 400 && /组织不存在/.test(r.body.error.message);
          expect(refersToOrg || [403, 404].includes(r.status), `${e.method} ${e.path(v)} → ${r.status} ${r.text}`).toBe(true);
          expect(r.body.error.code).toMatch(/^(forbidden|not-found|invalid-request)$/);
        }
        expect(r.text).not.toContain('受害者');
        expect(r.text).not.toContain('内部评论');
        const after = await snapshot(s, v);
        expect(after).toEqual(before);
      },
    );
  });

  it('the insiders can read the same data (the checks above are not vacuous)', async () => {
    for (const who of ['preparer1', 'head1', 'reviewer1', 'finance1', 'admin1']) {
      const c = await s.as(who);
      expect((await c.get(`/api/evaluations/${v.draft}`)).status, who).toBe(200);
      expect((await c.get(`/api/evaluations/${v.draft}/evidence/${v.evidence}`)).status, who).toBe(200);
      expect((await c.get(`/api/evaluations/${v.draft}/comments`)).body.items).toHaveLength(1);
    }
    expect((await (await s.as('preparer1')).get(`/api/imports/${v.batch}`)).status).toBe(200);
    expect((await (await s.as('finance1')).get(`/api/imports/${v.batch}`)).status).toBe(200);
  });
});
