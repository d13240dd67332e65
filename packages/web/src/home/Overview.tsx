/**
 * @module The finance office's overview: how many evaluations are at each step, the grade
 * distribution, documents with audit errors, and the average score per department, as charts.
 * Counts come from the list endpoint's totals; averages from up to 200 documents of the region.
 */
import { useMemo } from 'react';
import { Alert, Card, Statistic } from 'antd';
import { Dec } from '@jixiao/core';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { EvaluationSummary } from '../api/types.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/EChart.js';
import { useAsync } from '../common/useAsync.js';
import { GRADES, STATUS_LABELS } from '../format/labels.js';

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'rechecked', 'published'] as const;

interface OverviewData {
  byStatus: Record<string, number>;
  byGrade: Record<string, number>;
  withErrors: number;
  total: number;
  sample: EvaluationSummary[];
}

async function loadOverview(signal: AbortSignal): Promise<OverviewData> {
  const count = async (q: Parameters<typeof api.listEvaluations>[0]) => (await api.listEvaluations({ ...q, pageSize: 1 }, signal)).total;
  const [statusCounts, gradeCounts, withErrors, sample] = await Promise.all([
    Promise.all(STATUSES.map((s) => count({ status: s }))),
    Promise.all(GRADES.map((g) => count({ grade: g }))),
    count({ hasErrors: true }),
    api.listEvaluations({ pageSize: 200 }, signal),
  ]);
  return {
    byStatus: Object.fromEntries(STATUSES.map((s, i) => [s, statusCounts[i] ?? 0])),
    byGrade: Object.fromEntries(GRADES.map((g, i) => [g, gradeCounts[i] ?? 0])),
    withErrors,
    total: sample.total,
    sample: sample.items,
  };
}

/** Average total per organisation, exactly, to two places. */
export function averageByOrg(items: readonly EvaluationSummary[]): Array<{ org: string; average: Dec; count: number }> {
  const acc = new Map<string, { sum: Dec; count: number }>();
  for (const e of items) {
    const t = Dec.parse(e.total);
    if (!t) continue;
    const a = acc.get(e.orgName) ?? { sum: Dec.ZERO, count: 0 };
    acc.set(e.orgName, { sum: a.sum.plus(t), count: a.count + 1 });
  }
  return [...acc.entries()]
    .map(([org, a]) => ({ org, average: a.sum.div(Dec.fromInt(a.count), 2) ?? Dec.ZERO, count: a.count }))
    .sort((x, y) => y.average.cmp(x.average) || x.org.localeCompare(y.org, 'zh-CN'));
}

export default function Overview() {
  const data = useAsync(loadOverview, []);
  const byOrg = useMemo(() => averageByOrg(data.data?.sample ?? []).slice(0, 12), [data.data]);

  const statusOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: STATUSES.map((s) => STATUS_LABELS[s]!) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '份数', data: STATUSES.map((s) => data.data?.byStatus[s] ?? 0), itemStyle: { color: '#1f5fbf' }, barMaxWidth: 36 }],
    }),
    [data.data],
  );
  const gradeOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          data: GRADES.map((g) => ({ name: g, value: data.data?.byGrade[g] ?? 0 })),
          color: ['#16a34a', '#2563eb', '#f59e0b', '#dc2626'],
          label: { formatter: '{b} {c}' },
        },
      ],
    }),
    [data.data],
  );
  const orgOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', data: byOrg.map((o) => o.org).reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: '平均分', data: byOrg.map((o) => o.average.toNumber()).reverse(), itemStyle: { color: '#0f766e' }, barMaxWidth: 18 }],
    }),
    [byOrg],
  );

  if (data.error) return <Alert type="error" showIcon title={messageOf(data.error)} />;
  const d = data.data;
  return (
    <>
      <div className="stat-row">
        <Card size="small">
          <Statistic title="评价文档" value={d?.total ?? 0} suffix="份" loading={data.loading} />
        </Card>
        <Card size="small">
          <Statistic title="待复核" value={d?.byStatus['approved'] ?? 0} suffix="份" loading={data.loading} />
        </Card>
        <Card size="small">
          <Statistic title="已公开" value={d?.byStatus['published'] ?? 0} suffix="份" loading={data.loading} />
        </Card>
        <Card size="small">
          <Statistic title="有审核错误" value={d?.withErrors ?? 0} suffix="份" loading={data.loading} styles={{ content: { color: (d?.withErrors ?? 0) > 0 ? '#d92d20' : undefined } }} />
        </Card>
      </div>
      <div className="home-grid">
        <Card size="small" title="流程进度">
          <EChart option={statusOption} ariaLabel={`各状态评价份数：${STATUSES.map((s) => `${STATUS_LABELS[s]} ${d?.byStatus[s] ?? 0} 份`).join('，')}`} />
        </Card>
        <Card size="small" title="等级分布">
          <EChart option={gradeOption} ariaLabel={`等级分布：${GRADES.map((g) => `${g} ${d?.byGrade[g] ?? 0} 份`).join('，')}`} />
        </Card>
        <Card size="small" title="各单位平均分">
          {byOrg.length === 0 ? <div className="muted">暂无数据</div> : <EChart option={orgOption} ariaLabel={`各单位平均分：${byOrg.map((o) => `${o.org} ${o.average.toString()} 分`).join('，')}`} />}
        </Card>
      </div>
    </>
  );
}
