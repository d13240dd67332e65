/**
 * Goals through the API: goal documents (stage goals) listed, reviewed like evaluations, the monitoring
 * and self-evaluation documents derived from approved ones, target adjustments asked for by the unit and
 * decided by a reviewer (never the requester), the derived documents listed, goal quality and last year's
 * record.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, monitoringDocument, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

export function goalDocument(title = '测试项目绩效目标申报表', year = 2024) {
  const d = smallDocument(title, year);
  return { ...d, header: { ...d.header, stage: 'goals' as const } };
}

describe.each(BACKENDS)('goals on %s', (backend) => {
  let s: TestServer;
  let goal: string;
  let lastYear: string;

  beforeAll(async () => {
    s = await createTestServer(backend);
    const p = await s.as('preparer1');
    const g = await p.post('/api/evaluations', { document: goalDocument() });
    expect(g.status, g.text).toBe(201);
    goal = g.body.id;
    const l = await p.post('/api/evaluations', { document: smallDocument('测试项目绩效自评表', 2023) });
    expect(l.status, l.text).toBe(201);
    lastYear = l.body.id;
  }, 120_000);
  afterAll(async () => s?.close());

  it('lists goal documents only, in scope', async () => {
    const r = await (await s.as('reviewer1')).get('/api/goals?year=2024');
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.map((x: { id: string }) => x.id)).toEqual([goal]);
    expect(r.text).not.toContain(lastYear);
    expect((await (await s.as('preparer2')).get('/api/goals')).body.items).toEqual([]);
    expect((await (await s.as('finance2')).get('/api/goals')).body.total).toBe(0);
  });

  it('derives only from approved goals, by their unit, with the baseline link and an audit event', async () => {
    const p = await s.as('preparer1');
    const early = await p.post(`/api/goals/${goal}/derive`, { stage: 'monitoring' });
    expect(early.status).toBe(403);
    expect(early.body.error.message).toMatch(/审核通过/);
    expect((await p.post(`/api/goals/${lastYear}/derive`, { stage: 'monitoring' })).status).toBe(404);

    expect((await p.post(`/api/evaluations/${goal}/actions/submit`)).status).toBe(200);
    expect((await (await s.as('reviewer1')).post(`/api/evaluations/${goal}/actions/approve`)).status).toBe(200);

    expect((await (await s.as('reviewer1')).post(`/api/goals/${goal}/derive`, { stage: 'monitoring' })).status).toBe(403);
    const bad = await p.post(`/api/goals/${goal}/derive`, { stage: 'goals' });
    expect(bad.status).toBe(400);

    const r = await p.post(`/api/goals/${goal}/derive`, { stage: 'monitoring' });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ stage: 'monitoring', baseline: { id: goal, version: 1 } });
    const derived = await p.get(`/api/evaluations/${r.body.id}`);
    expect(derived.body.document.header).toMatchObject({ stage: 'monitoring', baseline: { id: goal, version: 1 } });
    expect(derived.body.status).toBe('draft');
    const se = await p.post(`/api/goals/${goal}/derive`, { stage: 'self-evaluation' });
    expect(se.status, se.text).toBe(201);
    const events = await s.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'goal.derive').execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ evaluation_id: goal, subject_type: 'evaluation' });
  });

  it('exports a goal declaration as the 绩效目标申报表, not the 自评表', async () => {
    const p = await s.as('preparer1');
    const r = await p.request('GET', `/api/evaluations/${goal}/export?format=xlsx`);
    expect(r.status, r.text).toBe(200);
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain('绩效目标申报表.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await s.app.request(`/api/evaluations/${goal}/export?format=xlsx`, { headers: { cookie: p.cookie ?? '' } })).arrayBuffer());
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String)).join('|');
    expect(text).toContain('绩效目标申报表');
    expect(text).not.toContain('自评表');
  });

  it('lists the documents derived from a goal document, in scope, without deleted drafts', async () => {
    const p = await s.as('preparer1');
    const r = await p.get(`/api/goals/${goal}/derived`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.items.map((d: { stage: string }) => d.stage)).toEqual(['self-evaluation', 'monitoring']);
    expect(r.body.items[1]).toMatchObject({ status: 'draft', statusLabel: '草稿', version: 1, baselineVersion: 1, title: expect.any(String), createdAt: expect.any(String) });
    // A document that merely names the goal in its title is not derived from it; neither is the goal itself.
    expect(r.text).not.toContain(lastYear);
    expect(r.body.items.map((d: { id: string }) => d.id)).not.toContain(goal);
    expect((await (await s.as('reviewer1')).get(`/api/goals/${goal}/derived`)).body.items).toHaveLength(2);
    expect((await (await s.as('preparer2')).get(`/api/goals/${goal}/derived`)).status).toBe(404);
    expect((await (await s.as('finance2')).get(`/api/goals/${goal}/derived`)).status).toBe(404);
    expect((await p.get(`/api/goals/${lastYear}/derived`)).status).toBe(404);
    // A deleted draft is no longer listed (the audit trail still names it).
    const se = r.body.items[0].id;
    expect((await p.delete(`/api/evaluations/${se}`)).status).toBe(204);
    const after = await p.get(`/api/goals/${goal}/derived`);
    expect(after.body.items.map((d: { stage: string }) => d.stage)).toEqual(['monitoring']);
    expect((await s.deps.db.selectFrom('audit_events').select('id').where('action', '=', 'goal.derive').execute())).toHaveLength(2);
  });

  it('records adjustments asked for by the unit and decided by a reviewer, never the requester', async () => {
    const p = await s.as('preparer1');
    const asked = await p.post(`/api/goals/${goal}/adjustments`, { indicatorId: 'i1', to: '≥120家', reason: '年中任务增加' });
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body.adjustment).toMatchObject({ status: 'pending', from: '≥100家', to: '≥120家', requestedBy: s.fixture.users['preparer1']?.id });
    const again = await p.post(`/api/goals/${goal}/adjustments`, { indicatorId: 'i1', to: '≥130家', reason: '再次调整' });
    expect(again.status).toBe(409);
    expect((await p.post(`/api/goals/${goal}/adjustments`, { indicatorId: 'nope', to: '1', reason: 'x' })).status).toBe(404);
    expect((await (await s.as('reviewer1')).post(`/api/goals/${goal}/adjustments`, { indicatorId: 'i3', to: '≥95%', reason: 'x' })).status).toBe(403);

    const id = asked.body.adjustment.id;
    expect((await p.post(`/api/goals/${goal}/adjustments/${id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await (await s.as('reviewer2')).post(`/api/goals/${goal}/adjustments/${id}/decision`, { decision: 'approve' })).status).toBe(404);
    const ok = await (await s.as('reviewer1')).post(`/api/goals/${goal}/adjustments/${id}/decision`, { decision: 'approve' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.adjustment).toMatchObject({ status: 'approved', approvedBy: s.fixture.users['reviewer1']?.id });
    expect((await (await s.as('finance1')).post(`/api/goals/${goal}/adjustments/${id}/decision`, { decision: 'approve' })).status).toBe(409);

    const list = await p.get(`/api/goals/${goal}/adjustments`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.views[0]).toMatchObject({ indicatorId: 'i1', original: '≥100家', adjusted: '≥120家' });

    const second = await p.post(`/api/goals/${goal}/adjustments`, { indicatorId: 'i3', to: '≥95%', reason: '提高要求' });
    expect(second.status).toBe(201);
    const f = await s.as('finance1');
    const noReason = await f.post(`/api/goals/${goal}/adjustments/${second.body.adjustment.id}/decision`, { decision: 'reject' });
    expect(noReason.status).toBe(400);
    const rejected = await f.post(`/api/goals/${goal}/adjustments/${second.body.adjustment.id}/decision`, { decision: 'reject', reason: '依据不足' });
    expect(rejected.status, rejected.text).toBe(200);
    expect(rejected.body.adjustment.status).toBe('rejected');

    const actions = (await s.deps.db.selectFrom('audit_events').select('action').where('evaluation_id', '=', goal).execute()).map((x) => x.action);
    expect(actions.filter((a) => a === 'goal.adjustment.request')).toHaveLength(2);
    expect(actions.filter((a) => a === 'goal.adjustment.decide')).toHaveLength(2);
    // The stored document and its version moved with each request and decision.
    expect((await p.get(`/api/evaluations/${goal}`)).body.version).toBe(5);
  });

  it('gives goal quality and last year’s record of the same project', async () => {
    const r = await (await s.as('reviewer1')).get(`/api/goals/${goal}/quality`);
    expect(r.status, r.text).toBe(200);
    expect(Array.isArray(r.body.findings)).toBe(true);
    expect(r.body.counts).toMatchObject({ error: expect.any(Number), warning: expect.any(Number), info: expect.any(Number) });
    const prior = await (await s.as('preparer1')).get(`/api/goals/${goal}/prior-record`);
    expect(prior.status, prior.text).toBe(200);
    expect(prior.body.lastYearEvaluationId).toBe(lastYear);
    expect(prior.body.record.project).toMatchObject({ year: 2024 });
    expect(prior.body.record.lastYear).toBe(2023);
    expect((await (await s.as('preparer2')).get(`/api/goals/${goal}/prior-record`)).status).toBe(404);
    expect((await (await s.as('finance2')).get(`/api/goals/${goal}/quality`)).status).toBe(404);
  });

  it('compares each target with the peers’ targets of the same indicator, and names copied declarations only in scope', async () => {
    // Ten other declarations with lower targets for the same indicator, in another department.
    const p3 = await s.as('preparer3');
    for (let i = 1; i <= 10; i++) {
      const d = goalDocument(`丙单位目标${i}`);
      d.header.projectName = `丙项目${i}`;
      (d.indicators[0]!.children[0] as { children: Array<{ target: string }> }).children[0]!.target = `≥${i * 5}家`;
      expect((await p3.post('/api/evaluations', { document: d })).status).toBe(201);
    }
    // A declaration of another unit of the same department copying ours.
    const copy = goalDocument('乙单位目标');
    copy.header.projectName = '乙项目';
    expect((await (await s.as('preparer2')).post('/api/evaluations', { document: copy })).status).toBe(201);

    let position: { standing: string; key: string; inLibrary: boolean; lastYearActual?: string; belowLastYear?: boolean; percentile?: string; reasons: Array<{ message: string }> } | undefined;
    let body: { findings: Array<{ code: string; message: string }>; peers: number } | undefined;
    // The library is rebuilt in the background once it sees the new documents.
    for (let i = 0; i < 40; i++) {
      const r = await (await s.as('reviewer1')).get(`/api/goals/${goal}/quality`);
      expect(r.status, r.text).toBe(200);
      body = r.body;
      position = r.body.positions.find((x: { indicatorId: string }) => x.indicatorId === 'i1');
      if (position?.standing === 'above-peers') break;
      await new Promise((res) => setTimeout(res, 250));
    }
    expect(position).toMatchObject({ inLibrary: true, key: '检查企业数|家', standing: 'above-peers', lastYearActual: '120家', belowLastYear: true });
    expect(Number(position!.percentile)).toBeGreaterThan(0.75);
    expect(position!.reasons.length).toBeGreaterThan(0);
    // The reviewer reads the whole department: the copy in 单位乙 is named.
    const copied = body!.findings.find((f) => f.code === 'GOAL-COPIED-PEER');
    expect(copied?.message).toContain('乙项目');
    // The unit reads only its own declarations: no other unit's project is named to it.
    const own = await (await s.as('preparer1')).get(`/api/goals/${goal}/quality`);
    expect(own.body.findings.map((f: { code: string }) => f.code)).not.toContain('GOAL-COPIED-PEER');
    expect(own.text).not.toContain('乙项目');
    expect(own.body.positions.find((x: { indicatorId: string }) => x.indicatorId === 'i1').standing).toBe('above-peers');
  });

  it('includes last year’s monitoring record (its latest assessment) in the prior record', async () => {
    const p = await s.as('preparer1');
    const m = await p.post('/api/evaluations', { document: monitoringDocument('测试项目绩效运行监控表', 2023) });
    expect(m.status, m.text).toBe(201);
    const snap = await p.post(`/api/monitoring/${m.body.id}/snapshots`, { period: '2023-Q3', asOf: '2023-09-30', executed: '20', indicators: [{ id: 'i1', progress: '30家' }] });
    expect(snap.status, snap.text).toBe(201);
    const prior = await p.get(`/api/goals/${goal}/prior-record`);
    expect(prior.status, prior.text).toBe(200);
    expect(prior.body.lastYearMonitoringId).toBe(m.body.id);
    expect(prior.body.record.monitoring).toMatchObject({ asOf: '2023-09-30', light: 'red', ratePercent: '20' });
    expect(prior.body.record.monitoring.reasons.map((r: { code: string }) => r.code)).toContain('MON-CHECKPOINT-MISSED');
    expect(prior.body.record.facts.some((f: string) => f.startsWith('运行监控（截至2023-09-30）：红灯'))).toBe(true);
    // Another unit's monitoring of a project with the same name is not last year's record.
    expect((await (await s.as('preparer2')).post('/api/evaluations', { document: monitoringDocument('测试项目绩效运行监控表', 2023) })).status).toBe(201);
    expect((await p.get(`/api/goals/${goal}/prior-record`)).body.lastYearMonitoringId).toBe(m.body.id);
  });
});
