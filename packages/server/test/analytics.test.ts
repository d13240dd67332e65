/**
 * Analytics through the API: the overview of the evaluations in scope (grade distribution, score vs
 * execution, self vs review, findings by family and unit, year on year) with the ids behind every point.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, goalDocumentFor, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

describe.each(BACKENDS)('analytics on %s', (backend) => {
  let s: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    s = await createTestServer(backend);
    for (const [who, key, year] of [
      ['preparer1', 'u1-2023', 2023],
      ['preparer1', 'u1-2022', 2022],
      ['preparer2', 'u2-2023', 2023],
      ['preparer3', 'u3-2023', 2023],
    ] as const) {
      const r = await (await s.as(who)).post('/api/evaluations', { document: smallDocument(`分析 ${key}`, year) });
      expect(r.status, r.text).toBe(201);
      ids[key] = r.body.id;
    }
    const goal = await (await s.as('preparer1')).post('/api/evaluations', { document: goalDocumentFor('不计入分析', 2023) });
    expect(goal.status).toBe(201);
    ids['goal'] = goal.body.id;
  }, 120_000);
  afterAll(async () => s?.close());

  it('summarises the region for the finance office, with ids behind every point', async () => {
    const r = await (await s.as('finance1')).get('/api/analytics/overview?year=2023');
    expect(r.status, r.text).toBe(200);
    expect(r.body.evaluations).toBe(3);
    const bars = r.body.gradeDistribution.groups[0].bars as Array<{ grade: string; count: number; ids: string[] }>;
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(bars.flatMap((b) => b.ids).sort()).toEqual([ids['u1-2023'], ids['u2-2023'], ids['u3-2023']].sort());
    expect(r.text).not.toContain(ids['goal']);
    const points = r.body.scoreVsExecution.points as Array<{ id: string; x: string }>;
    expect(points).toHaveLength(3);
    expect(points[0]?.x).toBe('95');
    expect(r.body.yearOnYear).toBeDefined();
    expect(r.text).toContain(ids['u1-2022']); // year on year reaches back one year
    expect(r.body.findingsByUnit).toBeDefined();
    expect(r.body.findingsByFamily).toBeDefined();
  });

  it('keeps to the caller’s scope and filters', async () => {
    const p = await (await s.as('preparer1')).get('/api/analytics/overview?year=2023');
    expect(p.body.evaluations).toBe(1);
    expect(p.text).not.toContain(ids['u2-2023']);
    const rv = await (await s.as('reviewer1')).get('/api/analytics/overview?year=2023');
    expect(rv.body.evaluations).toBe(2);
    expect(rv.text).not.toContain(ids['u3-2023']);
    const d2 = await (await s.as('finance1')).get(`/api/analytics/overview?year=2023&department=${s.fixture.orgs.D2.id}`);
    expect(d2.body.evaluations).toBe(1);
    expect((await (await s.as('finance2')).get('/api/analytics/overview')).body.evaluations).toBe(0);
    expect((await (await s.as('finance1')).get('/api/analytics/overview?level=x')).status).toBe(400);
    const all = await (await s.as('finance1')).get('/api/analytics/overview');
    expect(all.body.evaluations).toBe(4);
    expect(all.body.gradeDistribution.by).toBe('year');
  });
});
