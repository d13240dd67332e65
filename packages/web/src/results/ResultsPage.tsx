/**
 * @module 结果应用 (/results): the year-end list per department — projects graded 中 / 差, with low execution
 * or serious findings — with the treatment for next year's budget (优先保障 / 保障 / 压缩 / 取消) and the
 * reasons; the workbook for the budget office; rectification tasks opened from an item's findings.
 */
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Empty, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { orgTree } from '../common/orgs.js';
import type { OrgTreeNode } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { GradeTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { recentYears } from '../format/labels.js';
import { formatScore } from '../format/numbers.js';
import { downloadResultsXlsx, resultsList } from './api.js';
import type { ResultsScope } from './api.js';
import { CreateTasksModal } from './CreateTasksModal.js';
import { fractionToPercent, TREATMENT_COLORS, TREATMENT_LABELS } from './labels.js';
import type { ResultsDepartment, ResultsItem, Treatment } from './types.js';
import './results.css';

const TREATMENTS: Treatment[] = ['priority', 'maintain', 'reduce', 'cancel'];

function readScope(p: URLSearchParams, fallbackYear: number): ResultsScope {
  const y = Number(p.get('year'));
  return { year: Number.isInteger(y) && y > 1990 ? y : p.get('year') === 'all' ? undefined : fallbackYear, department: p.get('department') ?? undefined };
}

type OwnerNode = OrgTreeNode & { disabled?: boolean; children: OwnerNode[] };

/** Organisations as a tree in which the finance bureau itself cannot be chosen. */
function ownerTree(nodes: readonly OrgTreeNode[]): OwnerNode[] {
  return nodes.map((n) => ({ ...n, disabled: n.kind === 'bureau', children: ownerTree(n.children) }));
}

export default function ResultsPage() {
  const { user } = useUser();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const lastYear = new Date().getFullYear() - 1;
  const scope = useMemo(() => readScope(params, lastYear), [params, lastYear]);
  const list = useAsync((signal) => resultsList(scope, signal), [scope.year, scope.department]);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => ownerTree(orgTree(orgs.data ?? [])), [orgs.data]);
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState<ResultsItem | undefined>();
  const canAssign = user.role === 'reviewer' || user.role === 'finance';

  const update = (patch: Partial<ResultsScope>) => {
    const next = { ...scope, ...patch };
    const p = new URLSearchParams();
    p.set('year', next.year === undefined ? 'all' : String(next.year));
    if (next.department) p.set('department', next.department);
    setParams(p);
  };

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadResultsXlsx(scope);
    } catch (err) {
      void message.error(`导出失败：${messageOf(err)}`);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<ResultsItem>['columns'] = [
    {
      title: '项目',
      key: 'name',
      render: (_: unknown, r) => (
        <div>
          <Link to={`/evaluations/${r.id}`}>{r.name ?? r.title}</Link>
          <div className="muted results-sub">{r.org}</div>
        </div>
      ),
    },
    { title: '等级', key: 'grade', width: 70, render: (_: unknown, r) => <GradeTag grade={r.grade} /> },
    { title: '得分', key: 'total', width: 80, align: 'right', render: (_: unknown, r) => <span className="num">{formatScore(r.total)}</span> },
    { title: '执行率', key: 'rate', width: 90, align: 'right', render: (_: unknown, r) => <span className={`num${r.lowExecution ? ' results-low' : ''}`}>{fractionToPercent(r.executionRate) || '—'}</span> },
    {
      title: '应用建议',
      key: 'treatment',
      width: 120,
      render: (_: unknown, r) => (
        <div>
          <Tag color={TREATMENT_COLORS[r.treatment]} data-testid="results-treatment">
            {r.label}
          </Tag>
          {r.treatment !== r.base && <div className="muted results-sub">按等级：{TREATMENT_LABELS[r.base]}</div>}
        </div>
      ),
    },
    {
      title: '理由',
      key: 'reasons',
      render: (_: unknown, r) => (
        <ul className="results-reasons">
          {r.reasons.map((x) => (
            <li key={x.code}>{x.message}</li>
          ))}
        </ul>
      ),
    },
    {
      title: '整改',
      key: 'tasks',
      width: 140,
      render: (_: unknown, r) => (
        <Space direction="vertical" size={4}>
          {r.tasks.total > 0 ? (
            <Link to={`/results/tasks?evaluation=${r.id}`}>
              {r.tasks.open > 0 ? `未完成${r.tasks.open}项` : '已全部完成'}（共{r.tasks.total}项）
            </Link>
          ) : (
            <span className="muted">未下达</span>
          )}
          {canAssign && (
            <Button size="small" onClick={() => setCreating(r)} data-testid="results-create-tasks" aria-label={`为“${r.name ?? r.title}”下达整改任务`}>
              下达整改
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const department = (d: ResultsDepartment) => (
    <Card
      key={d.department}
      size="small"
      className="results-dept"
      data-testid="results-department-card"
      title={d.department}
      extra={
        <Space wrap size={4}>
          <span className="muted">评价{d.evaluations}个</span>
          {TREATMENTS.map((t) => (
            <Tag key={t} color={d.counts[t] > 0 ? TREATMENT_COLORS[t] : undefined}>
              {TREATMENT_LABELS[t]} {d.counts[t]}
            </Tag>
          ))}
        </Space>
      }
    >
      {d.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有需要压缩、取消或关注的项目" />
      ) : (
        <Table<ResultsItem> rowKey="id" size="small" pagination={false} columns={columns} dataSource={d.items} scroll={{ x: 960 }} onRow={(r) => ({ 'data-testid': 'results-item', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>} />
      )}
    </Card>
  );

  return (
    <div className="page" data-testid="results-page">
      <PageHeader
        title="结果应用"
        sub="评价结果与下年度预算安排挂钩：按等级、预算执行率和审核发现的严重问题提出优先保障、保障、压缩或取消的建议"
        extra={
          <Space wrap>
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              刷新
            </Button>
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="results-export">
              导出结果应用清单
            </Button>
          </Space>
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选结果应用清单">
        <Space wrap size={[12, 8]}>
          <Select
            aria-label="年度"
            data-testid="results-year"
            style={{ width: 120 }}
            value={scope.year ?? 'all'}
            onChange={(v: number | 'all') => update({ year: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: '全部年度' }, ...recentYears(new Date()).map((y) => ({ value: y, label: `${y}年` }))]}
          />
          {user.role !== 'preparer' && user.role !== 'unit-head' && (
            <TreeSelect
              aria-label="主管部门或单位"
              data-testid="results-department"
              placeholder="全部主管部门"
              allowClear
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              style={{ width: 240 }}
              value={scope.department}
              treeData={tree}
              onChange={(v?: string) => update({ department: v })}
            />
          )}
        </Space>
      </Card>
      {list.error !== undefined && <Alert type="error" showIcon title={`结果应用清单读取失败：${messageOf(list.error)}`} action={<Button size="small" onClick={list.reload}>重试</Button>} style={{ marginBottom: 12 }} />}
      {list.data && (
        <Typography.Paragraph className="muted" data-testid="results-summary">
          共{list.data.evaluations}个评价项目，{list.data.departments.reduce((n, d) => n + d.items.length, 0)}个列入清单
          {list.data.ruleSets.length > 0 ? `；评分规则：${list.data.ruleSets.join('、')}` : ''}
        </Typography.Paragraph>
      )}
      {list.data && list.data.unscored.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${list.data.unscored.length}份文档不可评分，未提出应用建议`}
          description={
            <ul className="results-reasons">
              {list.data.unscored.slice(0, 10).map((u) => (
                <li key={u.id}>
                  <Link to={`/evaluations/${u.id}`}>{u.title}</Link>（{u.org}）
                </li>
              ))}
            </ul>
          }
        />
      )}
      {list.loading && !list.data ? <Card loading /> : list.data && list.data.departments.length === 0 ? <Empty description={scope.year !== undefined ? `${scope.year}年度没有评价结果，请选择其他年度` : '没有评价结果'} /> : list.data?.departments.map(department)}
      {creating && (
        <CreateTasksModal
          item={creating}
          tree={tree}
          onClose={() => setCreating(undefined)}
          onCreated={() => {
            setCreating(undefined);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
