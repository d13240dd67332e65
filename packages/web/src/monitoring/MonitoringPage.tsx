/** @module 运行监控 (/monitoring): every monitored project in scope with its traffic light, reasons, execution and warning case; reminders; the summary and the 绩效监控表. */
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Segmented, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { orgTree } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { formatMoney } from '../format/numbers.js';
import { downloadMonitoringXlsx, monitoringList, monitoringReport, reminders } from './api.js';
import { byLight, caseToShow, fractionPercent, percentText } from './format.js';
import { LightTag } from './LightTag.js';
import { periodLabel } from './periods.js';
import { ReminderList } from './Reminders.js';
import type { Light, MonitoringReport, MonitoringScope, ProjectView } from './types.js';
import './monitoring.css';
import { OrgFilter, YearFilter } from '../common/filters.js';

type LightFilter = 'all' | Light;

function readScope(p: URLSearchParams): MonitoringScope {
  const y = Number(p.get('year'));
  const asOf = p.get('asOf');
  return { year: Number.isInteger(y) && y > 1990 ? y : undefined, org: p.get('org') ?? undefined, asOf: asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : undefined };
}



function ReportTable({ report }: { report: MonitoringReport }) {
  const rows = [...report.groups, { ...report.total, key: '合计' }];
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 640 }}
      columns={[
        { title: report.by === 'department' ? '主管部门' : report.by === 'region' ? '地区' : '单位', dataIndex: 'key', key: 'key', render: (k: string) => k || '（未注明）' },
        { title: '项目数', dataIndex: 'projects', key: 'projects', width: 70, align: 'right' },
        { title: '红灯', key: 'red', width: 60, align: 'right', render: (_: unknown, g) => g.lights.red },
        { title: '黄灯', key: 'yellow', width: 60, align: 'right', render: (_: unknown, g) => g.lights.yellow },
        { title: '绿灯', key: 'green', width: 60, align: 'right', render: (_: unknown, g) => g.lights.green },
        { title: '预算（万元）', dataIndex: 'budget', key: 'budget', width: 120, align: 'right', render: (v: string) => formatMoney(v) },
        { title: '执行（万元）', dataIndex: 'executed', key: 'executed', width: 120, align: 'right', render: (v: string) => formatMoney(v) },
        { title: '执行率', dataIndex: 'ratePercent', key: 'rate', width: 90, align: 'right', render: (v?: string) => percentText(v) },
      ]}
    />
  );
}

export default function MonitoringPage() {
  const { user } = useUser();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const scope = useMemo(() => readScope(params), [params]);
  const [light, setLight] = useState<LightFilter>('all');
  const [exporting, setExporting] = useState(false);
  const list = useAsync((signal) => monitoringList(scope, signal), [params.toString()]);
  const due = useAsync((signal) => reminders(scope, signal), [params.toString()]);
  const [level, setLevel] = useState<'organisation' | 'department' | 'region'>(user.role === 'finance' ? 'department' : 'organisation');
  const report = useAsync((signal) => monitoringReport({ ...scope, level }, signal), [params.toString(), level]);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => orgTree(orgs.data ?? []), [orgs.data]);

  const update = (patch: Partial<MonitoringScope>) => {
    const next = { ...scope, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p);
  };

  const projects = useMemo(() => [...(list.data?.projects ?? [])].filter((p) => light === 'all' || p.light === light).sort(byLight), [list.data, light]);
  const counts = list.data?.counts ?? { red: 0, yellow: 0, green: 0 };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadMonitoringXlsx({ ...scope, level });
    } catch (err) {
      void message.error(`导出失败：${messageOf(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<ProjectView>['columns'] = [
    {
      title: '项目',
      key: 'name',
      width: 220,
      render: (_: unknown, p) => (
        <div>
          <Link to={`/monitoring/${p.id}`} data-testid="monitoring-project-link">
            {p.name || '（无名称）'}
          </Link>
          <div className="muted" style={{ fontSize: 12 }}>
            {p.organisation}
            {p.department && p.department !== p.organisation ? ` · ${p.department}` : ''}
          </div>
        </div>
      ),
    },
    { title: '信号灯', key: 'light', width: 120, render: (_: unknown, p) => <LightTag light={p.light} /> },
    {
      title: '执行率 / 时间进度',
      key: 'exec',
      width: 150,
      render: (_: unknown, p) => (p.execution ? <span className="num">{percentText(p.execution.ratePercent)} / {percentText(p.execution.schedulePercent)}</span> : <span className="muted">未报送</span>),
    },
    {
      title: '指标信号灯',
      key: 'counts',
      width: 150,
      render: (_: unknown, p) =>
        p.indicators.length === 0 ? (
          <span className="muted">—</span>
        ) : (
          <span title={`指标：红灯${p.counts.red}个，黄灯${p.counts.yellow}个，绿灯${p.counts.green}个`}>
            红 {p.counts.red} · 黄 {p.counts.yellow} · 绿 {p.counts.green}
          </span>
        ),
    },
    { title: '目标完成度', key: 'completion', width: 100, align: 'right', render: (_: unknown, p) => fractionPercent(p.completion) },
    { title: '数据期间', key: 'period', width: 130, render: (_: unknown, p) => (p.snapshot ? <span>{periodLabel(p.snapshot.period)}<div className="muted" style={{ fontSize: 12 }}>截至 {p.snapshot.asOf}</div></span> : <span className="muted">—</span>) },
    {
      title: '原因',
      key: 'reasons',
      width: 340,
      render: (_: unknown, p) => {
        const all = [...p.reasons.map((r) => r.message), ...p.indicators.filter((i) => i.light === 'red').flatMap((i) => i.reasons.map((r) => `${i.name}：${r.message}`))];
        if (all.length === 0) return <span className="muted">进度正常</span>;
        return (
          <ul className="mon-reasons">
            {all.slice(0, 2).map((m, i) => (
              <li key={i}>{m}</li>
            ))}
            {all.length > 2 && <li className="muted">等 {all.length} 条</li>}
          </ul>
        );
      },
    },
    {
      title: '预警处理',
      key: 'case',
      width: 150,
      render: (_: unknown, p) => {
        const { view: c, open } = caseToShow(p);
        if (!c) return <span className="muted">—</span>;
        return (
          <span>
            {c.label}
            {c.status !== 'closed' && c.status !== 'awaiting-review' && <div className="muted" style={{ fontSize: 12 }}>答复期限 {c.due}</div>}
            {open > 1 && <div className="muted" style={{ fontSize: 12 }}>共 {open} 条未办结</div>}
          </span>
        );
      },
    },
  ];

  return (
    <div className="page" data-testid="monitoring-page">
      <PageHeader
        title="运行监控"
        sub={list.data ? `按${list.data.asOf}评估 · 双监控：预算执行进度和绩效目标完成情况` : '双监控：预算执行进度和绩效目标完成情况'}
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={() => { list.reload(); due.reload(); report.reload(); }}>
              刷新
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportXlsx} data-testid="monitoring-export">
              下载绩效监控表
            </Button>
          </Space>
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选监控项目">
        <Space wrap size={[12, 8]}>
          <YearFilter value={scope.year} onChange={(year) => update({ year })} />
          <OrgFilter value={scope.org} onChange={(org) => update({ org })} tree={tree} />
          <DatePicker aria-label="评估日期" placeholder="评估日期（默认今天）" style={{ width: 190 }} value={scope.asOf ? dayjs(scope.asOf) : null} onChange={(d) => update({ asOf: d ? d.format('YYYY-MM-DD') : undefined })} />
          <Segmented<LightFilter>
            aria-label="按信号灯筛选"
            value={light}
            onChange={setLight}
            options={[
              { value: 'all', label: `全部 ${counts.red + counts.yellow + counts.green}` },
              { value: 'red', label: `红灯 ${counts.red}` },
              { value: 'yellow', label: `黄灯 ${counts.yellow}` },
              { value: 'green', label: `绿灯 ${counts.green}` },
            ]}
          />
        </Space>
      </Card>
      {due.data && due.data.items.length > 0 && (
        <Card size="small" title={`今日提醒（${due.data.items.length}）`} style={{ marginBottom: 12 }}>
          <ReminderList items={due.data.items} limit={8} />
        </Card>
      )}
      {due.error !== undefined && <Alert type="warning" showIcon title={`提醒读取失败：${messageOf(due.error)}`} style={{ marginBottom: 12 }} />}
      {list.error !== undefined && <Alert type="error" showIcon title={`监控情况读取失败：${messageOf(list.error)}`} action={<Button size="small" onClick={list.reload}>重试</Button>} style={{ marginBottom: 12 }} />}
      <Table<ProjectView>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={projects}
        scroll={{ x: 1320 }}
        data-testid="monitoring-table"
        pagination={projects.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 个项目` } : false}
        locale={{
          emptyText: (
            <div className="empty-line">
              {light !== 'all'
                ? '没有该信号灯的项目'
                : user.role === 'preparer' || user.role === 'unit-head'
                  ? '还没有运行监控项目。绩效目标审核通过后，在“绩效目标”中点击“生成监控文档”'
                  : '范围内还没有运行监控项目，单位由已审核的绩效目标生成监控文档后会出现在这里'}
              {light === 'all' && (
                <div>
                  <Link to="/goals">前往绩效目标</Link>
                </div>
              )}
            </div>
          ),
        }}
      />
      {report.data && report.data.groups.length > 0 && (
        <Card
          size="small"
          title="监控汇总"
          style={{ marginTop: 16 }}
          data-testid="monitoring-report"
          extra={
            <Segmented<'organisation' | 'department' | 'region'>
              size="small"
              aria-label="汇总方式"
              value={level}
              onChange={setLevel}
              options={[
                { value: 'organisation', label: '按单位' },
                { value: 'department', label: '按主管部门' },
                ...(user.role === 'finance' ? [{ value: 'region' as const, label: '按地区' }] : []),
              ]}
            />
          }
        >
          <ReportTable report={report.data} />
        </Card>
      )}
    </div>
  );
}
