/**
 * @module The finance office's overview: how many evaluations are at each step, the grade distribution
 * (不可评分 apart), documents with audit errors and open monitoring warnings — one request
 * (`GET /api/stats`) in the user's scope. Each count opens the list filtered to it; the charts are clickable.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Select, Space, Statistic } from 'antd';
import { Link, useNavigate } from 'react-router';
import { request } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { Chart } from '../analytics/Chart.js';
import type { AnalyticsOption } from '../analytics/Chart.js';
import { filterOf, listUrl } from '../analytics/charts.js';
import { useAsync } from '../common/useAsync.js';
import { recentYears } from '../format/labels.js';

type Filter = Record<string, string>;
interface Count {
  key: string;
  label: string;
  count: number;
  filter: Filter;
}

/** `GET /api/stats`. */
export interface Stats {
  total: number;
  filter: Filter;
  byStatus: Count[];
  byGrade: Count[];
  hasErrors: Count;
  monitoring: { openCases: number; awaitingUnit: number; awaitingReview: number };
}

const GRADE_COLORS: Record<string, string> = { 优: '#16a34a', 良: '#2563eb', 中: '#f59e0b', 差: '#dc2626', 'not-scorable': '#cbd5e1' };

export default function Overview() {
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>(undefined);
  const data = useAsync((signal) => request<Stats>('GET', `/stats${year === undefined ? '' : `?year=${year}`}`, { signal }), [year]);
  const d = data.data;
  const open = (x: unknown) => {
    const f = filterOf(x);
    if (f) void navigate(listUrl(f));
  };

  const statusOption = useMemo<AnalyticsOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: (d?.byStatus ?? []).map((s) => s.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: '份数', data: (d?.byStatus ?? []).map((s) => ({ value: s.count, filter: s.filter })), itemStyle: { color: '#1f5fbf' }, barMaxWidth: 36 }],
    }),
    [d],
  );
  const gradeOption = useMemo<AnalyticsOption>(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c} 份（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          data: (d?.byGrade ?? []).map((g) => ({ name: g.label, value: g.count, filter: g.filter, itemStyle: { color: GRADE_COLORS[g.key] ?? '#94a3b8' } })),
          label: { formatter: '{b} {c}' },
        },
      ],
    }),
    [d],
  );

  if (data.error) return <Alert type="error" showIcon title={messageOf(data.error)} />;
  const status = (key: string) => d?.byStatus.find((s) => s.key === key);
  const card = (title: string, c: Count | undefined, testId: string, danger = false) => (
    <Card size="small">
      <Statistic title={title} value={c?.count ?? 0} suffix="份" loading={data.loading} styles={{ content: { color: danger && (c?.count ?? 0) > 0 ? '#d92d20' : undefined } }} />
      {c && c.count > 0 && (
        <Link to={listUrl(c.filter)} data-testid={testId}>
          查看列表
        </Link>
      )}
    </Card>
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Select
          aria-label="年度"
          placeholder="全部年度"
          allowClear
          style={{ width: 120 }}
          value={year}
          onChange={(v?: number) => setYear(v)}
          options={recentYears(new Date()).map((y) => ({ value: y, label: `${y}年` }))}
        />
        <Link to={`/analytics${year === undefined ? '' : `?year=${year}`}`}>查看绩效分析</Link>
      </Space>
      <div className="stat-row" data-testid="home-stats">
        {card('评价文档', d ? { key: 'all', label: '全部', count: d.total, filter: d.filter } : undefined, 'home-stat-all')}
        {card('待复核', status('approved'), 'home-stat-approved')}
        {card('已公开', status('published'), 'home-stat-published')}
        {card('有审核错误', d?.hasErrors, 'home-stat-errors', true)}
        <Card size="small">
          <Statistic title="监控预警待处理" value={d?.monitoring.openCases ?? 0} suffix="件" loading={data.loading} />
          {d && d.monitoring.openCases > 0 && <div className="muted">待单位答复 {d.monitoring.awaitingUnit}，待审核 {d.monitoring.awaitingReview}</div>}
        </Card>
      </div>
      <div className="home-grid">
        <Card size="small" title="流程进度">
          <Chart
            option={statusOption}
            height={280}
            testId="home-chart-status"
            onItemClick={open}
            ariaLabel={`各状态评价份数：${(d?.byStatus ?? []).map((s) => `${s.label} ${s.count} 份`).join('，')}`}
          />
        </Card>
        <Card size="small" title="等级分布">
          <Chart
            option={gradeOption}
            height={280}
            testId="home-chart-grade"
            onItemClick={open}
            ariaLabel={`等级分布：${(d?.byGrade ?? []).map((g) => `${g.label} ${g.count} 份`).join('，')}`}
          />
        </Card>
      </div>
    </>
  );
}
