/**
 * Monitoring through the API: snapshots validated and stored per period, the assessment in scope, a
 * warning case opened once when a snapshot first needs an answer (due date fixed then), the unit's
 * response and the reviewer's decision, reminders and the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, monitoringDocument, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

describe.each(BACKENDS)('monitoring on %s', (backend) => {
  let s: TestServer;
  let doc: string;
  let other: string;
  let caseId: string;

  beforeAll(async () => {
    s = await createTestServer(backend);
    const r = await (await s.as('preparer1')).post('/api/evaluations', { document: monitoringDocument() });
    expect(r.status, r.text).toBe(201);
    doc = r.body.id;
    const o = await (await s.as('preparer3')).post('/api/evaluations', { document: monitoringDocument('丙单位监控') });
    expect(o.status, o.text).toBe(201);
    other = o.body.id;
  }, 120_000);
  afterAll(async () => s?.close());

  it('validates and stores snapshots per period, by the unit only', async () => {
    const p = await s.as('preparer1');
    const bad = await p.post(`/api/monitoring/${doc}/snapshots`, { period: '2024-Q2', asOf: '2024-09-30', executed: '10' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-request');
    expect((await (await s.as('reviewer1')).post(`/api/monitoring/${doc}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '10' })).status).toBe(403);
    expect((await (await s.as('preparer2')).post(`/api/monitoring/${doc}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '10' })).status).toBe(404);

    const r = await p.post(`/api/monitoring/${doc}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '10', indicators: [{ id: 'i1', progress: '20家' }] });
    expect(r.status, r.text).toBe(201);
    expect(r.body.assessment.light).toBe('red');
    expect(r.body.case).toMatchObject({ evaluationId: doc, period: '2024-Q2' });
    caseId = r.body.case.id;
    const due = r.body.case.due;

    // The same period again replaces the snapshot and keeps the case (and its due date).
    const again = await p.post(`/api/monitoring/${doc}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '12' });
    expect(again.status, again.text).toBe(201);
    expect(again.body.case).toBeNull();
    const list = await p.get(`/api/monitoring/${doc}/snapshots`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].snapshot.executed).toBe('12');
    const cases = await (await s.as('reviewer1')).get('/api/monitoring/cases');
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0]).toMatchObject({ id: caseId, due });
    const events = await s.deps.db.selectFrom('audit_events').select('action').where('evaluation_id', '=', doc).execute();
    expect(events.filter((e) => e.action === 'monitoring.snapshot')).toHaveLength(2);
    expect(events.filter((e) => e.action === 'monitoring.case.open')).toHaveLength(1);

    // Only monitoring-stage documents.
    const plain = await p.post('/api/evaluations', { document: smallDocument('自评') });
    expect((await p.post(`/api/monitoring/${plain.body.id}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '1' })).status).toBe(404);
  });

  it('assesses the projects in scope with their cases', async () => {
    const f = await (await s.as('finance1')).get('/api/monitoring?year=2024&asOf=2024-07-15');
    expect(f.status, f.text).toBe(200);
    const ids = f.body.projects.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual([doc, other].sort());
    const mine = f.body.projects.find((p: { id: string }) => p.id === doc);
    expect(mine.cases).toHaveLength(1);
    expect(mine.reasons.length).toBeGreaterThan(0);
    const r1 = await (await s.as('reviewer1')).get('/api/monitoring');
    expect(r1.body.projects.map((p: { id: string }) => p.id)).toEqual([doc]);
    expect((await (await s.as('finance2')).get('/api/monitoring')).body.projects).toEqual([]);
  });

  it('takes the unit’s response and the reviewer’s decision, in that order', async () => {
    const early = await (await s.as('reviewer1')).post(`/api/monitoring/cases/${caseId}/review`, { decision: 'correct', reason: '限期整改' });
    // Issued today with a due date in working days ahead: not yet overdue, so no review before the answer.
    expect(early.status, early.text).toBe(409);
    expect((await (await s.as('reviewer1')).post(`/api/monitoring/cases/${caseId}/response`, { choice: 'continue', reason: 'x' })).status).toBe(403);
    expect((await (await s.as('preparer3')).post(`/api/monitoring/cases/${caseId}/response`, { choice: 'continue', reason: 'x' })).status).toBe(404);
    const ans = await (await s.as('preparer1')).post(`/api/monitoring/cases/${caseId}/response`, { choice: 'reallocate', reason: '资金调剂到下半年' });
    expect(ans.status, ans.text).toBe(200);
    expect(ans.body.status).toBe('awaiting-review');
    expect((await (await s.as('preparer1')).post(`/api/monitoring/cases/${caseId}/response`, { choice: 'cancel', reason: '再答' })).status).toBe(409);
    const rem = await (await s.as('reviewer1')).get('/api/monitoring/reminders');
    expect(rem.status).toBe(200);
    expect(rem.body.items.map((x: { kind: string }) => x.kind)).toContain('awaiting-review');
    const rev = await (await s.as('reviewer1')).post(`/api/monitoring/cases/${caseId}/review`, { decision: 'correct', reason: '限期纠偏', correctBy: '2024-09-30' });
    expect(rev.status, rev.text).toBe(200);
    expect(rev.body.status).toBe('closed');
    const actions = (await s.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', caseId).execute()).map((x) => x.action).sort();
    expect(actions).toEqual(['monitoring.case.open', 'monitoring.case.response', 'monitoring.case.review']);
  });

  it('reports by organisation, department or region', async () => {
    const r = await (await s.as('finance1')).get('/api/monitoring/report?level=organisation&asOf=2024-07-15');
    expect(r.status, r.text).toBe(200);
    expect(r.body.by).toBe('organisation');
    expect(r.body.total.projects).toBe(2);
    expect((await (await s.as('finance1')).get('/api/monitoring/report?level=nation')).status).toBe(400);
  });

  it('assesses a year planned ahead as of its latest report, not as of today', async () => {
    const year = new Date().getFullYear() + 2;
    const p = await s.as('preparer1');
    const ahead = await p.post('/api/evaluations', { document: monitoringDocument('来年项目监控', year) });
    expect(ahead.status, ahead.text).toBe(201);
    const id = ahead.body.id;
    // Nothing executed by the end of June: behind the schedule's 40% checkpoint at the end of June.
    const r = await p.post(`/api/monitoring/${id}/snapshots`, { period: `${year}-Q2`, asOf: `${year}-06-30`, executed: '0' });
    expect(r.status, r.text).toBe(201);
    expect(r.body.assessment.light).toBe('red');
    const now = await p.get(`/api/monitoring?year=${year}`);
    expect(now.status, now.text).toBe(200);
    const project = now.body.projects.find((x: { id: string }) => x.id === id);
    // The same answer as when it was reported (as of today its report would not exist yet).
    expect(project).toMatchObject({ light: 'red', snapshot: { asOf: `${year}-06-30` } });
    expect(now.body.counts.red).toBeGreaterThanOrEqual(1);
    // Asked for a date, the date rules.
    const asked = await p.get(`/api/monitoring?year=${year}&asOf=${year}-01-15`);
    expect(asked.body.projects.find((x: { id: string }) => x.id === id).snapshot).toBeUndefined();
  });
});
