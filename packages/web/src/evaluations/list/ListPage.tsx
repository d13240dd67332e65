/**
 * @module 评价文档: every evaluation the user may see, with filters, sorting and paging kept in the URL.
 * The server sorts the whole list (not just the page). Links from analytics and the home page open it with
 * click-through filters (execution band, score band, finding family, re-scored …), shown as closable tags.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { CloseCircleFilled, PlusOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/errors.js';
import { listQueryString, parseListQuery } from '../../api/query.js';
import type { EvaluationSummary, ListQuery } from '../../api/types.js';
import { useUser } from '../../auth/session.js';
import { orgTree } from '../../common/orgs.js';
import { PageHeader } from '../../common/PageHeader.js';
import { CountsTags, GradeTag, StatusTag } from '../../common/tags.js';
import { useAsync } from '../../common/useAsync.js';
import { formatDateTime } from '../../format/dates.js';
import { GRADES, LEVEL_LABELS } from '../../format/labels.js';
import { NewEvaluationModal } from '../new/NewEvaluationModal.js';
import { activeClickFilters, sortOfColumnKey } from './sorting.js';
import { LevelFilter, OrgFilter, StatusFilter, YearFilter } from '../../common/filters.js';

const PAGE_SIZES = ['10', '20', '50', '100'];

export default function ListPage() {
  const { user } = useUser();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const query = useMemo(() => parseListQuery(params.toString()), [params]);
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(query.q ?? '');

  const list = useAsync((signal) => api.listEvaluations({ ...query, page, pageSize }, signal), [params.toString()]);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => orgTree(orgs.data ?? []), [orgs.data]);
  const canCreate = user.role === 'preparer' || user.role === 'unit-head';

  const update = (patch: Partial<ListQuery>, resetPage = true) => {
    const next: ListQuery = { ...query, ...patch, ...(resetPage ? { page: undefined } : {}) };
    setParams(new URLSearchParams(listQueryString(next).slice(1)));
  };

  const rows = list.data?.items ?? [];
  const clickFilters = activeClickFilters(query);

  // The list is newest change first unless another sort is asked for.
  const sortOrder = (key: NonNullable<ListQuery['sort']>) =>
    (query.sort ?? 'updated') === key ? ((query.order ?? 'desc') === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<EvaluationSummary>['columns'] = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      render: (t: string, r) => <Link to={`/evaluations/${r.id}`}>{t || '（无标题）'}</Link>,
    },
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 180, ellipsis: true },
    { title: '年度', dataIndex: 'year', key: 'year', width: 80, sorter: true, sortOrder: sortOrder('year') },
    { title: '类型', dataIndex: 'level', key: 'level', width: 110, render: (l: string) => LEVEL_LABELS[l] ?? l },
    { title: '状态', dataIndex: 'status', key: 'status', width: 90, render: (s: string, r) => <StatusTag status={s} label={r.statusLabel} /> },
    {
      title: '总分',
      dataIndex: 'total',
      key: 'total',
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: sortOrder('total'),
      render: (t: string | null) => t ?? <span className="muted">不可评分</span>,
    },
    {
      title: '等级',
      dataIndex: 'grade',
      key: 'grade',
      width: 90,
      sorter: true,
      sortOrder: sortOrder('grade'),
      render: (g: string | null) => (g === null ? <Tag>不可评分</Tag> : <GradeTag grade={g} />),
    },
    { title: '审核问题', key: 'counts', width: 150, render: (_: unknown, r) => <CountsTags counts={r.counts} /> },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 160,
      sorter: true,
      sortOrder: sortOrder('updated'),
      render: (d: string) => formatDateTime(d),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title="评价文档"
        extra={
          canCreate && (
            <Space>
              <Button icon={<UploadOutlined />} onClick={() => navigate('/import')}>
                导入
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建评价
              </Button>
            </Space>
          )
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选评价文档">
        <Space wrap size={[12, 8]}>
          <YearFilter value={query.year} onChange={(year) => update({ year })} />
          <OrgFilter value={query.org} onChange={(org) => update({ org })} tree={tree} />
          <LevelFilter value={query.level} onChange={(level) => update({ level })} />
          <StatusFilter<NonNullable<ListQuery['status']>> value={query.status} onChange={(status) => update({ status })} />
          <Select
            aria-label="等级"
            placeholder="等级"
            allowClear
            style={{ width: 90 }}
            value={query.grade}
            onChange={(v?: string) => update({ grade: v })}
            options={GRADES.map((g) => ({ value: g, label: g }))}
          />
          <Select
            aria-label="审核问题"
            placeholder="审核问题"
            allowClear
            style={{ width: 130 }}
            value={query.hasErrors === undefined ? undefined : String(query.hasErrors)}
            onChange={(v?: string) => update({ hasErrors: v === undefined ? undefined : v === 'true' })}
            options={[
              { value: 'true', label: '有审核错误' },
              { value: 'false', label: '无审核错误' },
            ]}
          />
          <Input.Search
            aria-label="标题关键词"
            placeholder="标题关键词"
            enterButton={<Button icon={<SearchOutlined />} aria-label="搜索" />}
            allowClear={{ clearIcon: <CloseCircleFilled aria-label="清除" /> }}
            style={{ width: 200 }}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          {clickFilters.map((f) => (
            <Tag key={f.key} closable color="blue" onClose={() => update(f.clear)} data-testid={`list-filter-${f.key}`}>
              {f.label}
            </Tag>
          ))}
          {(query.year || query.org || query.level || query.status || query.grade || query.hasErrors !== undefined || query.q || clickFilters.length > 0) && (
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
      {list.error !== undefined && <Alert type="error" showIcon title={messageOf(list.error)} style={{ marginBottom: 12 }} />}
      <Table<EvaluationSummary>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '没有符合条件的评价文档' }}
        onChange={(pagination, _filters, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.order ? sortOfColumnKey(String(s.columnKey)) : undefined;
          const order = s?.order === 'ascend' ? 'asc' : s?.order === 'descend' ? 'desc' : undefined;
          const sortChanged = key !== query.sort || order !== query.order;
          update(
            { sort: key, order, page: sortChanged ? undefined : pagination.current, pageSize: pagination.pageSize === 20 ? undefined : pagination.pageSize },
            false,
          );
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES,
          showTotal: (t) => `共 ${t} 份`,
        }}
      />
      <NewEvaluationModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
