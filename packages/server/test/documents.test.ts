/** Evidence files, import (preview, one file, bulk on the job queue) and export, and the public API. */
import { exportXlsx } from '@jixiao/documents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, readSeed, smallDocument } from './helpers.js';
import type { TestServer , Client} from './helpers.js';

const enc = new TextEncoder();
const pdfBytes = enc.encode('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n');

function form(fields: Record<string, string | File | File[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const x of v) f.append(k, x);
    else f.set(k, v);
  }
  return f;
}

async function waitForBatch(c: Client, id: string, timeoutMs = 60_000) {
  const started = Date.now();
  for (;;) {
    const r = await c.get(`/api/imports/${id}`);
    if (r.body.status === 'completed' || r.body.status === 'failed') return r.body;
    if (Date.now() - started > timeoutMs) throw new Error(`batch ${id} did not finish: ${r.text}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

describe.each(BACKENDS)('documents on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(backend, { jobs: true, config: { MAX_EVIDENCE_BYTES: 64 * 1024 } });
  }, 180_000);
  afterAll(async () => s?.close());

  describe('evidence', () => {
    it('uploads, lists in the document, downloads as an attachment, deletes', async () => {
      const c = await s.as('preparer1');
      const created = await c.post('/api/evaluations', { document: smallDocument('佐证测试') });
      const id = created.body.id;
      const up = await c.request('POST', `/api/evaluations/${id}/evidence`, { body: form({ file: new File([pdfBytes], '2023年 抽检台账.pdf'), indicatorId: 'i1' }) });
      expect(up.status, up.text).toBe(201);
      expect(up.body).toMatchObject({ fileName: '2023年 抽检台账.pdf', mediaType: 'application/pdf', size: pdfBytes.length, indicatorId: 'i1' });

      const doc = await c.get(`/api/evaluations/${id}`);
      expect(doc.body.version).toBe(2);
      expect(doc.body.document.indicators[0].children[0].children[0].evidence).toEqual([
        { id: up.body.id, name: '2023年 抽检台账.pdf', ref: up.body.url, size: pdfBytes.length, mediaType: 'application/pdf' },
      ]);
      const list = await c.get(`/api/evaluations/${id}/evidence`);
      expect(list.body.items).toHaveLength(1);

      const dl = await s.app.request(up.body.url, { headers: { cookie: c.cookie ?? '' } });
      expect(dl.status).toBe(200);
      expect(dl.headers.get('content-type')).toBe('application/pdf');
      expect(dl.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''2023%E5%B9%B4%20/);
      expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdfBytes);

      const del = await c.delete(up.body.url);
      expect(del.status).toBe(204);
      const after = await c.get(`/api/evaluations/${id}`);
      expect(after.body.document.indicators[0].children[0].children[0].evidence).toEqual([]);
      expect((await c.get(up.body.url)).status).toBe(404);
      const actions = (await c.get(`/api/evaluations/${id}/audit-trail`)).body.items.map((e: { action: string }) => e.action);
      expect(actions).toEqual(['evidence.delete', 'evidence.upload', 'evaluation.create']);
    });

    it('refuses oversized files, unknown types, content that does not match, bad names and unknown indicators', async () => {
      const c = await s.as('preparer1');
      const created = await c.post('/api/evaluations', { document: smallDocument('佐证限制') });
      const id = created.body.id;
      const post = (file: File, indicatorId = 'i1') => c.request('POST', `/api/evaluations/${id}/evidence`, { body: form({ file, indicatorId }) });
      const big = new Uint8Array(70 * 1024);
      big.set(pdfBytes);
      expect((await post(new File([big], 'big.pdf'))).status).toBe(413);
      expect((await post(new File([enc.encode('<script>alert(1)</script>')], 'page.html'))).status).toBe(415);
      expect((await post(new File([enc.encode('<script>alert(1)</script>')], 'fake.pdf'))).status).toBe(415);
      expect((await post(new File([pdfBytes], '../../etc/passwd.pdf'))).status).toBe(400);
      expect((await post(new File([pdfBytes], 'a\\b.pdf'))).status).toBe(400);
      expect((await post(new File([pdfBytes], 'ok.pdf'), 'no-such-indicator')).status).toBe(400);
      expect((await post(new File([], 'empty.pdf'))).status).toBe(400);
      const noFile = await c.request('POST', `/api/evaluations/${id}/evidence`, { body: form({ indicatorId: 'i1' }) });
      expect(noFile.status).toBe(400);
      const count = await s.deps.db.selectFrom('evidence_files').select('id').where('evaluation_id', '=', id).execute();
      expect(count).toHaveLength(0);
      const e = await c.get(`/api/evaluations/${id}`);
      expect(e.body.version).toBe(1);
    });

    it('is not accepted once the document is submitted', async () => {
      const c = await s.as('preparer1');
      const created = await c.post('/api/evaluations', { document: smallDocument('提交后佐证') });
      await c.post(`/api/evaluations/${created.body.id}/actions/submit`);
      const r = await c.request('POST', `/api/evaluations/${created.body.id}/evidence`, { body: form({ file: new File([pdfBytes], 'x.pdf'), indicatorId: 'i1' }) });
      expect(r.status).toBe(403);
    });
  });

  describe('import', () => {
    it('previews an xlsx 自评表 without saving anything', async () => {
      const c = await s.as('preparer1');
      const xlsx = await exportXlsx(readSeed('000'));
      const before = await s.deps.db.selectFrom('evaluations').select('id').execute();
      const r = await c.request('POST', '/api/import/preview', { body: form({ file: new File([xlsx], '自评表.xlsx') }) });
      expect(r.status, r.text).toBe(200);
      expect(r.body.documents).toHaveLength(1);
      expect(r.body.documents[0].report.format).toBe('xlsx');
      expect(r.body.documents[0].document.header.year).toBe(2020);
      expect(r.body.documents[0].total).toMatch(/^\d+(\.\d+)?$/);
      expect(await s.deps.db.selectFrom('evaluations').select('id').execute()).toHaveLength(before.length);
    });

    it('imports one file into new drafts, all or none', async () => {
      const c = await s.as('preparer1');
      const r = await c.request('POST', '/api/evaluations/import', { body: form({ file: new File([JSON.stringify([smallDocument('导入一'), smallDocument('导入二')])], 'two.json') }) });
      expect(r.status, r.text).toBe(201);
      expect(r.body.items.map((i: { title: string }) => i.title)).toEqual(['导入一', '导入二']);
      const bad = await c.request('POST', '/api/evaluations/import', { body: form({ file: new File([JSON.stringify([smallDocument('导入三'), { schemaVersion: 1 }])], 'bad.json') }) });
      expect(bad.status).toBe(422);
      expect(bad.body.error.code).toBe('invalid-file');
      expect(bad.body.error.message).toContain('$.header');
      expect(await s.deps.db.selectFrom('evaluations').select('id').where('title', '=', '导入三').execute()).toHaveLength(0);
    });

    it('answers an unreadable file with where and what, and saves nothing', async () => {
      const c = await s.as('preparer1');
      for (const file of [new File([new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])], 'broken.xlsx'), new File([pdfBytes], 'scan.pdf'), new File(['{nope'], 'x.json')]) {
        const r = await c.request('POST', '/api/evaluations/import', { body: form({ file }) });
        expect(r.status, `${file.name}: ${r.text}`).toBe(422);
        expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('bulk-imports many files on the job queue with progress; a bad file fails alone', async () => {
      const c = await s.as('preparer2');
      const files = [
        new File([JSON.stringify(smallDocument('批量一'))], 'a.json'),
        new File([await exportXlsx(readSeed('003'))], 'b.xlsx'),
        new File(['not a table at all'], 'c.txt'),
        new File([JSON.stringify(smallDocument('批量四'))], 'd.json'),
      ];
      const r = await c.request('POST', '/api/imports', { body: form({ files }) });
      expect(r.status, r.text).toBe(202);
      expect(r.headers.get('location')).toBe(`/api/imports/${r.body.id}`);
      expect(r.body).toMatchObject({ status: 'queued', total: 4, done: 0, failed: 0, progress: 0 });
      const b = await waitForBatch(c, r.body.id);
      expect(b).toMatchObject({ status: 'completed', total: 4, done: 3, failed: 1, progress: 1 });
      expect(b.items.map((i: { status: string }) => i.status)).toEqual(['done', 'done', 'failed', 'done']);
      expect(b.items[2].error.message).toMatch(/[\u4e00-\u9fff]/);
      const ids = b.items.flatMap((i: { evaluationIds: string[] }) => i.evaluationIds);
      expect(ids).toHaveLength(3);
      for (const id of ids) {
        const e = await c.get(`/api/evaluations/${id}`);
        expect(e.status).toBe(200);
        expect(e.body.importBatchId).toBe(r.body.id);
        expect(e.body.orgId).toBe(s.fixture.orgs.U2.id);
      }
      const content = await s.deps.db.selectFrom('import_items').select('content').where('batch_id', '=', r.body.id).execute();
      expect(content.every((x) => x.content === null)).toBe(true);
      const mine = await c.get('/api/imports');
      expect(mine.body.items[0].id).toBe(r.body.id);
    });

    it('refuses a bulk import of bad file names or too many files before queuing anything', async () => {
      const c = await s.as('preparer2');
      const bad = await c.request('POST', '/api/imports', { body: form({ files: [new File(['{}'], '../x.json')] }) });
      expect(bad.status).toBe(400);
      const none = await c.request('POST', '/api/imports', { body: form({ orgId: s.fixture.orgs.U2.id }) });
      expect(none.status).toBe(400);
    });
  });

  describe('export', () => {
    it('gives the 自评表, 自评报告 and interchange JSON as downloads', async () => {
      const c = await s.as('preparer1');
      const created = await c.post('/api/evaluations', { document: readSeed('000') });
      const id = created.body.id;
      for (const [format, magic] of [['xlsx', 'PK'], ['docx', 'PK'], ['json', '{'], ['html', '<']] as const) {
        const r = await s.app.request(`/api/evaluations/${id}/export?format=${format}`, { headers: { cookie: c.cookie ?? '' } });
        expect(r.status, format).toBe(200);
        expect(r.headers.get('content-disposition')).toMatch(/^attachment;/);
        const bytes = new Uint8Array(await r.arrayBuffer());
        expect(new TextDecoder().decode(bytes.slice(0, magic.length)), format).toBe(magic);
      }
      const json = await c.get(`/api/evaluations/${id}/export?format=json`);
      expect(json.body.header.title).toBe(created.body.document.header.title);
      expect((await c.get(`/api/evaluations/${id}/export?format=exe`)).status).toBe(400);
    });

    it('gives a PDF when a converter is installed, else a clear 503', async () => {
      const c = await s.as('preparer1');
      const created = await c.post('/api/evaluations', { document: smallDocument('PDF 导出') });
      const r = await s.app.request(`/api/evaluations/${created.body.id}/export?format=pdf`, { headers: { cookie: c.cookie ?? '' } });
      if (r.status === 200) expect(new TextDecoder().decode(new Uint8Array(await r.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
      else {
        expect(r.status).toBe(503);
        expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }, 180_000);
  });

  describe('public API', () => {
    it('lists and shows published evaluations only, without login and without internal material', async () => {
      const p = await s.as('preparer1');
      const created = await p.post('/api/evaluations', { document: smallDocument('公开 API 测试', 2019) });
      const id = created.body.id;
      await p.request('POST', `/api/evaluations/${id}/evidence`, { body: form({ file: new File([pdfBytes], '内部佐证.pdf'), indicatorId: 'i1' }) });
      await p.post(`/api/evaluations/${id}/actions/submit`);
      const reviewer = await s.as('reviewer1');
      await reviewer.put(`/api/evaluations/${id}/reviews/i1`, { score: '45', reason: '复核扣分' });
      await reviewer.post(`/api/evaluations/${id}/comments`, { body: '内部意见' });
      const anon = s.client();
      expect((await anon.get(`/api/public/evaluations/${id}`)).status).toBe(404);
      await reviewer.post(`/api/evaluations/${id}/actions/approve`);
      const finance = await s.as('finance1');
      await finance.post(`/api/evaluations/${id}/actions/recheck`);
      await finance.post(`/api/evaluations/${id}/actions/publish`);

      const list = await anon.get('/api/public/evaluations?year=2019&region=r1');
      expect(list.status).toBe(200);
      expect(list.headers.get('cache-control')).toBe('public, max-age=60');
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
      const one = await anon.get(`/api/public/evaluations/${id}`);
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ title: '公开 API 测试', regionName: '一号地区', orgName: '单位甲' });
      const node = one.body.document.indicators[0].children[0].children[0];
      expect(node.review).toEqual({ score: '45', reason: '复核扣分' });
      expect(node.evidence).toBeUndefined();
      expect(one.text).not.toContain('内部意见');
      expect(one.text).not.toContain('内部佐证');
      expect(one.body).not.toHaveProperty('findings');

      // The portal's organisation filter: names with published counts; the list filtered by one, and by title words.
      const orgs = await anon.get('/api/public/organisations?year=2019');
      expect(orgs.status).toBe(200);
      expect(orgs.body.items).toEqual([{ name: '单位甲', published: 1 }]);
      expect((await anon.get(`/api/public/evaluations?org=${encodeURIComponent('单位甲')}`)).body.items.map((i: { id: string }) => i.id)).toEqual([id]);
      expect((await anon.get(`/api/public/evaluations?org=${encodeURIComponent('单位乙')}`)).body.total).toBe(0);
      expect((await anon.get(`/api/public/evaluations?q=${encodeURIComponent('API 测')}`)).body.total).toBe(1);
      expect((await anon.get(`/api/public/evaluations?q=${encodeURIComponent('%')}`)).body.total).toBe(0);

      const draft = await p.post('/api/evaluations', { document: smallDocument('未公开', 2019) });
      expect((await anon.get(`/api/public/evaluations/${draft.body.id}`)).status).toBe(404);
      expect((await anon.get('/api/public/evaluations?region=DROP%20TABLE')).status).toBe(400);
    });

    it('is rate-limited per client address', async () => {
      const limited = await createTestServer(backend, { config: { RATE_LIMIT_PUBLIC_PER_MINUTE: 5 }, fixture: false });
      try {
        const anon = limited.client();
        const statuses = [];
        for (let i = 0; i < 7; i++) statuses.push((await anon.get('/api/public/evaluations')).status);
        expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      } finally {
        await limited.close();
      }
    }, 120_000);
  });
});
