import { describe, expect, it } from 'vitest';
import { chartSpecs, filterOf, listUrl } from './charts.js';
import { parseOverviewQuery } from './AnalyticsPage.js';
import type { Overview } from './types.js';

const f = (extra: Record<string, string>) => ({ year: '2023', stage: 'self-evaluation,evaluation', ...extra });

const overview: Overview = {
  evaluations: 3,
  scorable: 2,
  filter: f({}),
  gradeDistribution: {
    title: '评价等级分布',
    xLabel: '等级',
    yLabel: '项目数',
    by: 'all',
    grades: ['优', '良', '中', '差'],
    groups: [
      {
        key: '2023',
        total: 2,
        bars: [
          { grade: '优', count: 1, share: '50', filter: f({ grade: '优' }) },
          { grade: '良', count: 1, share: '50', filter: f({ grade: '良' }) },
          { grade: '中', count: 0, share: '0', filter: f({ grade: '中' }) },
          { grade: '差', count: 0, share: '0', filter: f({ grade: '差' }) },
        ],
        notScorable: { count: 1, filter: f({ scorable: 'false' }) },
      },
    ],
    notScorable: { label: '不可评分', count: 1, filter: f({ scorable: 'false' }) },
  },
  scoreVsExecution: {
    title: '得分与预算执行率',
    xLabel: '预算执行率（%）',
    yLabel: '得分',
    xBands: Array.from({ length: 11 }, (_, b) => ({ band: b, label: `${b * 10}` })),
    yBands: Array.from({ length: 10 }, (_, b) => ({ band: b, label: `${b * 10}` })),
    cells: [{ x: 9, y: 9, count: 2, filter: f({ execMin: '90', execMax: '100', totalMin: '90', scorable: 'true' }) }],
    bands: [{ band: 9, label: '90–100%', count: 2, meanTotal: '95.5', filter: f({ execMin: '90', execMax: '100', scorable: 'true' }) }],
    points: 2,
    trend: { slope: '0.5', intercept: '48.25' },
    skipped: { count: 1, label: '无执行率或不可评分' },
  },
  selfVsReview: {
    title: '自评分与复核分',
    xLabel: '自评分',
    yLabel: '复核分',
    gapLabel: '自评分 − 复核分',
    groups: [{ key: '单位甲', orgId: 'o1', count: 1, meanSelf: '100', meanReview: '88.5', meanGap: '11.5', maxGap: '11.5', filter: f({ org: 'o1', selfScored: 'true', reviewed: 'true' }) }],
    reviewed: { count: 1, filter: f({ reviewed: 'true' }) },
    unreviewed: { count: 1, filter: f({ reviewed: 'false' }) },
  },
  findingsByFamily: {
    title: '问题类别分布',
    xLabel: '问题类别',
    yLabel: '问题数',
    families: [
      {
        family: 'quality',
        label: '指标质量',
        counts: { error: 0, warning: 3, info: 1, total: 4 },
        evaluations: 2,
        filter: f({ family: 'quality' }),
        bySeverity: { warning: { evaluations: 2, filter: f({ family: 'quality', severity: 'warning' }) }, info: { evaluations: 1, filter: f({ family: 'quality', severity: 'info' }) } },
      },
    ],
  },
  findingsByUnit: {
    title: '各单位问题数',
    xLabel: '单位',
    yLabel: '问题数',
    units: [{ key: '单位甲', orgId: 'o1', evaluations: 3, withFindings: 2, counts: { error: 0, warning: 3, info: 1, total: 4 }, byFamily: { quality: 4 }, perEvaluation: '1.33', filter: f({ org: 'o1', hasFindings: 'true' }) }],
  },
  yearOnYear: {
    title: '得分同比变化',
    xLabel: '年度',
    yLabel: '平均得分',
    units: [
      {
        key: '单位甲',
        orgId: 'o1',
        years: [
          { year: 2022, count: 1, mean: '90', filter: { year: '2022', org: 'o1' } },
          { year: 2023, count: 2, mean: '95.5', filter: { year: '2023', org: 'o1' } },
        ],
        changes: [{ from: 2022, to: 2023, change: '5.5', changePercent: '6.11' }],
      },
    ],
  },
};

describe('analytics charts', () => {
  it('draws every chart with test ids, Chinese descriptions and the figures as text', () => {
    const specs = chartSpecs(overview);
    expect(specs.map((s) => s.testId)).toEqual(['chart-grade-distribution', 'chart-score-vs-execution', 'chart-self-vs-review', 'chart-findings-by-family', 'chart-findings-by-unit', 'chart-year-on-year']);
    const grade = specs[0]!;
    expect(grade.ariaLabel).toContain('优 1 项');
    expect(grade.ariaLabel).toContain('不可评分 1 项');
    expect(grade.note).toBe('不可评分的 1 项不计入等级');
    expect(specs[1]!.note).toContain('得分 = 0.5 × 执行率（%） + 48.25');
    expect(specs[2]!.rows[0]!.map((c) => c.text)).toEqual(['单位甲', '1', '100', '88.5', '11.5', '11.5']);
    expect(specs[5]!.rows[0]!.at(-1)!.text).toBe('5.5（6.11%）');
  });

  it('carries the list filter on every clickable item and every linked number', () => {
    const [grade, scatter, , family] = chartSpecs(overview);
    const series = grade!.option.series as Array<{ name: string; data: unknown[] }>;
    expect(filterOf(series[0]!.data[0])).toEqual(f({ grade: '优' }));
    expect(filterOf(series.find((s) => s.name === '不可评分')!.data[0])).toEqual(f({ scorable: 'false' }));
    const points = (scatter!.option.series as Array<{ data: unknown[] }>)[0]!.data;
    expect(filterOf(points[0])).toEqual(overview.scoreVsExecution.cells[0]!.filter);
    expect(family!.rows[0]![3]!.filter).toEqual(f({ family: 'quality', severity: 'warning' }));
    expect(family!.rows[0]![2]!.filter).toBeUndefined(); // no errors: nothing to open
    expect(filterOf(null)).toBeUndefined();
    expect(listUrl({ year: '2023', grade: '优' })).toBe('/evaluations?year=2023&grade=%E4%BC%98');
  });

  it('reads its filters from the URL', () => {
    expect(parseOverviewQuery('year=2023&level=project&sector=%E6%95%99%E8%82%B2&department=d1')).toEqual({ year: 2023, level: 'project', sector: '教育', department: 'd1' });
    expect(parseOverviewQuery('year=20x&level=x')).toEqual({ year: undefined, level: undefined, sector: undefined, department: undefined });
  });
});
