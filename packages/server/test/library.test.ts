/**
 * The indicator library through the API: search as you type within the region, an entry with its
 * distributions and a target's position, the scope rule for which units used an entry, curation by the
 * finance office only (stored, replayed, audited) and freshness after new documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provinceBase } from '@jixiao/core';
import { BACKENDS, createTestServer, smallDocument } from './helpers.js';
import { LibraryCache, buildRegionLibrary } from '../src/library/store.js';
import type { TestServer } from './helpers.js';

function docOf(organisation: string, year: number, title: string, extraName?: string) {
  const d = smallDocument(title, year);
  const doc = { ...d, header: { ...d.header, organisation } };
  if (extraName) {
    const out = doc.indicators[0] as { children: Array<{ children: unknown[] }> };
    out.children[0]?.children.push({ id: 'i9', name: extraName, weight: '0', target: '≥10次', actual: '12次', printedScore: '0' });
  }
  return doc;
}

const KEY = encodeURIComponent('检查企业数|家');

describe.each(BACKENDS)('indicator library on %s', (backend) => {
  let s: TestServer;
  const ids: string[] = [];

  beforeAll(async () => {
    s = await createTestServer(backend);
    const p1 = await s.as('preparer1');
    const p2 = await s.as('preparer2');
    const p3 = await s.as('preparer3');
    for (const [c, org, year] of [
      [p1, '单位甲', 2023],
      [p2, '单位乙', 2022],
      [p3, '单位丙', 2023],
    ] as const) {
      const r = await c.post('/api/evaluations', { document: docOf(org, year, `库 ${org} ${year}`) });
      expect(r.status, r.text).toBe(201);
      ids.push(r.body.id);
    }
  }, 120_000);
  afterAll(async () => s?.close());

  it('searches as you type, ranked, without document ids', async () => {
    const c = await s.as('preparer1');
    const r = await c.get(`/api/library/indicators?q=${encodeURIComponent('检查企业')}&limit=5`);
    expect(r.status, r.text).toBe(200);
    const hit = r.body.items[0];
    expect(hit).toMatchObject({ name: '检查企业数', match: 'prefix', uses: 3, organisations: 3, recommended: false, retired: false });
    expect(hit.score).toBeUndefined();
    expect(r.body.documents).toBe(3);
    for (const id of ids) expect(r.text).not.toContain(id);
    // Synonyms and empty queries.
    const sat = await c.get(`/api/library/indicators?q=${encodeURIComponent('服务对象满意')}`);
    expect(sat.body.items[0].name).toBe('服务对象满意度');
    const all = await c.get('/api/library/indicators');
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const bad = await c.get('/api/library/indicators?limit=0');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid-request');
  });

  it('is region-wide: another region sees none of it', async () => {
    const r = await (await s.as('preparer9')).get(`/api/library/indicators?q=${encodeURIComponent('检查企业')}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([]);
    const e = await (await s.as('finance2')).get(`/api/library/indicators/${KEY}`);
    expect(e.status).toBe(404);
    expect(e.body.error.code).toBe('not-found');
  });

  it('gives an entry with distributions by year and where a target stands', async () => {
    const r = await (await s.as('finance1')).get(`/api/library/indicators/${KEY}?target=${encodeURIComponent('≥150家')}&lastYearActual=${encodeURIComponent('160家')}`);
    expect(r.status, r.text).toBe(200);
    const { entry, position } = r.body;
    expect(entry).toMatchObject({ key: '检查企业数|家', name: '检查企业数', uses: 3, firstYear: 2022, lastYear: 2023, byOrganisationComplete: true });
    expect(entry.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023]);
    expect(entry.years[1].targets).toEqual([['100', 2]]);
    expect(entry.byOrganisation.map((o: { organisation: string }) => o.organisation).sort()).toEqual(['单位丙', '单位乙', '单位甲'].sort());
    expect(position.comparable).toBe(true);
    expect(position.belowLastYear).toBe(true);
    expect(position.reasons.map((x: { code: string }) => x.code)).toContain('LIB-BELOW-LAST-YEAR');
    const none = await (await s.as('finance1')).get(`/api/library/indicators/${encodeURIComponent('没有这个|个')}`);
    expect(none.status).toBe(404);
  });

  it('shows which units used an entry only within the caller’s scope', async () => {
    const orgsOf = async (who: string) => {
      const r = await (await s.as(who)).get(`/api/library/indicators/${KEY}`);
      expect(r.status, r.text).toBe(200);
      return { names: r.body.entry.byOrganisation.map((o: { organisation: string }) => o.organisation).sort(), complete: r.body.entry.byOrganisationComplete };
    };
    expect(await orgsOf('preparer1')).toEqual({ names: ['单位甲'], complete: false });
    expect(await orgsOf('reviewer1')).toEqual({ names: ['单位乙', '单位甲'].sort(), complete: false });
    expect(await orgsOf('admin1')).toMatchObject({ complete: true });
    const p = await (await s.as('preparer1')).get(`/api/library/indicators/${KEY}`);
    expect(p.text).not.toContain('单位丙');
    expect(p.body.entry.uses).toBe(3);
  });

  it('is curated by the finance office only, stored, replayed and audited', async () => {
    const refused = await (await s.as('reviewer1')).post('/api/library/curation', { kind: 'recommend', key: '检查企业数|家', recommended: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect(await s.deps.db.selectFrom('library_curation').selectAll().execute()).toEqual([]);

    const f = await s.as('finance1');
    const r = await f.post('/api/library/curation', { kind: 'recommend', key: '检查企业数|家', recommended: true });
    expect(r.status, r.text).toBe(201);
    expect(r.body.seq).toBe(1);
    expect(r.body.entry.recommended).toBe(true);
    const renamed = await f.post('/api/library/curation', { kind: 'rename', key: '检查企业数|家', name: '检查企业户数' });
    expect(renamed.status, renamed.text).toBe(201);
    expect(renamed.body.seq).toBe(2);

    const rows = await s.deps.db.selectFrom('library_curation').selectAll().orderBy('seq').execute();
    expect(rows.map((x) => [x.region, x.seq, x.kind])).toEqual([['r1', 1, 'recommend'], ['r1', 2, 'rename']]);
    const events = await s.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'library.curate').execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ region: 'r1', subject_type: 'library', subject_id: '检查企业数|家' });

    const hit = (await (await s.as('preparer1')).get(`/api/library/indicators?q=${encodeURIComponent('检查企业')}`)).body.items[0];
    expect(hit).toMatchObject({ key: '检查企业数|家', name: '检查企业户数', recommended: true });

    // Replayed on a fresh build (another replica, a restart).
    s.deps.library.clear();
    const again = (await (await s.as('preparer2')).get(`/api/library/indicators/${KEY}`)).body.entry;
    expect(again).toMatchObject({ name: '检查企业户数', recommended: true });

    const retire = await f.post('/api/library/curation', { kind: 'retire', key: '社会效益|qualitative', reason: '表述空泛' });
    if (retire.status === 404) {
      // The key of the qualitative target's family differs: find it through search.
      const k = (await f.get(`/api/library/indicators?q=${encodeURIComponent('社会效益')}`)).body.items[0].key;
      expect((await f.post('/api/library/curation', { kind: 'retire', key: k, reason: '表述空泛' })).status).toBe(201);
    } else expect(retire.status, retire.text).toBe(201);
    const gone = await f.get(`/api/library/indicators?q=${encodeURIComponent('社会效益')}`);
    expect(gone.body.items).toEqual([]);
    const shown = await f.get(`/api/library/indicators?q=${encodeURIComponent('社会效益')}&includeRetired=true`);
    expect(shown.body.items[0]).toMatchObject({ retired: true });

    const unknown = await f.post('/api/library/curation', { kind: 'restore', key: '没有这个|个' });
    expect(unknown.status).toBe(404);
    const noReason = await f.post('/api/library/curation', { kind: 'retire', key: '检查企业数|家', reason: '' });
    expect(noReason.status).toBe(400);
    const other = await (await s.as('finance2')).post('/api/library/curation', { kind: 'recommend', key: '检查企业数|家', recommended: false });
    expect(other.status).toBe(404);
    expect((await s.deps.db.selectFrom('library_curation').selectAll().execute()).length).toBe(3);
  });

  it('picks up new documents', async () => {
    const p = await s.as('preparer1');
    const r = await p.post('/api/evaluations', { document: docOf('单位甲', 2024, '库 新指标', '食品抽检批次') });
    expect(r.status, r.text).toBe(201);
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      const q = await p.get(`/api/library/indicators?q=${encodeURIComponent('食品抽检')}`);
      found = q.body.items.some((h: { name: string }) => h.name === '食品抽检批次');
      if (!found) await new Promise((res) => setTimeout(res, 100));
    }
    expect(found).toBe(true);
  });

  it('builds a region on top of its base (the generated seed set, made once), other regions without it', async () => {
    let made = 0;
    const cache = new LibraryCache(s.deps.db, 0, undefined, {
      r1: () => {
        made++;
        return provinceBase({ evaluations: 50 });
      },
    });
    const plain = await buildRegionLibrary(s.deps.db, 'r1');
    const seeded = await cache.get('r1');
    expect(seeded.library.documents).toBe(plain.library.documents + 50);
    expect(seeded.library.indicators).toBe(plain.library.indicators + 750);
    // The stored documents' entries are all still there, beside the generated ones.
    const keys = new Set(seeded.library.entries.map((e) => e.key));
    for (const e of plain.library.entries) expect(keys.has(e.key)).toBe(true);
    expect(seeded.library.entries.length).toBeGreaterThan(plain.library.entries.length);
    await cache.refresh('r1');
    expect((await cache.get('r1')).library.documents).toBe(seeded.library.documents);
    expect(made).toBe(1);
    expect((await cache.get('r2')).library.documents).toBe((await buildRegionLibrary(s.deps.db, 'r2')).library.documents);
  });
});
