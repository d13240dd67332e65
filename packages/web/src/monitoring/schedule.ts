/** @module The schedule chart (执行进度): the project's execution rate month by month against the time-proportional schedule and the checkpoints, as an ECharts option. */
import type { ExecutionCurve } from '@jixiao/core';
import { formatPercent } from '../format/numbers.js';

/** Numbers for the chart only (never shown as text): a percent string → number, absent → null. */
const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

export function scheduleOption(curve: ExecutionCurve): Record<string, unknown> {
  const months = curve.points.map((p) => `${p.month}月`);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(2)}%` : '—') },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '预算执行率', type: 'line', data: curve.points.map((p) => num(p.ratePercent)), connectNulls: false, symbolSize: 7, lineStyle: { width: 3 }, color: '#1f5fbf' },
      { name: '时间进度', type: 'line', data: curve.points.map((p) => num(p.schedulePercent)), symbol: 'none', lineStyle: { type: 'dashed' }, color: '#8a94a6' },
      { name: '进度节点', type: 'line', data: curve.points.map((p) => num(p.checkpointPercent)), connectNulls: true, symbol: 'diamond', symbolSize: 10, lineStyle: { type: 'dotted' }, color: '#d4380d' },
    ],
  };
}

/** One sentence for screen readers: the latest rate against the schedule. */
export function scheduleSummary(curve: ExecutionCurve): string {
  const last = [...curve.points].reverse().find((p) => p.ratePercent !== undefined);
  if (!last) return `${curve.year}年预算执行进度：尚无监控数据。`;
  return `${curve.year}年预算执行进度：截至${last.month}月末执行率${formatPercent(last.ratePercent)}，时间进度${formatPercent(last.schedulePercent)}。`;
}
