/**
 * The workflow through the API: every action by every role from every state (allowed ones move the
 * document, refused ones change nothing), scope checks, comments, re-scores, history and the audit trail.
 */
import { WORKFLOW_ACTIONS, WORKFLOW_STATES, transition } from '@jixiao/core';
import type { WorkflowAction, WorkflowState } from '@jixiao/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, smallDocument } from './helpers.js';
import type { Client, TestServer } from './helpers.js';

/** How to bring a fresh document to each state, and who takes each step. */
const PATH: Record<WorkflowState, Array<[WorkflowAction, string]>> = {
  draft: [],
  submitted: [['submit', 'preparer1']],
  returned: [['submit', 'preparer1'], ['return', 'reviewer1']],
  approved: [['submit', 'preparer1'], ['approve', 'reviewer1']],
  rechecked: [['submit', 'preparer1'], ['approve', 'reviewer1'], ['recheck', 'finance1']],
  published: [['submit', 'preparer1'], ['approve', 'reviewer1'], ['recheck', 'finance1'], ['publish', 'finance1']],
};

const ACTORS = ['preparer1', 'head1', 'reviewer1', 'finance1', 'admin1'] as const;
const ROLE_OF = { preparer1: 'preparer', head1: 'unit-head', reviewer1: 'reviewer', finance1: 'finance', admin1: 'admin' } as const;

describe.each(BACKENDS)('workflow on %s', (backend) => {
  let s: TestServer;
  const client = (name: string): Promise<Client> => s.as(name);

  async function docIn(state: WorkflowState, title = `流程 ${state}`): Promise<string> {
    const p = await client('preparer1');
    const r = await p.post('/api/evaluations', { document: smallDocument(title) });
    expect(r.status).toBe(201);
    for (const [action, who] of PATH[state]) {
      const t = await (await client(who)).post(`/api/evaluations/${r.body.id}/actions/${action}`, { reason: '请补充佐证材料' });
      expect(t.status, `${action} by ${who}: ${t.text}`).toBe(200);
    }
    return r.body.id;
  }

  beforeAll(async () => {
    s = await createTestServer(backend);
  }, 120_000);
  afterAll(async () => s?.close());

  describe('every action × role × state', () => {
    for (const state of WORKFLOW_STATES) {
      it(`from ${state}`, async () => {
        const shared = await docIn(state);
        for (const action of WORKFLOW_ACTIONS) {
          for (const actor of ACTORS) {
            const expected = transition(state, action, { role: ROLE_OF[actor], reason: '原因' });
            const allowed = expected.ok && actor !== 'admin1';
            const id = allowed ? await docIn(state, `${state}-${action}-${actor}`) : shared;
            const c = await client(actor);
            const r = await c.post(`/api/evaluations/${id}/actions/${action}`, { reason: '退回原因：数据不一致' });
            const label = `${state} --${action}--> by ${actor}`;
            if (allowed && expected.ok) {
              expect(r.status, `${label}: ${r.text}`).toBe(200);
              expect(r.body.status, label).toBe(expected.to);
              const t = await s.deps.db.selectFrom('workflow_transitions').selectAll().where('evaluation_id', '=', id).orderBy('at', 'desc').executeTakeFirstOrThrow();
              expect(t).toMatchObject({ action, from_status: state, to_status: expected.to, actor_role: ROLE_OF[actor] });
              const ev = await s.deps.db.selectFrom('audit_events').selectAll().where('evaluation_id', '=', id).where('action', '=', `evaluation.${action}`).execute();
              expect(ev.length, label).toBeGreaterThan(0);
            } else {
              const code = !expected.ok && expected.code === 'invalid-from-state' && actor !== 'admin1' ? 409 : 403;
              expect(r.status, `${label}: ${r.text}`).toBe(code);
              expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
            }
          }
        }
        // Refusals changed nothing.
        const after = await s.deps.db.selectFrom('evaluations').select(['status', 'version']).where('id', '=', shared).executeTakeFirstOrThrow();
        expect(after.status).toBe(state);
      });
    }
  });

  it('refuses actions outside the actor’s scope as not found, changing nothing', async () => {
    const id = await docIn('submitted', '范围测试');
    for (const [who, action] of [['reviewer2', 'approve'], ['preparer2', 'submit'], ['finance2', 'return'], ['reviewer9', 'approve'], ['preparer3', 'submit']] as const) {
      const r = await (await client(who)).post(`/api/evaluations/${id}/actions/${action}`, { reason: 'x' });
      expect(r.status, who).toBe(404);
    }
    const e = await s.deps.db.selectFrom('evaluations').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    expect(e.status).toBe('submitted');
  });

  it('requires a reason to return and refuses unknown actions', async () => {
    const id = await docIn('submitted', '退回原因测试');
    const r = await (await client('reviewer1')).post(`/api/evaluations/${id}/actions/return`, {});
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe('$.reason');
    const u = await (await client('reviewer1')).post(`/api/evaluations/${id}/actions/archive`, {});
    expect(u.status).toBe(400);
    const noBody = await (await client('reviewer1')).request('POST', `/api/evaluations/${id}/actions/approve`);
    expect(noBody.status).toBe(200);
  });

  it('lets the preparer edit again after a return and resubmit', async () => {
    const id = await docIn('returned', '退回后修改');
    const p = await client('preparer1');
    const cur = await p.get(`/api/evaluations/${id}`);
    expect(cur.body.permissions.update).toBe(true);
    const d = cur.body.document;
    d.goals = [{ expected: '补充后的目标' }];
    expect((await p.put(`/api/evaluations/${id}`, { document: d }, { 'if-match': cur.headers.get('etag') ?? '' })).status).toBe(200);
    const again = await p.post(`/api/evaluations/${id}/actions/submit`);
    expect(again.body.status).toBe('submitted');
    const stale = await p.put(`/api/evaluations/${id}`, { document: d }, { 'if-match': 'W/"2-submitted"' });
    expect(stale.status).toBe(403);
  });

  it('keeps a reviewer’s re-score beside the preparer’s score, with the reason, and rescores', async () => {
    const id = await docIn('submitted', '复核分测试');
    const reviewer = await client('reviewer1');
    const before = await reviewer.get(`/api/evaluations/${id}`);
    expect(before.body.permissions.rescore).toBe(true);
    const r = await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '40', reason: '实际完成值缺少佐证' });
    expect(r.status, r.text).toBe(200);
    const node = r.body.document.indicators[0].children[0].children[0];
    expect(node.printedScore).toBe('50');
    expect(node.review).toMatchObject({ score: '40', reason: '实际完成值缺少佐证', by: '测试 reviewer1' });
    expect(r.body.version).toBe(2);
    const row = await s.deps.db.selectFrom('indicators').selectAll().where('evaluation_id', '=', id).where('indicator_id', '=', 'i1').executeTakeFirstOrThrow();
    expect(row.review_score).toBe('40');

    expect((await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '60', reason: '超分' })).status).toBe(400);
    expect((await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '-1', reason: '负分' })).status).toBe(400);
    expect((await reviewer.put(`/api/evaluations/${id}/reviews/nope`, { score: '1', reason: '无此指标' })).status).toBe(404);
    expect((await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '1', reason: '' })).status).toBe(400);
    expect((await (await client('preparer1')).put(`/api/evaluations/${id}/reviews/i1`, { score: '1', reason: '自评人不能复核' })).status).toBe(403);
    expect((await (await client('finance1')).put(`/api/evaluations/${id}/reviews/i1`, { score: '1', reason: '未到财政复核' })).status).toBe(403);
    const stale = await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '45', reason: '旧版本' }, { 'if-match': 'W/"1-submitted"' });
    expect(stale.status).toBe(409);

    await reviewer.post(`/api/evaluations/${id}/actions/approve`);
    const fin = await (await client('finance1')).put(`/api/evaluations/${id}/reviews/i2`, { score: '25', reason: '财政复核' });
    expect(fin.status).toBe(200);

    // Returned to the preparer: an edit cannot change or drop the reviewers' scores.
    await (await client('finance1')).post(`/api/evaluations/${id}/actions/return`, { reason: '请修改' });
    const p = await client('preparer1');
    const cur = await p.get(`/api/evaluations/${id}`);
    const d = cur.body.document;
    d.indicators[0].children[0].children[0].review = { score: '50', reason: '自己改的复核分' };
    delete d.indicators[1].children[0].review;
    d.indicators[0].children[0].children[0].actual = '130家';
    const saved = await p.put(`/api/evaluations/${id}`, { document: d }, { 'if-match': cur.headers.get('etag') ?? '' });
    expect(saved.status).toBe(200);
    expect(saved.body.document.indicators[0].children[0].children[0]).toMatchObject({ actual: '130家', review: { score: '40', reason: '实际完成值缺少佐证' } });
    expect(saved.body.document.indicators[1].children[0].review).toMatchObject({ score: '25', reason: '财政复核' });
  });

  it('takes comments on the document and its indicators, and shows the full history', async () => {
    const id = await docIn('submitted', '评论与历史');
    const reviewer = await client('reviewer1');
    expect((await reviewer.post(`/api/evaluations/${id}/comments`, { indicatorId: 'i1', body: '请说明 120 家的统计口径' })).status).toBe(201);
    expect((await reviewer.post(`/api/evaluations/${id}/comments`, { body: '整体意见：<b>基本完整</b>' })).status).toBe(201);
    expect((await reviewer.post(`/api/evaluations/${id}/comments`, { indicatorId: 'zz', body: 'x' })).status).toBe(400);
    expect((await reviewer.post(`/api/evaluations/${id}/comments`, { body: '   ' })).status).toBe(400);
    const p = await client('preparer1');
    expect((await p.post(`/api/evaluations/${id}/comments`, { indicatorId: 'i1', body: '按年度抽检台账统计' })).status).toBe(201);

    const list = await p.get(`/api/evaluations/${id}/comments?indicatorId=i1`);
    expect(list.body.items.map((c: { body: string }) => c.body)).toEqual(['请说明 120 家的统计口径', '按年度抽检台账统计']);
    const all = await p.get(`/api/evaluations/${id}/comments`);
    expect(all.body.items[1].body).toBe('整体意见：<b>基本完整</b>');

    await reviewer.post(`/api/evaluations/${id}/actions/return`, { reason: '口径不清' });
    const h = await p.get(`/api/evaluations/${id}/history`);
    expect(h.status).toBe(200);
    const kinds = h.body.items.map((i: { type: string; action?: string }) => i.action ?? i.type);
    expect(kinds).toEqual(['version', 'submit', 'comment', 'comment', 'comment', 'return']);
    const ret = h.body.items.at(-1);
    expect(ret).toMatchObject({ from: 'submitted', fromLabel: '已提交', to: 'returned', toLabel: '已退回', reason: '口径不清', actor: { name: '测试 reviewer1', role: 'reviewer' } });
  });

  it('publishing sets the publication time and shows the document on the public API', async () => {
    const id = await docIn('published', '公开测试');
    const e = await s.deps.db.selectFrom('evaluations').select(['published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(e.published_at).toBeInstanceOf(Date);
    const pub = await s.client().get(`/api/public/evaluations/${id}`);
    expect(pub.status).toBe(200);
  });

  describe('audit trail', () => {
    it('lists a document’s events newest first with actor and diff, and a user’s own events', async () => {
      const id = await docIn('approved', '审计轨迹');
      const p = await client('preparer1');
      const trail = await p.get(`/api/evaluations/${id}/audit-trail?pageSize=50`);
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['evaluation.approve', 'evaluation.submit', 'evaluation.create']);
      expect(trail.body.items[0].diff.changes).toEqual([{ path: '$.status', before: 'submitted', after: 'approved' }]);
      expect(trail.body.items[0].actor.name).toBe('测试 reviewer1');

      const own = await p.get(`/api/users/${s.fixture.users['preparer1']?.id}/audit-trail`);
      expect(own.status).toBe(200);
      expect(own.body.items.every((e: { actor: { id: string } }) => e.actor.id === s.fixture.users['preparer1']?.id)).toBe(true);
      expect((await p.get(`/api/users/${s.fixture.users['reviewer1']?.id}/audit-trail`)).status).toBe(404);
      expect((await (await client('admin1')).get(`/api/users/${s.fixture.users['reviewer1']?.id}/audit-trail`)).status).toBe(200);
      expect((await (await client('admin2')).get(`/api/users/${s.fixture.users['reviewer1']?.id}/audit-trail`)).status).toBe(404);
    });

    it('cannot be changed: no route writes it, and the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const id = await docIn('draft', '只增不改');
      const admin = await client('admin1');
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const r = await admin.request(method, `/api/evaluations/${id}/audit-trail`, { json: {} });
        expect([404, 405]).toContain(r.status);
      }
      const before = await s.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      await expect(sql`UPDATE audit_events SET action = 'x'`.execute(s.deps.db)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_events`.execute(s.deps.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_events`.execute(s.deps.db)).rejects.toThrow(/append-only/);
      const after = await s.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('writes the event in the same transaction as the change: a failing change leaves no event', async () => {
      const id = await docIn('draft', '同一事务');
      const count = async () =>
        Number((await s.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('evaluation_id', '=', id).executeTakeFirstOrThrow()).n);
      const n = await count();
      await expect(
        s.deps.db.transaction().execute(async (trx) => {
          await trx.insertInto('audit_events').values({ region: 'r1', id: '01900000-0000-7000-8000-000000000001', actor_id: null, action: 'evaluation.update', subject_type: 'evaluation', evaluation_id: id, diff: '{}' }).execute();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await count()).toBe(n);
    });
  });
});
