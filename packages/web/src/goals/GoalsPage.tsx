/** @module 绩效目标: the goal declarations in scope with filters in the URL; new declarations; derive from approved goals. */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { orgTree } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { CountsTags, StatusTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { LEVEL_LABELS } from '../format/labels.js';
import { listGoals } from './api.js';
import { DeriveActions } from './DeriveActions.js';
import { APPROVED, canDerive } from './derived.js';
import { NewGoalModal, goalYears } from './NewGoalModal.js';
import type { GoalQuery, GoalSummary } from './types.js';
import './goals.css';
import { LevelFilter, OrgFilter, StatusFilter, YearFilter } from '../common/filters.js';

function readQuery(p: URLSearchParams): GoalQuery {
  const num = (k: string) => {
    const v = Number(p.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const level = p.get('level');
  return {
    year: num('year'),
    org: p.get('org') ?? undefined,
    level: level === 'project' || level === 'department' ? level : undefined,
    status: p.get('status') ?? undefined,
    q: p.get('q') ?? undefined,
    page: num('page'),
    pageSize: num('pageSize'),
  };
}

export default function GoalsPage() {
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readQuery(params), [params]);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(query.q ?? '');
  const list = useAsync((signal) => listGoals({ ...query, page, pageSize }, signal), [params.toString()]);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => orgTree(orgs.data ?? []), [orgs.data]);
  const canCreate = user.role === 'preparer' || user.role === 'unit-head';

  const update = (patch: Partial<GoalQuery>) => {
    const next: Record<string, unknown> = { ...query, page: undefined, ...patch };
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== '') p.set(k, String(v));
    setParams(p);
  };

  const columns: TableProps<GoalSummary>['columns'] = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (t: string, r) => (
        <Link to={`/goals/${r.id}`} data-testid="goal-link">
          {t || '（无标题）'}
        </Link>
      ),
    },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 160, ellipsis: true },
    { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
    { title: '类型', dataIndex: 'level', key: 'level', width: 110, render: (l: string) => LEVEL_LABELS[l] ?? l },
    { title: '状态', dataIndex: 'status', key: 'status', width: 84, render: (s: string, r) => <StatusTag status={s} label={r.statusLabel} /> },
    { title: '审核问题', key: 'counts', width: 140, render: (_: unknown, r) => <CountsTags counts={r.counts} /> },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: '操作',
      key: 'actions',
      width: 280,
      render: (_: unknown, r) => (
        <Space wrap size={[6, 4]}>
          <Link to={`/evaluations/${r.id}`}>{r.status === 'draft' || r.status === 'returned' ? '填写' : '打开'}</Link>
          <Link to={`/goals/${r.id}`}>详情</Link>
          {APPROVED.has(r.status) && <DeriveActions goalId={r.id} title={r.title} canDerive={canDerive(user, r)} compact />}
        </Space>
      ),
    },
  ];

  const filtered = Boolean(query.year || query.org || query.level || query.status || query.q);
  return (
    <div className="page" data-testid="goals-page">
      <PageHeader
        title="绩效目标"
        sub="绩效目标申报：编制、审核，审核通过后生成运行监控和年度自评文档"
        extra={
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-goal">
              新建绩效目标申报
            </Button>
          )
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选绩效目标">
        <Space wrap size={[12, 8]}>
          <YearFilter value={query.year} onChange={(year) => update({ year })} years={goalYears(new Date()).concat(goalYears(new Date()).map((y) => y - 6))} />
          <OrgFilter value={query.org} onChange={(org) => update({ org })} tree={tree} />
          <LevelFilter value={query.level} onChange={(level) => update({ level })} />
          <StatusFilter value={query.status} onChange={(status) => update({ status })} />
          <Input.Search
            aria-label="标题关键词"
            placeholder="标题关键词"
            enterButton={<Button icon={<SearchOutlined />} aria-label="搜索" />}
            allowClear
            style={{ width: 200 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          {filtered && (
            <Button
              type="link"
              onClick={() => {
                setSearch('');
                setParams(new URLSearchParams());
              }}
            >
              清除筛选
            </Button>
          )}
        </Space>
      </Card>
      {list.error !== undefined && (
        <Alert type="error" showIcon title={`绩效目标读取失败：${messageOf(list.error)}`} action={<Button size="small" onClick={list.reload}>重试</Button>} style={{ marginBottom: 12 }} />
      )}
      <Table<GoalSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1150 }}
        data-testid="goals-table"
        locale={{
          emptyText: (
            <div className="empty-line">
              {filtered ? '没有符合条件的绩效目标申报，请调整筛选条件' : canCreate ? '还没有绩效目标申报，点击“新建绩效目标申报”开始编制' : '范围内还没有绩效目标申报，单位提交后会出现在这里'}
            </div>
          ),
        }}
        onChange={(pagination) => {
          const p = new URLSearchParams(params);
          p.set('page', String(pagination.current ?? 1));
          if (pagination.pageSize && pagination.pageSize !== 20) p.set('pageSize', String(pagination.pageSize));
          else p.delete('pageSize');
          setParams(p);
        }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, pageSizeOptions: ['10', '20', '50', '100'], showTotal: (t) => `共 ${t} 份` }}
      />
      <NewGoalModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
