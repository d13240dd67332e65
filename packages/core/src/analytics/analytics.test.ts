import { describe, expect, it } from 'vitest';
import { auditDocument } from '../audit/index.js';
import { seed } from '../audit/testing.test.js';
import { Dec } from '../decimal/index.js';
import { generateProvince } from '../generate/province.js';
import { MonitoringSnapshot } from '../monitoring/index.js';
import { getRuleSet } from '../rulesets/index.js';
import { scoreDocument } from '../scoring/index.js';
import {
  EvaluationSummary,
  executionCurve,
  findingsByFamily,
  findingsByUnit,
  gradeDistribution,
  parseSummaries,
  scoreVsExecution,
  selfVsReview,
  summaryFromScore,
  yearOnYear,
} from './index.js';
import type { EvaluationSummaryInput } from './index.js';

const S = (x: Partial<EvaluationSummaryInput> & { id: string }): EvaluationSummary =>
  EvaluationSummary.parse({ org: '甲局', department: '市政府', year: 2023, level: 'project', total: '90', grade: '优', ...x });

const rows = [
  S({ id: 'a', total: '95', grade: '优', executionRate: '0.98', selfScore: '98', reviewScore: '92', findings: [{ family: 'arithmetic', severity: 'error' }, { family: 'quality', severity: 'warning' }] }),
  S({ id: 'b', total: '85', grade: '良', executionRate: '0.80', selfScore: '90', reviewScore: '86', findings: [{ family: 'quality', severity: 'warning' }] }),
  S({ id: 'c', org: '乙局', total: '70', grade: '中', executionRate: '0.60', selfScore: '88', reviewScore: '75', findings: [{ family: 'quality', severity: 'warning' }, { family: 'quality', severity: 'info' }, { family: 'scoring', severity: 'error' }] }),
  S({ id: 'd', org: '乙局', year: 2022, total: '50', grade: '差', selfScore: '80' }),
  S({ id: 'e', org: '乙局', year: 2022, department: '县政府', total: '91', grade: '优', executionRate: '1', findings: [{ family: 'reviewer', severity: 'warning' }] }),
];

describe('gradeDistribution', () => {
  it('overall: every grade, its count, share and ids', () => {
    expect(gradeDistribution(rows)).toEqual({
      title: '评价等级分布',
      by: 'all',
      grades: ['优', '良', '中', '差'],
      groups: [
        {
          key: '',
          total: 5,
          bars: [
            { grade: '优', count: 2, share: '40', ids: ['a', 'e'] },
            { grade: '良', count: 1, share: '20', ids: ['b'] },
            { grade: '中', count: 1, share: '20', ids: ['c'] },
            { grade: '差', count: 1, share: '20', ids: ['d'] },
          ],
        },
      ],
    });
  });

  it('by year (in year order) and with grades outside the scheme appended', () => {
    const r = gradeDistribution([...rows, S({ id: 'f', grade: '合格' })], { by: 'year' });
    expect(r.groups.map((g) => [g.key, g.total])).toEqual([['2022', 2], ['2023', 4]]);
    expect(r.grades).toEqual(['优', '良', '中', '差', '合格']);
  });
});

describe('scoreVsExecution', () => {
  it('points with ids, the ones without a rate set aside, and the least-squares line', () => {
    const r = scoreVsExecution(rows);
    expect(r.points.map((p) => [p.id, p.x, p.y])).toEqual([['a', '98', '95'], ['b', '80', '85'], ['c', '60', '70'], ['e', '100', '91']]);
    expect(r.skipped).toEqual(['d']);
    expect(r.xLabel).toBe('预算执行率（%）');
    // Exact least squares on (98,95) (80,85) (60,70) (100,91): slope 0.5966…, intercept 35.38…
    const xs = [98, 80, 60, 100];
    const ys = [95, 85, 70, 91];
    const n = 4;
    const sx = xs.reduce((a, b) => a + b);
    const sy = ys.reduce((a, b) => a + b);
    const slope = (n * xs.reduce((a, x, i) => a + x * ys[i]!, 0) - sx * sy) / (n * xs.reduce((a, x) => a + x * x, 0) - sx * sx);
    expect(Number(r.trend!.slope)).toBeCloseTo(slope, 4);
    expect(Number(r.trend!.intercept)).toBeCloseTo((sy - slope * sx) / n, 3);
  });

  it('no line through fewer than two points', () => {
    expect(scoreVsExecution([rows[0]!]).trend).toBeUndefined();
  });
});

describe('selfVsReview', () => {
  it('gaps per unit, the most over-scoring unit first, unreviewed listed', () => {
    expect(selfVsReview(rows)).toEqual({
      title: '自评分与复核分',
      by: 'org',
      groups: [
        { key: '乙局', count: 1, meanGap: '13', maxGap: '13', points: [{ id: 'c', self: '88', review: '75', gap: '13' }] },
        { key: '甲局', count: 2, meanGap: '5', maxGap: '6', points: [{ id: 'a', self: '98', review: '92', gap: '6' }, { id: 'b', self: '90', review: '86', gap: '4' }] },
      ],
      unreviewed: ['d'],
    });
  });
});

describe('findings', () => {
  it('by family in catalogue order, others last with their label', () => {
    expect(findingsByFamily(rows).families.map((f) => [f.family, f.label, f.counts.total, f.ids])).toEqual([
      ['arithmetic', '数字核对', 1, ['a']],
      ['scoring', '评分', 1, ['c']],
      ['quality', '指标质量', 4, ['a', 'b', 'c']],
      ['reviewer', '其他', 1, ['e']],
    ]);
    expect(findingsByFamily(rows, { severities: ['error'] }).families.map((f) => f.family)).toEqual(['arithmetic', 'scoring']);
  });

  it('by unit, most findings per evaluation first', () => {
    const r = findingsByUnit(rows);
    expect(r.units.map((u) => [u.key, u.evaluations, u.counts.total, u.perEvaluation, u.ids])).toEqual([
      ['甲局', 2, 3, '1.5', ['a', 'b']],
      ['乙局', 3, 4, '1.33', ['c', 'e']],
    ]);
    expect(r.units[1]!.byFamily).toEqual({ quality: 2, scoring: 1, reviewer: 1 });
    expect(findingsByUnit(rows, { by: 'department' }).units.map((u) => u.key)).toEqual(['市政府', '县政府']);
  });
});

describe('yearOnYear', () => {
  it('mean total per unit and year, and the change between years', () => {
    const r = yearOnYear(rows);
    expect(r.units).toEqual([
      { key: '乙局', years: [{ year: 2022, count: 2, mean: '70.5', ids: ['d', 'e'] }, { year: 2023, count: 1, mean: '70', ids: ['c'] }], changes: [{ from: 2022, to: 2023, change: '-0.5', changePercent: '-0.71' }] },
      { key: '甲局', years: [{ year: 2023, count: 2, mean: '90', ids: ['a', 'b'] }], changes: [] },
    ]);
  });
});

describe('executionCurve', () => {
  const snap = (project: string, asOf: string, executed: string, budget?: string) =>
    MonitoringSnapshot.parse({ project, period: asOf.slice(0, 7), asOf, executed, ...(budget ? { budget } : {}) });

  it('month by month across projects, carried forward, against the schedule and checkpoints', () => {
    const r = executionCurve(
      [snap('p1', '2024-03-31', '20'), snap('p1', '2024-06-30', '45'), snap('p2', '2024-04-30', '10'), snap('p3', '2024-04-30', '5'), snap('p1', '2023-12-31', '99')],
      { p1: '100', p2: '50' },
      { year: 2024, ruleSet: getRuleSet('national-project')!, through: 6 },
    );
    expect(r.points.map((p) => [p.month, p.executed, p.budget, p.ratePercent, p.schedulePercent, p.checkpointPercent, p.ids])).toEqual([
      [1, '0', '0', undefined, '8.47', undefined, []],
      [2, '0', '0', undefined, '16.39', undefined, []],
      [3, '20', '100', '20', '24.86', undefined, ['p1']],
      [4, '30', '150', '20', '33.06', '25', ['p1', 'p2']],
      [5, '30', '150', '20', '41.53', undefined, ['p1', 'p2']],
      [6, '55', '150', '36.67', '49.73', '40', ['p1', 'p2']],
    ]);
    expect(r.missingBudget).toEqual(['p3']);
  });
});

describe('summaries', () => {
  it('from a score report and an audit (seed 000)', () => {
    const doc = { ...seed('000'), id: 'seed-000' };
    const report = scoreDocument(doc);
    const s = summaryFromScore(doc, report, auditDocument(doc, { score: report }), { reviewScore: '80' });
    expect(s).toMatchObject({ id: 'seed-000', org: '益阳市市场监督管理局', department: '益阳市人民政府', year: 2020, level: 'project', total: report.total.toString(), grade: report.grade, executionRate: '1.5679', selfScore: doc.meta.printedTotal, reviewScore: '80', budget: '155' });
    expect(s.findings.length).toBeGreaterThan(5);
    expect(EvaluationSummary.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it('validates summaries given as data', () => {
    expect(parseSummaries([{ id: 'x', org: 'o', department: 'd', year: 2023, level: 'project', total: '9', grade: '差' }])).toMatchObject({ ok: true, summaries: [{ findings: [] }] });
    const bad = parseSummaries([{ id: 'x', org: 'o', department: 'd', year: 2023, level: 'unit', total: 'ninety', grade: '差' }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.split(':')[0])).toEqual(['0.level', '0.total']);
  });

  it('on 300 province documents, every aggregation accounts for every evaluation once', () => {
    const sums = [...generateProvince({ evaluations: 300, seed: 11 })].map((d) => {
      const r = scoreDocument(d);
      return summaryFromScore(d, r, auditDocument(d, { score: r }));
    });
    const dist = gradeDistribution(sums);
    expect(dist.groups[0]!.bars.reduce((a, b) => a + b.count, 0)).toBe(300);
    expect(new Set(dist.groups[0]!.bars.flatMap((b) => b.ids)).size).toBe(300);
    expect(scoreVsExecution(sums).points).toHaveLength(300);
    const byUnit = findingsByUnit(sums);
    expect(byUnit.units.reduce((a, u) => a + u.evaluations, 0)).toBe(300);
    const total = Dec.sum(sums.map((s) => Dec.fromInt(s.findings.length))).toString();
    expect(String(byUnit.units.reduce((a, u) => a + u.counts.total, 0))).toBe(total);
    expect(yearOnYear(sums).units.flatMap((u) => u.years).reduce((a, y) => a + y.count, 0)).toBe(300);
  });
});
