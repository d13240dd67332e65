/**
 * Analytics through the API: the overview of the evaluations in scope (grade distribution, score vs
 * execution, self vs review, findings by family and unit, year on year), aggregated in SQL from the summary
 * columns kept on save; every figure carries the list filter that lists exactly the evaluations behind it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from '../src/db/database.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import { analyse } from '../src/evaluations/analysis.js';
import { createOrg, createRegion } from '../src/organisations/store.js';
import { BACKENDS, createTestServer, goalDocumentFor, monitoringDocument, readSeed, smallDocument } from './helpers.js';
import type { Client, TestServer } from './helpers.js';

type Filter = Record<string, string>;

/** The ids the list gives for a click-through filter (every page). */
async function listed(c: Client, filter: Filter): Promise<string[]> {
  const r = await c.get(`/api/evaluations?${new URLSearchParams({ ...filter, pageSize: '200' }).toString()}`);
  expect(r.status, r.text).toBe(200);
  expect(r.body.total).toBeLessThanOrEqual(200);
  return (r.body.items as Array<{ id: string }>).map((x) => x.id).sort();
}

describe.each(BACKENDS)('analytics on %s', (backend) => {
  let s: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(backend);
    const withSector = (title: string, year: number, sector: string, executed = '95') => {
      const d = smallDocument(title, year);
      return {
        ...d,
        header: { ...d.header, sector },
        meta: { printedTotal: '100' },
        funding: { ...d.funding, tables: [{ ...d.funding.tables[0]!, rows: [{ label: '年度资金总额', role: 'total' as const, amounts: { annualBudget: '100', executed } }] }] },
      };
    };
    for (const [who, key, year, sector, executed] of [
      ['preparer1', 'u1-2023', 2023, '市场监管', '95'],
      ['preparer1', 'u1-2022', 2022, '市场监管', '95'],
      ['preparer2', 'u2-2023', 2023, '教育', '50'],
      ['preparer3', 'u3-2023', 2023, '教育', '95'],
    ] as const) {
      const r = await (await s.as(who)).post('/api/evaluations', { document: withSector(`分析 ${key}`, year, sector, executed) });
      expect(r.status, r.text).toBe(201);
      ids[key] = r.body.id;
    }
    const goal = await (await s.as('preparer1')).post('/api/evaluations', { document: goalDocumentFor('不计入分析', 2023) });
    expect(goal.status).toBe(201);
    ids['goal'] = goal.body.id;
    // Seed 001 is not scorable (不可评分): stored without total and grade.
    const seed = readSeed('001');
    const ns = await (await s.as('preparer1')).post('/api/evaluations', { document: { ...seed, header: { ...seed.header, year: 2023 } } });
    expect(ns.status, ns.text).toBe(201);
    ids['not-scorable'] = ns.body.id;
    // A re-score on u1-2023: submitted, then the reviewer scores i1 10 below the unit.
    const p1 = await s.as('preparer1');
    expect((await p1.post(`/api/evaluations/${ids['u1-2023']}/actions/submit`, {})).status).toBe(200);
    const rs = await (await s.as('reviewer1')).put(`/api/evaluations/${ids['u1-2023']}/reviews/i1`, { score: '40', reason: '缺少佐证' });
    expect(rs.status, rs.text).toBe(200);
  }, 120_000);
  afterAll(async () => s?.close());

  it('stores a document that is not scorable without total and grade, and lists it as such', async () => {
    const p1 = await s.as('preparer1');
    const one = await p1.get(`/api/evaluations/${ids['not-scorable']}`);
    expect(one.body.total).toBeNull();
    expect(one.body.grade).toBeNull();
    expect(one.body.score.scorable).toBe(false);
    const list = await p1.get('/api/evaluations?scorable=false');
    expect(list.body.items.map((x: { id: string }) => x.id)).toEqual([ids['not-scorable']]);
    expect(list.body.items[0]).toMatchObject({ total: null, grade: null, scorable: false });
    expect((await p1.get('/api/evaluations?grade=差')).body.items.map((x: { id: string }) => x.id)).not.toContain(ids['not-scorable']);
  });

  it('exports a document that is not scorable without a computed total or grade', async () => {
    const p1 = await s.as('preparer1');
    const html = await p1.get(`/api/evaluations/${ids['not-scorable']}/export?format=html`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('总分'); // the table is there, with the unit's own figures
    expect(html.text).not.toContain('计算，总分0分，等级为差'); // no computed total nobody gave
  });

  it('summarises the region for the finance office, every figure with the filter behind it', async () => {
    const f = await s.as('finance1');
    const r = await f.get('/api/analytics/overview?year=2023');
    expect(r.status, r.text).toBe(200);
    expect(r.body.evaluations).toBe(4);
    expect(r.body.scorable).toBe(3);
    expect(r.text).not.toContain(ids['goal']);
    for (const id of Object.values(ids)) expect(r.text).not.toContain(id); // figures, not ids
    const group = r.body.gradeDistribution.groups[0];
    const bars = group.bars as Array<{ grade: string; count: number; filter: Filter }>;
    expect(bars.map((b) => b.grade)).toEqual(['优', '良', '中', '差']);
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(3); // not scorable is apart, never 差
    expect(group.notScorable.count).toBe(1);
    expect(await listed(f, group.notScorable.filter)).toEqual([ids['not-scorable']]);
    const all: string[] = [];
    for (const b of bars) {
      const got = await listed(f, b.filter);
      expect(got).toHaveLength(b.count);
      all.push(...got);
    }
    expect(all.sort()).toEqual([ids['u1-2023'], ids['u2-2023'], ids['u3-2023']].sort());
    expect(await listed(f, r.body.filter)).toHaveLength(4);

    // Score against execution: u2 executed 50 %, the others 95 %.
    const sve = r.body.scoreVsExecution;
    expect(sve.points).toBe(3);
    const bands = sve.bands as Array<{ band: number; count: number; meanTotal: string; filter: Filter }>;
    expect(bands.map((b) => [b.band, b.count])).toEqual([[5, 1], [9, 2]]);
    expect(await listed(f, bands[0]!.filter)).toEqual([ids['u2-2023']]);
    expect(await listed(f, bands[1]!.filter)).toEqual([ids['u1-2023'], ids['u3-2023']].sort());
    for (const cell of sve.cells as Array<{ count: number; filter: Filter }>) expect(await listed(f, cell.filter)).toHaveLength(cell.count);
    expect(sve.trend).toBeDefined();

    // Self against re-score: u1-2023 printed the sum of its scores, the reviewer took 10 off i1.
    const svr = r.body.selfVsReview;
    expect(svr.groups).toHaveLength(1);
    const total = (await f.get(`/api/evaluations/${ids['u1-2023']}`)).body.total as string;
    expect(svr.groups[0]).toMatchObject({ key: '单位甲', count: 1, meanSelf: '100', meanReview: String(Number(total) - 10) });
    expect(Number(svr.groups[0].meanGap)).toBe(100 - (Number(total) - 10));
    expect(await listed(f, svr.groups[0].filter)).toEqual([ids['u1-2023']]);
    expect(await listed(f, svr.unreviewed.filter)).toHaveLength(svr.unreviewed.count);

    // Findings: each family's evaluations are the ones the list gives for it.
    const families = r.body.findingsByFamily.families as Array<{ family: string; label: string; evaluations: number; counts: { total: number }; filter: Filter }>;
    expect(families.length).toBeGreaterThan(0);
    for (const fam of families) {
      expect(fam.label).not.toBe('');
      expect(await listed(f, fam.filter)).toHaveLength(fam.evaluations);
    }
    const units = r.body.findingsByUnit.units as Array<{ key: string; evaluations: number; withFindings: number; filter: Filter }>;
    expect(units.map((u) => u.key).sort()).toEqual(['单位丙', '单位乙', '单位甲'].sort());
    for (const u of units) expect(await listed(f, u.filter)).toHaveLength(u.withFindings);

    // Year on year reaches back one year.
    const u1 = (r.body.yearOnYear.units as Array<{ key: string; years: Array<{ year: number; count: number; mean: string; filter: Filter }>; changes: unknown[] }>).find((u) => u.key === '单位甲')!;
    expect(u1.years.map((y) => y.year)).toEqual([2022, 2023]);
    expect(u1.changes).toHaveLength(1);
    expect(await listed(f, u1.years[0]!.filter)).toEqual([ids['u1-2022']]);
    expect(r.body.executionCurve.points).toHaveLength(12);
  });

  it('keeps to the caller’s scope and filters', async () => {
    const p = await (await s.as('preparer1')).get('/api/analytics/overview?year=2023');
    expect(p.body.evaluations).toBe(2);
    expect(p.body.findingsByUnit.units.map((u: { key: string }) => u.key)).toEqual(['单位甲']);
    const rv = await (await s.as('reviewer1')).get('/api/analytics/overview?year=2023');
    expect(rv.body.evaluations).toBe(3);
    expect(rv.body.findingsByUnit.units.map((u: { key: string }) => u.key)).not.toContain('单位丙');
    const f = await s.as('finance1');
    const d2 = await f.get(`/api/analytics/overview?year=2023&department=${s.fixture.orgs.D2.id}`);
    expect(d2.body.evaluations).toBe(1);
    expect(await listed(f, d2.body.filter)).toEqual([ids['u3-2023']]);
    const edu = await f.get(`/api/analytics/overview?year=2023&sector=${encodeURIComponent('教育')}`);
    expect(edu.body.evaluations).toBe(2);
    expect(await listed(f, edu.body.filter)).toEqual([ids['u2-2023'], ids['u3-2023']].sort());
    expect((await (await s.as('finance2')).get('/api/analytics/overview')).body.evaluations).toBe(0);
    expect((await f.get('/api/analytics/overview?level=x')).status).toBe(400);
    const all = await f.get('/api/analytics/overview');
    expect(all.body.evaluations).toBe(5);
    expect(all.body.gradeDistribution.by).toBe('year');
    expect(all.body.gradeDistribution.groups.map((g: { key: string }) => g.key)).toEqual(['2022', '2023']);
  });

  it('exports the figures as xlsx, one sheet per chart or one chart', async () => {
    const f = await s.as('finance1');
    const get = async (q: string) => {
      const r = await s.app.request(`/api/analytics/overview.xlsx?${q}`, { headers: { cookie: f.cookie ?? '' } });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await r.arrayBuffer());
      return wb;
    };
    const all = await get('year=2023');
    expect(all.worksheets.map((w) => w.name)).toEqual(['等级分布', '得分与执行率', '自评与复核', '问题类别', '各单位问题', '执行进度', '同比变化']);
    const grades = all.getWorksheet('等级分布')!;
    expect(grades.getRow(1).getCell(1).value).toBe('评价等级分布');
    expect(String(grades.getRow(2).getCell(1).value)).toContain('2023年，全部部门；共 4 项（可评分 3 项）');
    expect(grades.getRow(3).getCell(1).value).toBe('年度');
    const row = grades.getRow(4).values as unknown[];
    expect(row.at(-1)).toBe(1); // 不可评分
    const one = await get(`year=2023&chart=selfVsReview&department=${s.fixture.orgs.D1.id}`);
    expect(one.worksheets.map((w) => w.name)).toEqual(['自评与复核']);
    expect(String(one.worksheets[0]!.getRow(2).getCell(1).value)).toContain('一号主管部门');
    expect(one.worksheets[0]!.getRow(4).getCell(1).value).toBe('单位甲');
    expect((await f.get('/api/analytics/overview.xlsx?chart=pie')).status).toBe(400);
  });

  it('answers from this replica’s cache only while no evaluation changed', async () => {
    const f = await s.as('finance1');
    const p2 = await s.as('preparer2');
    const count = async () => (await f.get('/api/analytics/overview?year=2020')).body.evaluations as number;
    expect(s.deps.evaluations.isEnabled).toBe(true); // the cache is on: this test is about it
    expect(await count()).toBe(0);
    expect(await count()).toBe(0);
    const r = await p2.post('/api/evaluations', { document: smallDocument('缓存失效', 2020) });
    expect(r.status).toBe(201);
    expect(await count()).toBe(1); // a new evaluation
    const d = smallDocument('缓存失效', 2020);
    d.header.level = 'project';
    expect((await p2.put(`/api/evaluations/${r.body.id}`, { document: { ...d, header: { ...d.header, year: 2019 } } }, { 'if-match': r.headers.get('etag')! })).status).toBe(200);
    expect(await count()).toBe(0); // moved to another year
    expect((await (await s.as('finance1')).get('/api/analytics/overview?year=2019')).body.evaluations).toBe(1);
    expect((await p2.delete(`/api/evaluations/${r.body.id}`)).status).toBe(204);
    expect((await f.get('/api/analytics/overview?year=2019')).body.evaluations).toBe(0); // deleted
  });

  it('draws the execution curve of the year from monitoring snapshots, never from a stale cache', async () => {
    const p1 = await s.as('preparer1');
    const m = await p1.post('/api/evaluations', { document: monitoringDocument('分析监控', 2024) });
    expect(m.status, m.text).toBe(201);
    expect((await p1.post(`/api/monitoring/${m.body.id}/snapshots`, { period: '2024-Q2', asOf: '2024-06-30', executed: '40' })).status).toBe(201);
    const f = await s.as('finance1');
    const curve = async () => (await f.get('/api/analytics/overview?year=2024')).body.executionCurve as { points: Array<{ month: number; ratePercent?: string; schedulePercent: string; projects: number; filter: Filter }>; filter: Filter };
    let c = await curve();
    expect(c.points[4]).not.toHaveProperty('ratePercent'); // May: nothing reported yet
    expect(c.points[5]).toMatchObject({ month: 6, ratePercent: '40', projects: 1 });
    expect(c.points[11]!.ratePercent).toBe('40'); // carried forward
    expect(Number(c.points[5]!.schedulePercent)).toBeGreaterThan(49);
    expect(await listed(f, c.filter)).toEqual([m.body.id]);
    expect(await listed(f, c.points[5]!.filter)).toEqual([m.body.id]); // reported by the end of June
    expect(await listed(f, c.points[4]!.filter)).toEqual([]); // not by the end of May
    // A new snapshot changes no evaluation row: the curve is read again anyway.
    expect((await p1.post(`/api/monitoring/${m.body.id}/snapshots`, { period: '2024-Q3', asOf: '2024-09-30', executed: '70' })).status).toBe(201);
    c = await curve();
    expect(c.points[8]!.ratePercent).toBe('70');
    expect((await (await s.as('preparer2')).get('/api/analytics/overview?year=2024')).body.executionCurve.points[5].projects).toBe(0);
  });

  it('counts in scope for the home page (stats)', async () => {
    const f = await s.as('finance1');
    const r = await f.get('/api/stats?year=2023');
    expect(r.status, r.text).toBe(200);
    expect(r.body.total).toBe(5); // the goal document too: every evaluation of the year
    const byStatus = Object.fromEntries((r.body.byStatus as Array<{ key: string; count: number }>).map((x) => [x.key, x.count]));
    expect(byStatus).toMatchObject({ draft: 4, submitted: 1, approved: 0 });
    const notScorable = (r.body.byGrade as Array<{ key: string; label: string; count: number; filter: Filter }>).find((x) => x.key === 'not-scorable')!;
    expect(notScorable).toMatchObject({ label: '不可评分', count: 1 });
    expect(await listed(f, notScorable.filter)).toEqual([ids['not-scorable']]);
    for (const x of r.body.byStatus as Array<{ count: number; filter: Filter }>) expect(await listed(f, x.filter)).toHaveLength(x.count);
    expect(await listed(f, r.body.hasErrors.filter)).toHaveLength(r.body.hasErrors.count);
    expect(r.body.monitoring.openCases).toBe(0);
    const p = await (await s.as('preparer2')).get('/api/stats?year=2023');
    expect(p.body.total).toBe(1);
    expect((await (await s.as('finance2')).get('/api/stats')).body.total).toBe(0);
  });
});

describe('migration 0005 on a database with evaluations saved before it', () => {
  it('backfills the summary columns and finding counts, and takes total and grade off what is not scorable', async () => {
    const db = await openPglite();
    try {
      const all = loadMigrations();
      const before = all.findIndex((m) => m.name === 'evaluation_summary');
      await migrate(db.db, all.slice(0, before));
      const bureau = await createRegion(db.db, { region: 'old', name: '旧地区', bureauName: '旧财政局' });
      const dept = await createOrg(db.db, { region: 'old', id: null }, bureau, { name: '旧部门' });
      const unit = await createOrg(db.db, { region: 'old', id: null }, dept, { name: '旧单位' });
      const userId = '0192a000-0000-7000-8000-000000000001';
      await sql`INSERT INTO users (region, id, username, display_name, role, org_id, password_hash)
                VALUES ('old', ${userId}::uuid, 'old-user', '旧用户', 'preparer', ${unit.id}::uuid, 'x')`.execute(db.db);
      const saved: Record<string, ReturnType<typeof analyse>> = {};
      for (const [n, seed] of [['1', '000'], ['2', '001']] as const) {
        const id = `0192a000-0000-7000-8000-00000000010${n}`;
        const doc = { ...readSeed(seed), id };
        const a = analyse(doc);
        saved[seed] = a;
        // As the server stored them before 0005: a score of 0 / 差 for what is not scorable.
        await sql`INSERT INTO evaluations (region, id, org_id, org_path, year, level, stage, title, rule_set, total, grade, errors, warnings, infos,
                                           document, score, findings, created_by, updated_by)
                  VALUES ('old', ${id}::uuid, ${unit.id}::uuid, ${unit.path}, ${doc.header.year}, ${doc.header.level}, ${doc.header.stage ?? 'self-evaluation'},
                          ${doc.header.title}, ${a.ruleSet}, ${a.total ?? '0'}, ${a.grade ?? '差'}, ${a.counts.error}, ${a.counts.warning}, ${a.counts.info},
                          ${JSON.stringify(doc)}::json, ${JSON.stringify(a.score)}::json, ${JSON.stringify(a.findings)}::json, ${userId}::uuid, ${userId}::uuid)`.execute(db.db);
        // One re-scored leaf: 5 below its computed score.
        const leaf = a.indicators.find((r) => r.leaf && r.effectiveScore !== null)!;
        for (const r of a.indicators) {
          await sql`INSERT INTO indicators (region, evaluation_id, seq, indicator_id, path, depth, leaf, name, effective_score, review_score)
                    VALUES ('old', ${id}::uuid, ${r.seq}, ${r.indicatorId}, ${r.path}, ${r.depth}, ${r.leaf}, ${r.name}, ${r.effectiveScore},
                            ${r === leaf ? String(Number(r.effectiveScore) - 5) : null})`.execute(db.db);
        }
      }
      await migrate(db.db, all);
      const rows = (
        await sql<{ id: string; total: string | null; grade: string | null; scorable: boolean; execution_rate: string | null; self_score: string | null; review_total: string | null; sector: string | null; project_name: string | null; department_id: string }>`
          SELECT id, total::text, grade, scorable, execution_rate::text, self_score::text, review_total::text, sector, project_name, department_id::text
          FROM evaluations ORDER BY id`.execute(db.db)
      ).rows;
      const [scored, notScorable] = [saved['000']!, saved['001']!];
      expect(rows[0]).toMatchObject({ total: scored.total, grade: scored.grade, scorable: true, department_id: dept.id });
      // What a save computes now is what the backfill wrote.
      expect(scored.summary.executionRate).not.toBeNull();
      expect(scored.summary.findingCounts.length).toBeGreaterThan(0);
      expect(notScorable.summary.findingCounts.length).toBeGreaterThan(0);
      expect(Number(rows[0]!.execution_rate)).toBe(Number(scored.summary.executionRate));
      expect(rows[0]!.self_score === null ? null : Number(rows[0]!.self_score)).toBe(scored.summary.selfScore === null ? null : Number(scored.summary.selfScore));
      expect(rows[0]!.project_name).toBe(scored.summary.projectName);
      expect(Number(rows[0]!.review_total)).toBe(Number(scored.total) - 5);
      expect(rows[1]).toMatchObject({ total: null, grade: null, scorable: false, review_total: null });
      const counts = (await sql<{ id: string; family: string; errors: number; warnings: number; infos: number }>`
        SELECT evaluation_id::text AS id, family, errors, warnings, infos FROM evaluation_finding_counts ORDER BY evaluation_id, family`.execute(db.db)).rows;
      for (const [i, a] of [scored, notScorable].entries()) {
        const mine = counts.filter((c) => c.id === rows[i]!.id).map(({ id: _id, ...c }) => c);
        expect(mine).toEqual([...a.summary.findingCounts].sort((x, y) => (x.family < y.family ? -1 : 1)));
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
