/**
 * @module 绩效分析: the overview of the evaluations in the user's scope as charts — grade distribution,
 * score against execution rate, self-score against re-score, findings by family and by unit, the
 * execution curve against the schedule, year on year per unit. Filters (year, department, sector, level)
 * live in the URL. Every number opens the evaluation list filtered to exactly the evaluations behind it
 * (click a bar or point, or a number in the chart's data table). Each chart exports as PNG (drawn by
 * ECharts) and its data as xlsx (written by the server from the same query, so the file has the exact
 * decimals the API gives and the browser loads no spreadsheet library).
 */
import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Card, Empty, Input, Segmented, Space, Spin, Statistic, Table, message } from 'antd';
import { DownloadOutlined, FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, download, request } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { queryString } from '../api/query.js';
import { orgTree } from '../common/orgs.js';
import type { OrgTreeNode } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { Chart } from './Chart.js';
import type { ChartHandle } from './Chart.js';
import { chartSpecs, filterOf, listUrl } from './charts.js';
import type { ChartSpec, TableCell } from './charts.js';
import type { Overview, OverviewQuery } from './types.js';
import './analytics.css';
import { LevelFilter, OrgFilter, YearFilter } from '../common/filters.js';

/** The overview query from the page's URL. */
export function parseOverviewQuery(search: string): OverviewQuery {
  const p = new URLSearchParams(search);
  const year = p.get('year');
  const level = p.get('level');
  return {
    year: year !== null && /^\d{4}$/.test(year) ? Number(year) : undefined,
    department: p.get('department') || undefined,
    sector: p.get('sector')?.trim() || undefined,
    level: level === 'project' || level === 'department' ? level : undefined,
  };
}

function overviewPath(q: OverviewQuery, suffix = ''): string {
  return `/analytics/overview${suffix}${queryString({ year: q.year, department: q.department, sector: q.sector, level: q.level })}`;
}

/** Departments and units only (the bureau is the whole region: no filter). */
function withoutBureau(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return nodes.flatMap((n) => (n.kind === 'bureau' ? n.children : [n]));
}

export default function AnalyticsPage() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseOverviewQuery(params.toString()), [params]);
  const [sector, setSector] = useState(query.sector ?? '');
  const data = useAsync((signal) => request<Overview>('GET', overviewPath(query), { signal }), [params.toString()]);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => withoutBureau(orgTree(orgs.data ?? [])), [orgs.data]);
  const specs = useMemo(() => (data.data ? chartSpecs(data.data) : []), [data.data]);

  const update = (patch: Partial<OverviewQuery>) => {
    const next = { ...query, ...patch };
    setParams(new URLSearchParams(queryString({ year: next.year, department: next.department, sector: next.sector, level: next.level }).slice(1)));
  };

  const [exporting, setExporting] = useState(false);
  const exportAll = async () => {
    setExporting(true);
    try {
      await download(overviewPath(query, '.xlsx'), '绩效分析.xlsx');
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setExporting(false);
    }
  };

  const d = data.data;
  return (
    <div className="page analytics-page">
      <PageHeader
        title="绩效分析"
        sub="点击图中的柱、点或数据表中的数字，可打开对应的评价文档列表"
        extra={
          <Button icon={<FileExcelOutlined />} onClick={() => void exportAll()} loading={exporting} disabled={!d} data-testid="analytics-export-all">
            导出全部数据（xlsx）
          </Button>
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选分析范围">
        <Space wrap size={[12, 8]}>
          <YearFilter value={query.year} onChange={(year) => update({ year })} placeholder="全部年度" width={120} testId="analytics-filter-year" />
          <OrgFilter value={query.department} onChange={(department) => update({ department })} tree={tree} label="主管部门" placeholder="全部部门" testId="analytics-filter-department" />
          <Input.Search
            aria-label="行业"
            placeholder="行业（如 教育）"
            allowClear
            style={{ width: 180 }}
            value={sector}
            onChange={(e) => setSector(e.target.value)}
            onSearch={(v) => update({ sector: v.trim() || undefined })}
            data-testid="analytics-filter-sector"
          />
          <LevelFilter value={query.level} onChange={(level) => update({ level })} placeholder="全部类型" width={140} testId="analytics-filter-level" />
        </Space>
      </Card>
      {data.error !== undefined && <Alert type="error" showIcon title={messageOf(data.error)} style={{ marginBottom: 12 }} />}
      {data.loading && !d && (
        <div className="analytics-loading">
          <Spin tip="正在汇总…">
            <div style={{ height: 80 }} />
          </Spin>
        </div>
      )}
      {d && (
        <>
          <div className="stat-row" data-testid="analytics-summary">
            <Card size="small">
              <Statistic title="评价项目" value={d.evaluations} suffix="项" />
              <Link to={listUrl(d.filter)} data-testid="analytics-link-all">
                查看列表
              </Link>
            </Card>
            <Card size="small">
              <Statistic title="可评分" value={d.scorable} suffix="项" />
            </Card>
            <Card size="small">
              <Statistic title="不可评分" value={d.gradeDistribution.notScorable.count} suffix="项" />
              {d.gradeDistribution.notScorable.count > 0 && <Link to={listUrl(d.gradeDistribution.notScorable.filter)}>查看列表</Link>}
            </Card>
            <Card size="small">
              <Statistic title="已复核" value={d.selfVsReview.reviewed.count} suffix="项" />
            </Card>
          </div>
          <div className={`analytics-grid${data.loading ? ' analytics-stale' : ''}`} aria-busy={data.loading}>
            {specs.map((spec) => (
              <ChartCard key={spec.key} spec={spec} query={query} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function NumberCell({ cell, chart }: { cell: TableCell; chart: string }) {
  if (!cell.filter) return <>{cell.text}</>;
  return (
    <Link to={listUrl(cell.filter)} data-testid={`${chart}-link`} aria-label={`${cell.text}：打开对应的评价文档列表`}>
      {cell.text}
    </Link>
  );
}

function ChartCard({ spec, query }: { spec: ChartSpec; query: OverviewQuery }) {
  const navigate = useNavigate();
  const chart = useRef<ChartHandle>(null);
  const [view, setView] = useState<'chart' | 'table'>('chart');

  const savePng = () => {
    const url = chart.current?.png();
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${spec.title}.png`;
    a.click();
  };
  const saveXlsx = async () => {
    try {
      await download(`${overviewPath(query, '.xlsx')}${overviewPath(query).includes('?') ? '&' : '?'}chart=${spec.key}`, `${spec.title}.xlsx`);
    } catch (err) {
      void message.error(messageOf(err));
    }
  };

  const dataSource = spec.rows.map((cells, i) => ({ key: i, cells }));
  return (
    <Card
      size="small"
      title={<h2 className="analytics-card-title">{spec.title}</h2>}
      className="analytics-card"
      data-testid={`${spec.testId}-card`}
      extra={
        <Space size={4} wrap>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: '图' },
              { value: 'table', label: '表' },
            ]}
            aria-label={`${spec.title}：切换图表或数据表`}
            data-testid={`${spec.testId}-view`}
          />
          <Button size="small" icon={<PictureOutlined />} onClick={savePng} disabled={view !== 'chart' || spec.empty} aria-label={`${spec.title}：导出图片（PNG）`} data-testid={`${spec.testId}-png`}>
            PNG
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void saveXlsx()} aria-label={`${spec.title}：导出数据（xlsx）`} data-testid={`${spec.testId}-xlsx`}>
            xlsx
          </Button>
        </Space>
      }
    >
      {spec.empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      ) : view === 'chart' ? (
        <Chart
          ref={chart}
          option={spec.option}
          ariaLabel={spec.ariaLabel}
          testId={spec.testId}
          onItemClick={(d) => {
            const f = filterOf(d);
            if (f) void navigate(listUrl(f));
          }}
        />
      ) : (
        <Table
          size="small"
          pagination={spec.rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          dataSource={dataSource}
          data-testid={`${spec.testId}-table`}
          columns={spec.columns.map((title, i) => ({
            title,
            key: String(i),
            render: (_: unknown, r: { cells: TableCell[] }) => (r.cells[i] ? <NumberCell cell={r.cells[i]} chart={spec.testId} /> : null),
          }))}
        />
      )}
      {spec.note && <div className="muted analytics-note">{spec.note}</div>}
    </Card>
  );
}
