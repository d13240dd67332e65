/** Evaluations: create, read, update with ETag / If-Match, concurrent edits, list filters and paging, versions, delete. */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, readSeed, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

describe.each(BACKENDS)('evaluations on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await createTestServer(backend);
  }, 120_000);
  afterAll(async () => s?.close());

  it('creates a draft, scores and audits it, stores the query columns and indicator rows', async () => {
    const c = await s.as('preparer1');
    const r = await c.post('/api/evaluations', { document: readSeed('000') });
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('location')).toBe(`/api/evaluations/${r.body.id}`);
    expect(r.headers.get('etag')).toBe('W/"1-draft"');
    expect(r.body).toMatchObject({ status: 'draft', statusLabel: '草稿', version: 1, total: '98.4', grade: '优', year: 2020, level: 'project' });
    expect(r.body.document.id).toBe(r.body.id);
    expect(r.body.counts.error).toBeGreaterThan(0);
    expect(r.body.findings.length).toBe(r.body.counts.error + r.body.counts.warning + r.body.counts.info);
    expect(r.body.score.total).toBe('98.4');
    expect(r.body.actions).toEqual(['submit']);
    expect(r.body.permissions).toMatchObject({ update: true, delete: true, rescore: false });

    const row = await s.deps.db.selectFrom('evaluations').selectAll().where('id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ region: 'r1', org_id: s.fixture.orgs.U1.id, total: '98.4', grade: '优', status: 'draft', errors: r.body.counts.error });
    const indicators = await s.deps.db.selectFrom('indicators').selectAll().where('evaluation_id', '=', r.body.id).orderBy('seq').execute();
    expect(indicators.length).toBeGreaterThan(5);
    expect(indicators.filter((i) => i.leaf).every((i) => i.effective_score !== null || i.printed_score === null)).toBe(true);
    const events = await s.deps.db.selectFrom('audit_events').selectAll().where('evaluation_id', '=', r.body.id).execute();
    expect(events.map((e) => e.action)).toEqual(['evaluation.create']);
  });

  it('keeps the document as written: key order and decimal strings', async () => {
    const c = await s.as('preparer1');
    const doc = smallDocument('键序测试');
    const r = await c.post('/api/evaluations', { document: doc });
    expect(r.status).toBe(201);
    const keys = Object.keys(JSON.parse(r.text).document);
    expect(keys.slice(0, 2)).toEqual(['schemaVersion', 'header']);
    expect(r.body.document.funding.tables[0].rows[0].amounts.executed).toBe('95');
  });

  it('refuses an invalid document with every problem and its JSON path', async () => {
    const c = await s.as('preparer1');
    const doc = smallDocument();
    const bad = { ...doc, header: { ...doc.header, year: 1066 }, indicators: [{ id: '', name: 5 }] };
    const r = await c.post('/api/evaluations', { document: bad });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid-request');
    const paths = r.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toContain('$.document.header.year');
    expect(paths.some((p: string) => p.startsWith('$.document.indicators[0]'))).toBe(true);
    expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('updates with If-Match, bumps the version, rescores, records the diff', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('更新测试') });
    const id = created.body.id;
    const doc = created.body.document;
    doc.indicators[0].children[0].children[0].actual = '80家';
    const r = await c.put(`/api/evaluations/${id}`, { document: doc }, { 'if-match': created.headers.get('etag') ?? '' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.version).toBe(2);
    expect(r.headers.get('etag')).toBe('W/"2-draft"');
    expect(r.body.total).not.toBe(created.body.total);
    const trail = await c.get(`/api/evaluations/${id}/audit-trail`);
    const update = trail.body.items.find((e: { action: string }) => e.action === 'evaluation.update');
    expect(update.diff.changes).toEqual([{ path: '$.indicators[0].children[0].children[0].actual', before: '120家', after: '80家' }]);
    expect(update.actor.id).toBe(s.fixture.users['preparer1']?.id);

    // An unchanged document is not a new version.
    const same = await c.put(`/api/evaluations/${id}`, { document: r.body.document }, { 'if-match': 'W/"2-draft"' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);

    const versions = await c.get(`/api/evaluations/${id}/versions`);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await c.get(`/api/evaluations/${id}/versions/1`);
    expect(v1.body.document.indicators[0].children[0].children[0].actual).toBe('120家');
    expect((await c.get(`/api/evaluations/${id}/versions/9`)).status).toBe(404);
  });

  it('gzips the representation for clients that take it, with the same weak ETag', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: readSeed('000') });
    const plain = await s.app.request(`/api/evaluations/${created.body.id}`, { headers: { cookie: c.cookie ?? '' } });
    const zipped = await s.app.request(`/api/evaluations/${created.body.id}`, { headers: { cookie: c.cookie ?? '', 'accept-encoding': 'gzip, deflate, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('Accept-Encoding');
    expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag'));
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(gunzipSync(bytes).toString('utf8')).toBe(await plain.text());
    expect(bytes.length).toBeLessThan(Number(plain.headers.get('content-length') ?? 1e9) / 2);
    const refused = await s.app.request(`/api/evaluations/${created.body.id}`, { headers: { cookie: c.cookie ?? '', 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('缓存测试') });
    const r = await c.get(`/api/evaluations/${created.body.id}`, { 'if-none-match': created.headers.get('etag') ?? '' });
    expect(r.status).toBe(304);
  });

  it('requires a version: 428 without If-Match or body.version, 400 for a malformed one', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('版本测试') });
    const none = await c.put(`/api/evaluations/${created.body.id}`, { document: created.body.document });
    expect(none.status).toBe(428);
    expect(none.body.error.code).toBe('precondition-required');
    const bad = await c.put(`/api/evaluations/${created.body.id}`, { document: created.body.document }, { 'if-match': 'banana' });
    expect(bad.status).toBe(400);
    const viaBody = await c.put(`/api/evaluations/${created.body.id}`, { document: { ...created.body.document, notes: ['x'] }, version: 1 });
    expect(viaBody.status).toBe(200);
  });

  it('two concurrent edits of one evaluation: exactly one wins, the other gets 409 naming the winner; nothing is lost', async () => {
    const a = await s.as('preparer1');
    const b = await s.as('head1');
    const created = await a.post('/api/evaluations', { document: smallDocument('并发测试') });
    const id = created.body.id;
    const etag = created.headers.get('etag') ?? '';
    const docA = structuredClone(created.body.document);
    docA.goals = [{ expected: 'A 的目标' }];
    const docB = structuredClone(created.body.document);
    docB.goals = [{ expected: 'B 的目标' }];
    const [ra, rb] = await Promise.all([
      a.put(`/api/evaluations/${id}`, { document: docA }, { 'if-match': etag }),
      b.put(`/api/evaluations/${id}`, { document: docB }, { 'if-match': etag }),
    ]);
    const statuses = [ra.status, rb.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = ra.status === 200 ? ra : rb;
    const loser = ra.status === 200 ? rb : ra;
    const winnerName = ra.status === 200 ? '测试 preparer1' : '测试 head1';
    expect(loser.body.error.code).toBe('version-conflict');
    expect(loser.body.error.details).toMatchObject({ currentVersion: 2, yourVersion: 1, updatedBy: { name: winnerName } });
    expect(loser.body.error.message).toContain(winnerName);
    expect(typeof loser.body.error.details.updatedAt).toBe('string');

    // The winner's edit is stored; the loser can re-read, merge and save on top: nothing is lost.
    const now = await a.get(`/api/evaluations/${id}`);
    expect(now.body.document.goals).toEqual(winner.body.document.goals);
    const merged = structuredClone(now.body.document);
    merged.goals.push({ expected: loser === ra ? 'A 的目标' : 'B 的目标' });
    const retry = await (loser === ra ? a : b).put(`/api/evaluations/${id}`, { document: merged }, { 'if-match': now.headers.get('etag') ?? '' });
    expect(retry.status).toBe(200);
    expect(retry.body.document.goals.map((g: { expected: string }) => g.expected).sort()).toEqual(['A 的目标', 'B 的目标']);
    const versions = await s.deps.db.selectFrom('evaluation_versions').select('version').where('evaluation_id', '=', id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('many concurrent edits with the same version: exactly one wins', async () => {
    const a = await s.as('preparer1');
    const created = await a.post('/api/evaluations', { document: smallDocument('多并发测试') });
    const id = created.body.id;
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const d = structuredClone(created.body.document);
        d.notes = [`edit ${i}`];
        return a.put(`/api/evaluations/${id}`, { document: d }, { 'if-match': 'W/"1-draft"' });
      }),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(7);
  });

  it('lists with filters and paging, in the caller’s scope', async () => {
    const p2 = await s.as('preparer2');
    for (const [title, year] of [['乙一', 2021], ['乙二', 2022], ['乙三', 2022]] as const) {
      const r = await p2.post('/api/evaluations', { document: smallDocument(title, year) });
      expect(r.status).toBe(201);
    }
    const mine = await p2.get('/api/evaluations');
    expect(mine.body.total).toBe(3);
    expect(mine.body.items.every((i: { orgId: string }) => i.orgId === s.fixture.orgs.U2.id)).toBe(true);

    const y = await p2.get('/api/evaluations?year=2022&pageSize=1&page=2');
    expect(y.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(y.body.items).toHaveLength(1);

    const reviewer = await s.as('reviewer1');
    const all = await reviewer.get('/api/evaluations?pageSize=200');
    const orgs = new Set(all.body.items.map((i: { orgId: string }) => i.orgId));
    expect([...orgs].every((o) => o === s.fixture.orgs.U1.id || o === s.fixture.orgs.U2.id)).toBe(true);
    const byOrg = await reviewer.get(`/api/evaluations?org=${s.fixture.orgs.U2.id}`);
    expect(byOrg.body.total).toBe(3);

    const errs = await reviewer.get('/api/evaluations?hasErrors=true&pageSize=200');
    expect(errs.body.items.every((i: { counts: { error: number } }) => i.counts.error > 0)).toBe(true);
    const clean = await reviewer.get('/api/evaluations?hasErrors=false&pageSize=200');
    expect(clean.body.items.every((i: { counts: { error: number } }) => i.counts.error === 0)).toBe(true);
    expect(errs.body.total + clean.body.total).toBe(all.body.total);

    const grade = await reviewer.get(`/api/evaluations?grade=${encodeURIComponent('优')}&status=draft&level=project`);
    expect(grade.status).toBe(200);
    expect(grade.body.items.every((i: { grade: string; status: string }) => i.grade === '优' && i.status === 'draft')).toBe(true);

    const finance = await s.as('finance1');
    const region = await finance.get('/api/evaluations?pageSize=200');
    expect(region.body.total).toBeGreaterThanOrEqual(all.body.total);

    const bad = await reviewer.get('/api/evaluations?year=abc&pageSize=1000&status=weird');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.pageSize', 'query.status', 'query.year']);
  });

  it('sorts the whole list on the server, stable across pages, not scorable last', async () => {
    const p = await s.as('preparer3');
    const made: string[] = [];
    // Same year and title for some, so the id has to break the ties; scores differ by the actual.
    for (const [title, actual] of [['排序丙', '120家'], ['排序甲', '50家'], ['排序乙', '120家'], ['排序甲', '80家'], ['排序乙', '10家']] as const) {
      const d = smallDocument(title, 2019);
      (d.indicators[0] as unknown as { children: Array<{ children: Array<{ actual: string }> }> }).children[0]!.children[0]!.actual = actual;
      const r = await p.post('/api/evaluations', { document: d });
      expect(r.status, r.text).toBe(201);
      made.push(r.body.id);
    }
    const seed = readSeed('001');
    const ns = await p.post('/api/evaluations', { document: { ...seed, header: { ...seed.header, year: 2019 } } });
    expect(ns.status, ns.text).toBe(201);
    const all = async (q: string) => {
      const out: Array<{ id: string; title: string; total: string | null; grade: string | null; updatedAt: string }> = [];
      for (let page = 1; page <= 3; page++) out.push(...(await p.get(`/api/evaluations?year=2019&pageSize=2&page=${page}&${q}`)).body.items);
      return out;
    };
    const key = (t: string | null) => (t === null ? Infinity : Number(t));
    for (const order of ['asc', 'desc'] as const) {
      const byTotal = await all(`sort=total&order=${order}`);
      expect(new Set(byTotal.map((x) => x.id)).size).toBe(6); // pages neither overlap nor skip
      expect(byTotal.at(-1)!.total).toBeNull(); // not scorable last either way
      const totals = byTotal.slice(0, -1).map((x) => key(x.total));
      expect(totals).toEqual([...totals].sort((a, b) => (order === 'asc' ? a - b : b - a)));
      // Ties are broken by the id in the same direction.
      for (let i = 1; i < 5; i++) if (byTotal[i]!.total === byTotal[i - 1]!.total) expect(byTotal[i]!.id > byTotal[i - 1]!.id).toBe(order === 'asc');
    }
    const byTitle = await all('sort=title&order=asc');
    expect(byTitle.map((x) => x.title)).toEqual([...byTitle.map((x) => x.title)].sort());
    const byGrade = await all('sort=grade&order=asc');
    const rank = (g: string | null) => (g === null ? 9 : ['优', '良', '中', '差'].indexOf(g));
    expect(byGrade.map((x) => rank(x.grade))).toEqual([...byGrade.map((x) => rank(x.grade))].sort((a, b) => a - b));
    const byUpdated = await all('sort=updated&order=desc');
    expect(byUpdated[0]!.id).toBe(ns.body.id);
    expect((await p.get('/api/evaluations?sort=colour')).status).toBe(400);
    expect((await p.get('/api/evaluations?order=up')).status).toBe(400);
    // Click-through filters: a score band, and the ones that do not parse.
    const band = await p.get('/api/evaluations?year=2019&totalMin=90&pageSize=200');
    expect(band.body.items.every((x: { total: string }) => Number(x.total) >= 90)).toBe(true);
    expect((await p.get('/api/evaluations?execMin=abc&family=nope&stage=draft')).body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'query.execMin',
      'query.family',
      'query.stage',
    ]);
  });

  it('deletes drafts only, keeping the audit trail', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('删除测试') });
    const id = created.body.id;
    const stale = await c.delete(`/api/evaluations/${id}`, { 'if-match': 'W/"7-draft"' });
    expect(stale.status).toBe(409);
    const del = await c.delete(`/api/evaluations/${id}`);
    expect(del.status).toBe(204);
    expect((await c.get(`/api/evaluations/${id}`)).status).toBe(404);
    const events = await s.deps.db.selectFrom('audit_events').select('action').where('evaluation_id', '=', id).orderBy('at').execute();
    expect(events.map((e) => e.action)).toEqual(['evaluation.create', 'evaluation.delete']);

    const submitted = await c.post('/api/evaluations', { document: smallDocument('已提交不可删') });
    await c.post(`/api/evaluations/${submitted.body.id}/actions/submit`);
    const r = await c.delete(`/api/evaluations/${submitted.body.id}`);
    expect(r.status).toBe(403);
    expect(r.body.error.message).toContain('已提交');
  });

  it('lets a reviewer read but not edit, and a preparer not create for another unit', async () => {
    const p = await s.as('preparer1');
    const created = await p.post('/api/evaluations', { document: smallDocument('审核人不能改') });
    const r = await s.as('reviewer1');
    expect((await r.get(`/api/evaluations/${created.body.id}`)).status).toBe(200);
    const put = await r.put(`/api/evaluations/${created.body.id}`, { document: created.body.document }, { 'if-match': 'W/"1-draft"' });
    expect(put.status).toBe(403);
    const other = await p.post('/api/evaluations', { document: smallDocument(), orgId: s.fixture.orgs.U2.id });
    expect(other.status).toBe(403);
    const admin = await s.as('admin1');
    const byAdmin = await admin.post('/api/evaluations', { document: smallDocument('管理员代录'), orgId: s.fixture.orgs.U3.id });
    expect(byAdmin.status).toBe(201);
    const toBureau = await admin.post('/api/evaluations', { document: smallDocument(), orgId: s.fixture.orgs.B1.id });
    expect(toBureau.status).toBe(403);
  });
});
