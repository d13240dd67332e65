/**
 * Monitoring through the API: snapshots validated and stored per period, the assessment in scope, a
 * warning case opened once when a snapshot first needs an answer (due date fixed then), the unit's
 * response and the reviewer's decision, reminders and the report, one project's assessment, the
 * 绩效监控表 workbook, and payments lists summed into execution per period.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, monitoringDocument, smallDocument } from './helpers.js';
import type { Client, TestServer } from './helpers.js';

/** The bytes of a GET (the test client reads bodies as text). */
async function bytesOf(s: TestServer, c: Client, path: string) {
  const res = await s.app.request(path, { headers: c.cookie ? { cookie: c.cookie } : {} });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Every row of a sheet as cell texts. */
async function sheets(bytes: Uint8Array): Promise<Map<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const out = new Map<string, string[][]>();
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('') : String(v)))));
    out.set(ws.name, rows);
  });
  return out;
}

const upload = (name: string, content: string | Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}) => {
  const f = new FormData();
  f.set('file', new File([content], name));
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

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

  it('exports the 绩效监控表 workbook of the scope, lights in Chinese', async () => {
    const f = await s.as('finance1');
    const json = await f.get('/api/monitoring?year=2024&asOf=2024-07-15');
    const mine = json.body.projects.find((p: { id: string }) => p.id === doc);
    const r = await bytesOf(s, f, '/api/monitoring/export.xlsx?year=2024&asOf=2024-07-15&level=department');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(r.headers.get('content-disposition') ?? '')).toContain('2024年度绩效运行监控表（截至2024-07-15）.xlsx');
    const wb = await sheets(r.bytes);
    expect([...wb.keys()]).toEqual(['监控汇总', '项目监控表', '指标监控表']);
    const projects = wb.get('项目监控表')!;
    const rows = projects.filter((row) => row.includes('测试项目'));
    expect(rows).toHaveLength(2);
    const ours = rows.find((row) => row.includes('单位甲'))!;
    expect(mine.light).toBe('red');
    expect(ours).toContain('红灯（预警）');
    // The case's answer and decision are in the project's row.
    expect(ours.join('|')).toContain('资金调剂到下半年');
    expect(ours.join('|')).toContain('限期纠偏');
    expect(wb.get('监控汇总')!.some((row) => row[0] === '合计' && row[1] === '2')).toBe(true);
    expect(wb.get('指标监控表')!.some((row) => row[1] === '产出指标 › 数量指标 › 检查企业数' && row[6] === '黄灯（关注）')).toBe(true);

    // The scope rules of GET /api/monitoring: the department's reviewer sees its one project, another region none.
    const rv = await sheets((await bytesOf(s, await s.as('reviewer1'), '/api/monitoring/export.xlsx?year=2024&asOf=2024-07-15')).bytes);
    expect(rv.get('项目监控表')!.filter((row) => row.includes('测试项目'))).toHaveLength(1);
    const far = await sheets((await bytesOf(s, await s.as('finance2'), '/api/monitoring/export.xlsx?asOf=2024-07-15')).bytes);
    expect(far.get('项目监控表')!.filter((row) => row.includes('测试项目'))).toHaveLength(0);
    expect((await f.get('/api/monitoring/export.xlsx?level=nation')).status).toBe(400);
    expect((await f.get('/api/monitoring/export.xlsx?asOf=2024-02-30')).status).toBe(400);
  });

  it('assesses one project as the scope’s assessment does, to those who may read it', async () => {
    const p = await s.as('preparer1');
    const one = await p.get(`/api/monitoring/${doc}/assessment?asOf=2024-07-15`);
    expect(one.status, one.text).toBe(200);
    const all = await (await s.as('finance1')).get('/api/monitoring?year=2024&asOf=2024-07-15');
    expect(one.body.asOf).toBe('2024-07-15');
    expect(one.body.ruleSet).toBe(all.body.ruleSet);
    expect(one.body.project).toEqual(all.body.projects.find((x: { id: string }) => x.id === doc));
    expect(one.body.project.cases).toHaveLength(1);
    expect((await (await s.as('reviewer1')).get(`/api/monitoring/${doc}/assessment`)).status).toBe(200);
    expect((await (await s.as('preparer2')).get(`/api/monitoring/${doc}/assessment`)).status).toBe(404);
    expect((await (await s.as('finance2')).get(`/api/monitoring/${doc}/assessment`)).status).toBe(404);
    const plain = await p.post('/api/evaluations', { document: smallDocument('自评二') });
    expect((await p.get(`/api/monitoring/${plain.body.id}/assessment`)).status).toBe(404);
  });

  it('sums a payments CSV into this project’s cumulative executed per quarter, storing nothing', async () => {
    const p = await s.as('preparer1');
    const before = await p.get(`/api/monitoring/${doc}/snapshots`);
    const csv = ['日期,金额（万元）,项目', '2024-01-15,10,测试项目', '2024/2/20,5.5,测试项目', '2024-05-10,20,其他项目', '2024-04-03,4.5,', '2023-12-30,1,测试项目'].join('\r\n');
    const r = await p.request('POST', `/api/monitoring/${doc}/payments`, { body: upload('支付明细.csv', csv, { granularity: 'quarter', through: '2024-Q3' }) });
    expect(r.status, r.text).toBe(200);
    expect(r.body.unit).toBe('万元');
    expect(r.body.periods).toEqual([
      { period: '2024-Q1', asOf: '2024-03-31', amount: '15.5', cumulative: '15.5', payments: 2 },
      { period: '2024-Q2', asOf: '2024-06-30', amount: '4.5', cumulative: '20', payments: 1 },
      { period: '2024-Q3', asOf: '2024-09-30', amount: '0', cumulative: '20', payments: 0 },
    ]);
    expect(r.body.counts).toEqual({ rows: 5, counted: 3, otherProjects: 1, otherYears: 1 });
    expect(r.body.issues.map((i: { code: string }) => i.code).sort()).toEqual(['other-project', 'other-year']);
    expect(r.body.issues.find((i: { code: string }) => i.code === 'other-project').message).toMatch(/^第4行：项目“其他项目”不是本项目/);
    expect(r.body.report).toMatchObject({ format: 'csv', unit: '万元', fileUnit: '万元' });
    // Nothing stored.
    expect((await p.get(`/api/monitoring/${doc}/snapshots`)).body).toEqual(before.body);
    // Only the unit that reports the snapshots.
    expect((await (await s.as('reviewer1')).request('POST', `/api/monitoring/${doc}/payments`, { body: upload('支付明细.csv', csv) })).status).toBe(403);
    expect((await (await s.as('preparer2')).request('POST', `/api/monitoring/${doc}/payments`, { body: upload('支付明细.csv', csv) })).status).toBe(404);
  });

  it('sums a payments xlsx per month, converting 元 to the document’s unit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('支付明细');
    ws.addRow(['单位：元']);
    ws.addRow(['支付日期', '支付金额', '摘要']);
    ws.addRow(['2024-03-15', 150000, '检查经费']);
    ws.addRow(['2024-06-02', 50000, '检查经费']);
    ws.addRow(['合计', 200000, '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await (await s.as('preparer1')).request('POST', `/api/monitoring/${doc}/payments`, { body: upload('支付明细.xlsx', bytes, { granularity: 'month' }) });
    expect(r.status, r.text).toBe(200);
    expect(r.body.periods).toEqual([
      { period: '2024-03', asOf: '2024-03-31', amount: '15', cumulative: '15', payments: 1 },
      { period: '2024-06', asOf: '2024-06-30', amount: '5', cumulative: '20', payments: 1 },
    ]);
    expect(r.body.report).toMatchObject({ format: 'xlsx', unit: '万元', fileUnit: '元', counts: { rows: 2, totals: 1 } });
    expect(r.body.issues).toEqual([]);
  });

  it('refuses broken payments files saying where and what', async () => {
    const p = await s.as('preparer1');
    const post = (form: FormData) => p.request('POST', `/api/monitoring/${doc}/payments`, { body: form });
    const noTable = await post(upload('明细.csv', '序号,说明\n1,无'));
    expect(noTable.status).toBe(422);
    expect(noTable.body.error).toMatchObject({ code: 'invalid-file', details: { importCode: 'no-payments-table' } });
    expect(noTable.body.error.message).toContain('明细.csv');
    const broken = await post(upload('明细.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])));
    expect(broken.status).toBe(422);
    expect(broken.body.error.code).toBe('invalid-file');
    const empty = await post(upload('明细.csv', ''));
    expect(empty.status).toBe(400);
    expect(empty.body.error.issues[0].path).toBe('form.file');
    const badThrough = await post(upload('明细.csv', '日期,金额\n2024-01-01,1', { granularity: 'month', through: '2024-Q2' }));
    expect(badThrough.status).toBe(400);
    expect(badThrough.body.error.issues[0].path).toBe('form.through');
    expect((await post(upload('明细.csv', '日期,金额\n2024-01-01,1', { granularity: 'week' }))).status).toBe(400);
    // The upload limit is the import file's, not the JSON body's.
    const tooBig = await createTestServer(backend, { config: { MAX_IMPORT_FILE_BYTES: 4096, MAX_JSON_BYTES: 1024 } });
    try {
      const c = await tooBig.as('preparer1');
      const m = await c.post('/api/evaluations', { document: monitoringDocument() });
      const fits = await c.request('POST', `/api/monitoring/${m.body.id}/payments`, { body: upload('明细.csv', `日期,金额（万元）\n${'2024-01-01,1\n'.repeat(200)}`) });
      expect(fits.status, fits.text).toBe(200);
      expect(fits.body.periods[0]).toMatchObject({ period: '2024-Q1', cumulative: '200' });
      const big = await c.request('POST', `/api/monitoring/${m.body.id}/payments`, { body: upload('明细.csv', `日期,金额\n${'2024-01-01,1\n'.repeat(400)}`) });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload-too-large');
    } finally {
      await tooBig.close();
    }
  });

  it('refuses a report dated after today, and assesses one project as the scope list does', async () => {
    const year = new Date().getFullYear() + 1;
    const p = await s.as('preparer1');
    const ahead = await p.post('/api/evaluations', { document: monitoringDocument('来年项目监控', year) });
    expect(ahead.status, ahead.text).toBe(201);
    const id = ahead.body.id;
    const r = await p.post(`/api/monitoring/${id}/snapshots`, { period: `${year}-Q2`, asOf: `${year}-06-30`, executed: '0' });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.message).toMatch(/晚于今天/);
    expect(r.body.error.issues[0].path).toBe('$.asOf');
    expect((await p.get(`/api/monitoring/${id}/snapshots`)).body.items).toEqual([]);
    // One project's assessment is its entry of the scope's.
    const list = await p.get('/api/monitoring?year=2024&asOf=2024-07-15');
    const one = await p.get(`/api/monitoring/${doc}/assessment?asOf=2024-07-15`);
    expect(one.status, one.text).toBe(200);
    const { cases: _cases, ...project } = one.body.project;
    const { cases: _listCases, ...entry } = list.body.projects.find((x: { id: string }) => x.id === doc);
    expect(project).toEqual(entry);
    expect(one.body.asOf).toBe('2024-07-15');
  });
});
