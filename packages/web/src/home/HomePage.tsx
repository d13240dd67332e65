/**
 * @module 首页 by role: the preparer's drafts and returned documents, the reviewer's queue, the finance
 * office's overview of the region, the administrator's shortcuts.
 */
import { lazy, Suspense, useState } from 'react';
import { Button, Card, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { api } from '../api/client.js';
import type { EvaluationSummary, ListQuery } from '../api/types.js';
import { useUser } from '../auth/session.js';
import { PageHeader } from '../common/PageHeader.js';
import { CountsTags, GradeTag, StatusTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { NewEvaluationModal } from '../evaluations/new/NewEvaluationModal.js';
import { Loading } from '../app/Loading.js';

const Overview = lazy(() => import('./Overview.js'));
const MonitoringWarningsCard = lazy(() => import('../monitoring/MonitoringWarningsCard.js'));

/** The monitoring reminders card (its own chunk; nothing shown while it loads). */
function MonitoringWarnings() {
  return (
    <Suspense fallback={null}>
      <MonitoringWarningsCard />
    </Suspense>
  );
}

export function EvaluationCard({ title, query, empty, extra, showOrg = true }: { title: string; query: ListQuery; empty: string; extra?: React.ReactNode; showOrg?: boolean }) {
  const list = useAsync((signal) => api.listEvaluations({ pageSize: 10, ...query }, signal), [JSON.stringify(query)]);
  const columns: TableProps<EvaluationSummary>['columns'] = [
    { title: '标题', dataIndex: 'title', key: 'title', render: (t: string, r) => <Link to={`/evaluations/${r.id}`}>{t || '（无标题）'}</Link> },
    ...(showOrg ? [{ title: '单位', dataIndex: 'orgName', key: 'org', width: 150, ellipsis: true }] : []),
    { title: '状态', key: 'status', width: 84, render: (_: unknown, r) => <StatusTag status={r.status} label={r.statusLabel} /> },
    { title: '总分', dataIndex: 'total', key: 'total', width: 70, align: 'right' },
    { title: '等级', dataIndex: 'grade', key: 'grade', width: 60, render: (g: string) => <GradeTag grade={g} /> },
    { title: '审核问题', key: 'counts', width: 140, render: (_: unknown, r) => <CountsTags counts={r.counts} /> },
    { title: '更新', dataIndex: 'updatedAt', key: 'updatedAt', width: 150, render: (d: string) => formatDateTime(d) },
  ];
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return (
    <Card
      title={
        <span>
          {title} <span className="muted">{list.data ? `（${list.data.total}）` : ''}</span>
        </span>
      }
      extra={
        <Space>
          {extra}
          <Link to={`/evaluations?${params.toString()}`}>查看全部</Link>
        </Space>
      }
      size="small"
    >
      <Table<EvaluationSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 680 }}
        locale={{ emptyText: <div className="empty-line">{empty}</div> }}
      />
    </Card>
  );
}

export default function HomePage() {
  const { user } = useUser();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const greeting = `${user.displayName}，您好`;

  if (user.role === 'finance') {
    return (
      <div className="page">
        <PageHeader title="本级绩效概况" sub={`${greeting} · ${user.roleLabel}`} />
        <Suspense fallback={<Loading tip="正在汇总…" />}>
          <Overview />
        </Suspense>
        <div className="home-stack" style={{ marginTop: 16 }}>
          <EvaluationCard title="待复核（主管部门已审核）" query={{ status: 'approved' }} empty="没有待复核的评价" />
          <EvaluationCard title="待公开（已复核）" query={{ status: 'rechecked' }} empty="没有待公开的评价" />
        </div>
      </div>
    );
  }

  if (user.role === 'reviewer') {
    return (
      <div className="page">
        <PageHeader title="审核工作台" sub={`${greeting} · ${user.orgName ?? ''} ${user.roleLabel}`} />
        <div className="home-stack">
          <MonitoringWarnings />
          <EvaluationCard title="待审核" query={{ status: 'submitted' }} empty="没有待审核的评价，辛苦了" />
          <EvaluationCard title="已退回，等待修改" query={{ status: 'returned' }} empty="没有退回中的评价" />
          <EvaluationCard title="已审核通过" query={{ status: 'approved' }} empty="暂无" />
        </div>
      </div>
    );
  }

  if (user.role === 'admin') {
    return (
      <div className="page">
        <PageHeader title="系统管理" sub={greeting} />
        <div className="home-grid">
          <Card title="用户" size="small" extra={<Link to="/admin/users">管理用户</Link>}>
            新建账号、调整角色和所属单位、重置密码、解除锁定。
          </Card>
          <Card title="组织机构" size="small" extra={<Link to="/admin/orgs">查看组织树</Link>}>
            财政局 → 主管部门 → 单位，新增部门和单位。
          </Card>
          <Card title="评分规则" size="small" extra={<Link to="/admin/rulesets">查看规则</Link>}>
            国家和地方的评分规则：分值、公式和取舍说明（只读）。
          </Card>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="我的绩效自评"
        sub={`${greeting} · ${user.orgName ?? ''} ${user.roleLabel}`}
        extra={
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => navigate('/import')}>
              导入 Excel / Word
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建评价
            </Button>
          </Space>
        }
      />
      <div className="home-stack">
        <MonitoringWarnings />
        <EvaluationCard title="被退回，需要修改" query={{ status: 'returned' }} empty="没有被退回的评价" showOrg={false} />
        <EvaluationCard title="我的草稿" query={{ status: 'draft' }} empty="没有草稿，点击“新建评价”开始填写" showOrg={false} />
        <EvaluationCard title="已提交" query={{ status: 'submitted' }} empty="暂无已提交的评价" showOrg={false} />
      </div>
      <NewEvaluationModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
