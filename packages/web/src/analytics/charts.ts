/**
 * @module The analytics charts as data: for each chart of the overview its ECharts option (every clickable
 * item carries the list filter behind it), a sentence for screen readers, and the same figures as a table
 * whose numbers link to the list. Pure, so it is tested without a browser. Decimals stay strings; they turn
 * into numbers only for the chart to draw.
 */
import type { AnalyticsOption } from './Chart.js';
import type { ListFilter, Overview } from './types.js';

export type ChartKey = 'gradeDistribution' | 'scoreVsExecution' | 'selfVsReview' | 'findingsByFamily' | 'findingsByUnit' | 'executionCurve' | 'yearOnYear';

export interface TableCell {
  text: string;
  /** The list filter this number opens. */
  filter?: ListFilter | undefined;
}

export interface ChartSpec {
  key: ChartKey;
  testId: string;
  title: string;
  option: AnalyticsOption;
  ariaLabel: string;
  columns: string[];
  rows: TableCell[][];
  /** A line under the chart (what is left out, and why). */
  note?: string | undefined;
  empty: boolean;
}

const GRADE_COLORS: Record<string, string> = { 优: '#16a34a', 良: '#2563eb', 中: '#f59e0b', 差: '#dc2626' };
const SEVERITY = [
  { key: 'error', label: '错误', color: '#dc2626' },
  { key: 'warning', label: '警告', color: '#f59e0b' },
  { key: 'info', label: '提示', color: '#64748b' },
] as const;
/** Units shown in the per-unit charts (the table lists them all). */
export const TOP_UNITS = 15;

const num = (s: string | undefined) => (s === undefined ? null : Number(s));
/** A data item for ECharts carrying its list filter. */
const item = (value: number | null | Array<number | string>, filter: ListFilter | undefined, extra: Record<string, unknown> = {}) => ({ value, filter, ...extra });

/** The list filter of a clicked chart item, when it has one. */
export function filterOf(data: unknown): ListFilter | undefined {
  if (data && typeof data === 'object' && 'filter' in data) {
    const f = (data as { filter?: unknown }).filter;
    if (f && typeof f === 'object') return f as ListFilter;
  }
  return undefined;
}

/** The list page URL for a filter. */
export function listUrl(filter: ListFilter): string {
  return `/evaluations?${new URLSearchParams(filter).toString()}`;
}

function gradeDistribution(o: Overview): ChartSpec {
  const g = o.gradeDistribution;
  const keys = g.groups.map((x) => (g.by === 'year' ? `${x.key}年` : `${x.key}年`));
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: keys, name: g.by === 'year' ? '年度' : '' },
    yAxis: { type: 'value', minInterval: 1, name: g.yLabel },
    series: [
      ...g.grades.map((grade) => ({
        type: 'bar' as const,
        name: grade,
        stack: g.by === 'year' ? 'grade' : undefined,
        itemStyle: { color: GRADE_COLORS[grade] ?? '#94a3b8' },
        barMaxWidth: 48,
        data: g.groups.map((x) => {
          const bar = x.bars.find((b) => b.grade === grade);
          return item(bar?.count ?? 0, bar?.filter);
        }),
      })),
      {
        type: 'bar' as const,
        name: '不可评分',
        stack: g.by === 'year' ? 'grade' : undefined,
        itemStyle: { color: '#cbd5e1' },
        barMaxWidth: 48,
        data: g.groups.map((x) => item(x.notScorable.count, x.notScorable.filter)),
      },
    ],
  };
  const rows = g.groups.map((x) => [
    { text: `${x.key}年` },
    ...g.grades.map((grade) => {
      const bar = x.bars.find((b) => b.grade === grade);
      return { text: `${bar?.count ?? 0}（${bar?.share ?? '0'}%）`, filter: bar?.filter };
    }),
    { text: String(x.notScorable.count), filter: x.notScorable.filter },
  ]);
  const sentence = g.groups.map((x) => `${x.key}年：${x.bars.map((b) => `${b.grade} ${b.count} 项`).join('，')}，不可评分 ${x.notScorable.count} 项`).join('；');
  return {
    key: 'gradeDistribution',
    testId: 'chart-grade-distribution',
    title: g.title,
    option,
    ariaLabel: `${g.title}。${sentence || '暂无数据'}`,
    columns: ['年度', ...g.grades, '不可评分'],
    rows,
    note: g.notScorable.count > 0 ? `不可评分的 ${g.notScorable.count} 项不计入等级` : undefined,
    empty: o.evaluations === 0,
  };
}

function scoreVsExecution(o: Overview): ChartSpec {
  const s = o.scoreVsExecution;
  const max = Math.max(1, ...s.cells.map((c) => c.count));
  const option: AnalyticsOption = {
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const d = (p as { data?: { value?: number[]; count?: number } }).data;
        if (!d?.value) return '';
        return `预算执行率 ${s.xBands[d.value[0]!]?.label ?? ''}，得分 ${s.yBands[d.value[1]!]?.label ?? ''}：${d.count ?? 0} 项`;
      },
    },
    grid: { left: 64, right: 16, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: s.xBands.map((b) => b.label), name: s.xLabel, nameLocation: 'middle', nameGap: 30, splitLine: { show: true } },
    yAxis: { type: 'category', data: s.yBands.map((b) => b.label), name: s.yLabel, splitLine: { show: true } },
    series: [
      {
        type: 'scatter',
        name: '评价项目数',
        itemStyle: { color: '#1f5fbf', opacity: 0.75 },
        symbolSize: (v: unknown, p: unknown) => 8 + 32 * Math.sqrt(((p as { data?: { count?: number } }).data?.count ?? 0) / max),
        label: { show: true, formatter: (p: unknown) => String((p as { data?: { count?: number } }).data?.count ?? ''), color: '#fff', fontSize: 10 },
        data: s.cells.map((c) => item([c.x, c.y], c.filter, { count: c.count })),
      },
    ],
  };
  const trend = s.trend ? `，趋势：得分 = ${s.trend.slope} × 执行率 + ${s.trend.intercept}` : '';
  return {
    key: 'scoreVsExecution',
    testId: 'chart-score-vs-execution',
    title: s.title,
    option,
    ariaLabel: `${s.title}。${s.points} 项按预算执行率分段：${s.bands.map((b) => `${b.label} ${b.count} 项，平均 ${b.meanTotal} 分`).join('；') || '暂无数据'}${trend}`,
    columns: ['预算执行率', '项目数', '平均得分'],
    rows: s.bands.map((b) => [{ text: b.label }, { text: String(b.count), filter: b.filter }, { text: b.meanTotal }]),
    note: [s.trend ? `趋势线：得分 = ${s.trend.slope} × 执行率（%） + ${s.trend.intercept}` : '', s.skipped.count > 0 ? `${s.skipped.label} ${s.skipped.count} 项未计入` : ''].filter(Boolean).join('；') || undefined,
    empty: s.points === 0,
  };
}

function selfVsReview(o: Overview): ChartSpec {
  const s = o.selfVsReview;
  const top = s.groups.slice(0, TOP_UNITS);
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 32, bottom: 24 },
    xAxis: { type: 'value', name: '平均分' },
    yAxis: { type: 'category', data: top.map((g) => g.key).reverse(), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: s.xLabel, itemStyle: { color: '#94a3b8' }, barMaxWidth: 14, data: top.map((g) => item(num(g.meanSelf), g.filter)).reverse() },
      { type: 'bar', name: s.yLabel, itemStyle: { color: '#1f5fbf' }, barMaxWidth: 14, data: top.map((g) => item(num(g.meanReview), g.filter)).reverse() },
    ],
  };
  return {
    key: 'selfVsReview',
    testId: 'chart-self-vs-review',
    title: s.title,
    option,
    ariaLabel: `${s.title}（按单位，自评高出复核最多的在前）。${top.map((g) => `${g.key}：${g.count} 项，平均自评 ${g.meanSelf} 分，平均复核 ${g.meanReview} 分，相差 ${g.meanGap} 分`).join('；') || '暂无已复核的评价'}`,
    columns: ['单位', '已复核项目', '平均自评分', '平均复核分', `平均差（${s.gapLabel}）`, '最大差'],
    rows: s.groups.map((g) => [{ text: g.key }, { text: String(g.count), filter: g.filter }, { text: g.meanSelf }, { text: g.meanReview }, { text: g.meanGap }, { text: g.maxGap }]),
    note: s.unreviewed.count > 0 ? `有自评分但尚未复核 ${s.unreviewed.count} 项` : undefined,
    empty: s.groups.length === 0,
  };
}

function findingsByFamily(o: Overview): ChartSpec {
  const f = o.findingsByFamily;
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: f.families.map((x) => x.label), axisLabel: { interval: 0, rotate: f.families.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: f.yLabel },
    series: SEVERITY.map((sev) => ({
      type: 'bar' as const,
      name: sev.label,
      stack: 'severity',
      itemStyle: { color: sev.color },
      barMaxWidth: 40,
      data: f.families.map((x) => item(x.counts[sev.key], x.bySeverity[sev.key]?.filter ?? x.filter)),
    })),
  };
  return {
    key: 'findingsByFamily',
    testId: 'chart-findings-by-family',
    title: f.title,
    option,
    ariaLabel: `${f.title}。${f.families.map((x) => `${x.label}：问题 ${x.counts.total} 个（错误 ${x.counts.error}，警告 ${x.counts.warning}，提示 ${x.counts.info}），涉及 ${x.evaluations} 项`).join('；') || '暂无问题'}`,
    columns: ['问题类别', '涉及项目', '错误', '警告', '提示', '合计'],
    rows: f.families.map((x) => [
      { text: x.label },
      { text: String(x.evaluations), filter: x.filter },
      { text: String(x.counts.error), filter: x.bySeverity.error?.filter },
      { text: String(x.counts.warning), filter: x.bySeverity.warning?.filter },
      { text: String(x.counts.info), filter: x.bySeverity.info?.filter },
      { text: String(x.counts.total) },
    ]),
    empty: f.families.length === 0,
  };
}

function findingsByUnit(o: Overview): ChartSpec {
  const f = o.findingsByUnit;
  const top = f.units.slice(0, TOP_UNITS);
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 120, right: 24, top: 32, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, name: f.yLabel },
    yAxis: { type: 'category', data: top.map((u) => u.key).reverse(), axisLabel: { width: 110, overflow: 'truncate' } },
    series: SEVERITY.map((sev) => ({
      type: 'bar' as const,
      name: sev.label,
      stack: 'unit',
      itemStyle: { color: sev.color },
      barMaxWidth: 16,
      data: top.map((u) => item(u.counts[sev.key], u.filter)).reverse(),
    })),
  };
  return {
    key: 'findingsByUnit',
    testId: 'chart-findings-by-unit',
    title: f.title,
    option,
    ariaLabel: `${f.title}（每项平均问题最多的在前）。${top.map((u) => `${u.key}：${u.evaluations} 项中 ${u.withFindings} 项有问题，共 ${u.counts.total} 个，平均每项 ${u.perEvaluation} 个`).join('；') || '暂无数据'}`,
    columns: ['单位', '评价项目', '有问题的项目', '问题合计', '平均每项'],
    rows: f.units.map((u) => [{ text: u.key }, { text: String(u.evaluations) }, { text: String(u.withFindings), filter: u.filter }, { text: String(u.counts.total) }, { text: u.perEvaluation }]),
    note: f.units.length > TOP_UNITS ? `图中显示前 ${TOP_UNITS} 个单位，数据表列出全部 ${f.units.length} 个` : undefined,
    empty: f.units.length === 0,
  };
}

function executionCurve(o: Overview): ChartSpec | undefined {
  const c = o.executionCurve;
  if (!c) return undefined;
  const months = c.points.map((p) => `${p.month}月`);
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: c.yLabel, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
    series: [
      { type: 'line', name: c.labels.actual, itemStyle: { color: '#1f5fbf' }, connectNulls: false, data: c.points.map((p) => item(num(p.ratePercent), p.filter)) },
      { type: 'line', name: c.labels.schedule, itemStyle: { color: '#94a3b8' }, lineStyle: { type: 'dashed' }, symbol: 'none', data: c.points.map((p) => item(num(p.schedulePercent), undefined)) },
      { type: 'scatter', name: c.labels.checkpoint, itemStyle: { color: '#dc2626' }, symbol: 'diamond', symbolSize: 12, data: c.points.map((p) => item(num(p.checkpointPercent), undefined)) },
    ],
  };
  const reported = c.points.filter((p) => p.ratePercent !== undefined);
  return {
    key: 'executionCurve',
    testId: 'chart-execution-curve',
    title: `${c.year}年${c.title}`,
    option,
    ariaLabel: `${c.year}年${c.title}（运行监控项目）。${reported.map((p) => `${p.month}月 执行率 ${p.ratePercent}%，时间进度 ${p.schedulePercent}%`).join('；') || '暂无监控数据'}`,
    columns: ['月份', '项目数', '已执行', '预算', c.labels.actual, c.labels.schedule, c.labels.checkpoint],
    rows: c.points.map((p) => [
      { text: `${p.month}月` },
      { text: String(p.projects), filter: p.projects > 0 ? p.filter : undefined },
      { text: p.executed },
      { text: p.budget },
      { text: p.ratePercent === undefined ? '—' : `${p.ratePercent}%` },
      { text: `${p.schedulePercent}%` },
      { text: p.checkpointPercent === undefined ? '—' : `${p.checkpointPercent}%` },
    ]),
    note: c.missingBudget > 0 ? `${c.missingBudget} 个监控项目缺少预算数，未计入` : undefined,
    empty: reported.length === 0,
  };
}

function yearOnYear(o: Overview): ChartSpec {
  const y = o.yearOnYear;
  const years = [...new Set(y.units.flatMap((u) => u.years.map((x) => x.year)))].sort((a, b) => a - b);
  const top = y.units.slice(0, TOP_UNITS);
  const option: AnalyticsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 60 },
    xAxis: { type: 'category', data: top.map((u) => u.key), axisLabel: { interval: 0, rotate: top.length > 4 ? 30 : 0, width: 90, overflow: 'truncate' } },
    yAxis: { type: 'value', name: y.yLabel },
    series: years.map((year) => ({
      type: 'bar' as const,
      name: `${year}年`,
      barMaxWidth: 24,
      data: top.map((u) => {
        const x = u.years.find((v) => v.year === year);
        return item(x ? num(x.mean) : null, x?.filter);
      }),
    })),
  };
  return {
    key: 'yearOnYear',
    testId: 'chart-year-on-year',
    title: y.title,
    option,
    ariaLabel: `${y.title}（各单位平均得分）。${top
      .map((u) => `${u.key}：${u.years.map((x) => `${x.year}年 ${x.mean} 分（${x.count} 项）`).join('，')}${u.changes.map((c) => `，变化 ${c.change} 分`).join('')}`)
      .join('；') || '暂无数据'}`,
    columns: ['单位', ...years.map((v) => `${v}年平均分（项目数）`), '变化'],
    rows: y.units.map((u) => [
      { text: u.key },
      ...years.map((year) => {
        const x = u.years.find((v) => v.year === year);
        return x ? { text: `${x.mean}（${x.count}）`, filter: x.filter } : { text: '—' };
      }),
      { text: u.changes.map((c) => `${c.change}${c.changePercent !== undefined ? `（${c.changePercent}%）` : ''}`).join('；') || '—' },
    ]),
    note: y.units.length > TOP_UNITS ? `图中显示前 ${TOP_UNITS} 个单位（按名称），数据表列出全部 ${y.units.length} 个` : undefined,
    empty: y.units.length === 0,
  };
}

/** Every chart of the overview, in page order. */
export function chartSpecs(o: Overview): ChartSpec[] {
  return [gradeDistribution(o), scoreVsExecution(o), selfVsReview(o), findingsByFamily(o), findingsByUnit(o), executionCurve(o), yearOnYear(o)].filter((x): x is ChartSpec => x !== undefined);
}
