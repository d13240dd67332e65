/**
 * Results into the next budget (结果应用) through the API: the year-end list per department in scope with
 * core's treatments and reasons (only self-evaluations; unscorable documents listed apart), its xlsx read
 * back, and rectification tasks (整改) with the right actor for each step and every step in the audit trail.
 */
import ExcelJS from 'exceljs';
import { addDays } from '@jixiao/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaToday } from '../src/monitoring/routes.js';
import { BACKENDS, createTestServer, goalDocumentFor, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

type Doc = ReturnType<typeof smallDocument>;

/** 94 points (优) but 40% executed: one tier down for low execution. */
function lowExecution(title: string, year = 2023): Doc {
  const d = structuredClone(smallDocument(title, year));
  d.funding.tables[0]!.rows[0]!.amounts.executed = '40';
  return d;
}

/** 差, with one error finding (SCORE-MISSED-FULL). */
function poor(title: string): Doc {
  const d = structuredClone(smallDocument(title));
  d.header.projectName = '丙项目';
  d.funding.tables[0]!.rows[0]!.amounts.executed = '30';
  const leaf = (d.indicators[0]!.children[0] as { children: Array<{ actual: string; printedScore: string }> }).children[0]!;
  leaf.actual = '20家';
  leaf.printedScore = '10';
  (d.indicators[2]!.children[0] as { actual: string }).actual = '30%';
  return d;
}

const unscorable = (title: string) => ({ schemaVersion: 1, header: { title, level: 'project', year: 2023, organisation: '单位甲', projectName: '空表' }, indicators: [{ id: 'i1', name: '检查企业数', target: '≥100家' }] });

describe.each(BACKENDS)('results on %s', (backend) => {
  let s: TestServer;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(backend);
    const create = async (who: string, key: string, document: unknown) => {
      const r = await (await s.as(who)).post('/api/evaluations', { document });
      expect(r.status, r.text).toBe(201);
      id[key] = r.body.id;
    };
    await create('preparer1', 'A', { ...lowExecution('甲低执行'), header: { ...lowExecution('甲低执行').header, projectName: '甲项目' } });
    await create('preparer2', 'B', smallDocument('乙良好'));
    await create('preparer3', 'C', poor('丙较差'));
    await create('preparer1', 'D', unscorable('甲不可评分'));
    await create('preparer1', 'G', goalDocumentFor('甲目标', 2023));
    await create('preparer1', 'OLD', lowExecution('甲上年', 2022));
  }, 120_000);
  afterAll(async () => s?.close());

  it('lists per department the projects to act on, with treatments and reasons, in scope', async () => {
    const f = await (await s.as('finance1')).get('/api/results?year=2023');
    expect(f.status, f.text).toBe(200);
    expect(f.body.evaluations).toBe(3);
    expect(f.body.departments.map((d: { department: string }) => d.department)).toEqual(['一号主管部门', '二号主管部门']);
    const [d1, d2] = f.body.departments;
    expect(d1.departmentId).toBe(s.fixture.orgs.D1.id);
    expect(d1.evaluations).toBe(2);
    expect(d1.counts).toEqual({ priority: 1, maintain: 1, reduce: 0, cancel: 0 });
    expect(d1.items.map((i: { id: string }) => i.id)).toEqual([id['A']]);
    const a = d1.items[0];
    expect(a).toMatchObject({ grade: '优', total: '94', base: 'priority', treatment: 'maintain', label: '保障', lowExecution: true, seriousFindings: 0, listed: true, orgId: s.fixture.orgs.U1.id, name: '甲项目' });
    expect(a.reasons.map((r: { code: string }) => r.code)).toEqual(['RES-GRADE', 'RES-LOW-EXECUTION']);
    expect(a.reasons[1].message).toContain('预算执行率40');
    expect(d2.items.map((i: { id: string }) => i.id)).toEqual([id['C']]);
    expect(d2.items[0]).toMatchObject({ grade: '差', treatment: 'cancel', label: '取消', seriousFindings: 1 });
    // Not scorable: listed apart, no treatment; goal documents and other years are not there.
    expect(f.body.unscored.map((u: { id: string }) => u.id)).toEqual([id['D']]);
    expect(f.text).not.toContain(id['G']);
    expect(f.text).not.toContain(id['OLD']);

    const r1 = await (await s.as('reviewer1')).get('/api/results?year=2023');
    expect(r1.body.departments.map((d: { department: string }) => d.department)).toEqual(['一号主管部门']);
    const r2 = await (await s.as('reviewer2')).get('/api/results?year=2023');
    expect(r2.body.departments.map((d: { department: string }) => d.department)).toEqual(['二号主管部门']);
    const p2 = await (await s.as('preparer2')).get('/api/results?year=2023');
    expect(p2.body.evaluations).toBe(1);
    expect(p2.body.departments[0].items).toEqual([]);
    const byDept = await (await s.as('finance1')).get(`/api/results?year=2023&department=${s.fixture.orgs.D2.id}`);
    expect(byDept.body.departments.map((d: { department: string }) => d.department)).toEqual(['二号主管部门']);
    const all = await (await s.as('finance1')).get('/api/results');
    expect(all.body.evaluations).toBe(4);
    expect((await (await s.as('finance2')).get('/api/results')).body.departments).toEqual([]);
  });

  it('exports the list as xlsx for the budget office', async () => {
    const r = await (await s.as('finance1')).get('/api/results/export.xlsx?year=2023');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain('2023年度预算绩效评价结果应用清单.xlsx');
    const res = await s.app.request('/api/results/export.xlsx?year=2023', { headers: { cookie: (await s.as('finance1')).cookie ?? '' } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.getWorksheet('结果应用清单')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const a = ws.getRow(rows.findIndex((x) => x[3] === '甲项目') + 1);
    expect(a.getCell(2).value).toBe('一号主管部门');
    expect(a.getCell(5).value).toBe('优');
    expect(a.getCell(6).value).toBe(94);
    expect(a.getCell(7).value).toBe(0.4);
    expect(a.getCell(7).numFmt).toBe('0.00%');
    expect(a.getCell(10).value).toBe('保障');
    expect(rows.some((x) => x[3] === '丙项目' && x[9] === '取消')).toBe(true);
    expect(rows.some((x) => x[3] === '测试项目')).toBe(false);
    // A reviewer's workbook has only their department.
    const rv = await s.app.request('/api/results/export.xlsx?year=2023', { headers: { cookie: (await s.as('reviewer1')).cookie ?? '' } });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await rv.arrayBuffer());
    const names: unknown[] = [];
    wb2.getWorksheet('结果应用清单')!.eachRow((row) => names.push(row.getCell(4).value));
    expect(names).toContain('甲项目');
    expect(names).not.toContain('丙项目');
  });

  describe('rectification tasks', () => {
    let warnings: string[] = [];
    let item = '';

    it('are opened by a reviewer of the subtree or the finance office only', async () => {
      const body = { evaluationId: id['A'], severities: ['warning'] };
      const p = await (await s.as('preparer1')).post('/api/results/tasks', body);
      expect(p.status, p.text).toBe(403);
      expect((await (await s.as('reviewer2')).post('/api/results/tasks', body)).status).toBe(404);
      expect((await (await s.as('reviewer1')).post('/api/results/tasks', { evaluationId: id['A'] })).status).toBe(400);
      expect((await (await s.as('reviewer1')).post('/api/results/tasks', { ...body, ownerOrgId: s.fixture.orgs.U3.id })).status).toBe(400);
      const r = await (await s.as('reviewer1')).post('/api/results/tasks', body);
      expect(r.status, r.text).toBe(201);
      expect(r.body.skipped).toBe(0);
      expect(r.body.items.map((t: { findingCode: string }) => t.findingCode).sort()).toEqual(['SMART-REQUIRED-CATEGORY', 'SMART-VAGUE-TARGET']);
      const t = r.body.items[0];
      expect(t).toMatchObject({ status: 'open', statusLabel: '待整改', ownerOrgId: s.fixture.orgs.U1.id, deadline: addDays(chinaToday(), 60), overdue: false, evaluationId: id['A'] });
      expect(t.actions).toEqual(['reassign']);
      warnings = r.body.items.map((x: { id: string }) => x.id);
      // The same findings again: nothing twice.
      const again = await (await s.as('reviewer1')).post('/api/results/tasks', body);
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ items: [], skipped: 2 });
      const own = await (await s.as('finance1')).post('/api/results/tasks', { evaluationId: id['A'], items: [{ location: '资金管理', message: '补充资金拨付凭证' }], deadline: '2020-01-31', ownerUserId: s.fixture.users['preparer1']!.id });
      expect(own.status, own.text).toBe(201);
      item = own.body.items[0].id;
      expect(own.body.items[0]).toMatchObject({ findingCode: 'REVIEW', location: '资金管理', message: '补充资金拨付凭证', overdue: true, ownerUserId: s.fixture.users['preparer1']!.id });
    });

    it('are listed in scope, with overdue computed from today', async () => {
      const ids = async (who: string, q = '') => ((await (await s.as(who)).get(`/api/results/tasks${q}`)).body.items as Array<{ id: string }>).map((t) => t.id).sort();
      expect(await ids('preparer1')).toEqual([...warnings, item].sort());
      expect(await ids('finance1')).toEqual([...warnings, item].sort());
      expect(await ids('reviewer1')).toHaveLength(3);
      expect(await ids('preparer2')).toEqual([]);
      expect(await ids('reviewer2')).toEqual([]);
      expect(await ids('finance2')).toEqual([]);
      expect(await ids('finance1', '?overdue=true')).toEqual([item]);
      expect(await ids('finance1', '?overdue=false')).toEqual([...warnings].sort());
      expect(await ids('finance1', `?evaluation=${id['C']}`)).toEqual([]);
      const list = await (await s.as('preparer1')).get('/api/results/tasks');
      expect(list.body.counts).toEqual({ open: 3, inProgress: 0, closed: 0, overdue: 1 });
      expect((await (await s.as('preparer2')).get(`/api/results/tasks/${item}`)).status).toBe(404);
    });

    it('are started and evidenced by the unit, closed only with evidence by the reviewer, reopened with a reason', async () => {
      const t = warnings[0]!;
      expect((await (await s.as('preparer2')).post(`/api/results/tasks/${t}/start`)).status).toBe(404);
      expect((await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/start`)).status).toBe(403);
      const started = await (await s.as('preparer1')).post(`/api/results/tasks/${t}/start`, { note: '已安排整改' });
      expect(started.status, started.text).toBe(200);
      expect(started.body).toMatchObject({ status: 'in-progress', statusLabel: '整改中' });
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/start`)).status).toBe(409);
      const early = await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/close`);
      expect(early.status).toBe(409);
      expect(early.body.error.details.code).toBe('evidence-required');
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/evidence`, {})).status).toBe(400);
      expect((await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/evidence`, { note: '审核人代传' })).status).toBe(403);
      const ev = await (await s.as('preparer1')).post(`/api/results/tasks/${t}/evidence`, { note: '已补充指标分类并细化目标值' });
      expect(ev.status, ev.text).toBe(200);
      expect(ev.body.evidence).toHaveLength(1);
      expect(ev.body.evidence[0].name).toBe('已补充指标分类并细化目标值');
      // The preparer cannot close, another department's reviewer cannot see it.
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/close`)).status).toBe(403);
      expect((await (await s.as('reviewer2')).post(`/api/results/tasks/${t}/close`)).status).toBe(404);
      const closed = await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/close`, { note: '整改到位' });
      expect(closed.status, closed.text).toBe(200);
      expect(closed.body).toMatchObject({ status: 'closed', statusLabel: '已完成', overdue: false, actions: ['reopen'] });
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/evidence`, { note: '再补' })).status).toBe(409);
      expect((await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/reopen`, { reason: ' ' })).status).toBe(400);
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/reopen`, { reason: '自己重开' })).status).toBe(403);
      const reopened = await (await s.as('finance1')).post(`/api/results/tasks/${t}/reopen`, { reason: '佐证不足' });
      expect(reopened.status, reopened.text).toBe(200);
      expect(reopened.body.status).toBe('open');
      expect(reopened.body.history.map((h: { action: string }) => h.action)).toEqual(['create', 'start', 'evidence', 'close', 'reopen']);
      const actions = (await s.deps.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', t).orderBy('at').orderBy('id').execute()).map((x) => x.action);
      expect(actions).toEqual(['rectification.create', 'rectification.start', 'rectification.evidence', 'rectification.close', 'rectification.reopen']);
    });

    it('are reassigned by the reviewer to another unit, which then works on them with the evaluation’s evidence', async () => {
      const t = warnings[1]!;
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/reassign`, { ownerOrgId: s.fixture.orgs.U2.id })).status).toBe(403);
      expect((await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/reassign`, { ownerOrgId: s.fixture.orgs.U3.id })).status).toBe(400);
      const r = await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/reassign`, { ownerOrgId: s.fixture.orgs.U2.id, deadline: '2030-06-30' });
      expect(r.status, r.text).toBe(200);
      expect(r.body).toMatchObject({ ownerOrgId: s.fixture.orgs.U2.id, ownerOrgName: '单位乙', deadline: '2030-06-30' });
      expect(r.body.history.at(-1).note).toContain('责任单位由“单位甲”改为“单位乙”');
      // The evaluation's unit still sees it but no longer works on it; the new owner does.
      expect((await (await s.as('preparer1')).post(`/api/results/tasks/${t}/start`)).status).toBe(403);
      expect((await (await s.as('preparer2')).post(`/api/results/tasks/${t}/start`)).status).toBe(200);
      // The new owner may not open the evaluation itself; the task says so, for the page to offer no link.
      expect((await (await s.as('preparer2')).get(`/api/results/tasks/${t}`)).body.evaluationReadable).toBe(false);
      expect((await (await s.as('preparer1')).get(`/api/results/tasks/${t}`)).body.evaluationReadable).toBe(true);
      expect((await (await s.as('reviewer1')).get(`/api/results/tasks/${t}`)).body.evaluationReadable).toBe(true);
      const form = new FormData();
      form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%整改\n')], '整改报告.pdf', { type: 'application/pdf' }));
      form.set('indicatorId', 'i1');
      const up = await (await s.as('preparer1')).request('POST', `/api/evaluations/${id['A']}/evidence`, { body: form });
      expect(up.status, up.text).toBe(201);
      const other = await (await s.as('preparer2')).post(`/api/results/tasks/${t}/evidence`, { evidenceId: id['A'] });
      expect(other.status).toBe(400);
      const ev = await (await s.as('preparer2')).post(`/api/results/tasks/${t}/evidence`, { evidenceId: up.body.id });
      expect(ev.status, ev.text).toBe(200);
      expect(ev.body.evidence[0]).toMatchObject({ id: up.body.id, name: '整改报告.pdf', ref: `/api/evaluations/${id['A']}/evidence/${up.body.id}` });
      expect((await (await s.as('reviewer1')).post(`/api/results/tasks/${t}/close`)).status).toBe(200);
      const events = await s.deps.db.selectFrom('audit_events').select('action').where('subject_id', '=', t).execute();
      expect(events.map((e) => e.action).sort()).toEqual(['rectification.close', 'rectification.create', 'rectification.evidence', 'rectification.reassign', 'rectification.start']);
    });

    it('take a new file as evidence from the owner unit, stored with the evaluation and downloadable', async () => {
      const t = item;
      const upload = (who: string, name: string, bytes: Uint8Array) => {
        const form = new FormData();
        form.set('file', new File([bytes], name));
        form.set('note', '整改后的资金拨付凭证');
        return s.as(who).then((c) => c.request('POST', `/api/results/tasks/${t}/evidence/file`, { body: form }));
      };
      const pdf = new TextEncoder().encode('%PDF-1.4\n% 拨付凭证\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      expect((await upload('reviewer1', '凭证.pdf', pdf)).status).toBe(403);
      expect((await upload('preparer2', '凭证.pdf', pdf)).status).toBe(404);
      const fake = await upload('preparer1', '凭证.pdf', new TextEncoder().encode('not a pdf at all'));
      expect(fake.status).toBe(415);
      const ok = await upload('preparer1', '凭证.pdf', pdf);
      expect(ok.status, ok.text).toBe(200);
      const ev = ok.body.evidence[ok.body.evidence.length - 1];
      expect(ev).toMatchObject({ name: '凭证.pdf', mediaType: 'application/pdf', size: pdf.length });
      expect(ok.body.history[ok.body.history.length - 1]).toMatchObject({ action: 'evidence', note: '整改后的资金拨付凭证' });
      const file = await s.app.request(ev.ref, { headers: { cookie: (await s.as('reviewer1')).cookie ?? '' } });
      expect(file.status).toBe(200);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(pdf);
      const stored = await s.deps.db.selectFrom('evidence_files').select(['indicator_id']).where('id', '=', ev.id).executeTakeFirstOrThrow();
      expect(stored.indicator_id).toBe(`task:${t}`);
      const events = await s.deps.db.selectFrom('audit_events').select(['action', 'diff']).where('subject_id', '=', t).execute();
      expect(events.filter((e) => e.action === 'rectification.evidence')).toHaveLength(1);
    });
  });
});
