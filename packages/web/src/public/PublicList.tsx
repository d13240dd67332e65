/** @module 公开的评价结果: filters by year, organisation, type, grade and title words, paged by the server. */
import { useState } from 'react';
import { Alert, Card, Input, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { PublicSummary } from '../api/types.js';
import { useAsync } from '../common/useAsync.js';
import { formatDate } from '../format/dates.js';
import { GRADE_COLORS, GRADES, LEVEL_LABELS, recentYears } from '../format/labels.js';

const PAGE_SIZE = 20;

export default function PublicList() {
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const level = params.get('level') ?? undefined;
  const grade = params.get('grade') ?? undefined;
  const org = params.get('org') ?? undefined;
  const q = params.get('q') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [words, setWords] = useState(q ?? '');
  const list = useAsync((signal) => api.publicList({ year, level, grade, org, q, page, pageSize: PAGE_SIZE }, signal), [year, level, grade, org, q, page]);
  const orgs = useAsync(() => api.publicOrganisations(year), [year]);

  const set = (key: string, value: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: TableProps<PublicSummary>['columns'] = [
    { title: '单位', dataIndex: 'orgName', key: 'orgName', width: 200 },
    { title: '评价名称', dataIndex: 'title', key: 'title', render: (t: string, r) => <Link to={`/public/${r.id}`}>{t}</Link> },
    { title: '年度', dataIndex: 'year', key: 'year', width: 80 },
    { title: '类型', dataIndex: 'level', key: 'level', width: 120, render: (l: string) => LEVEL_LABELS[l] ?? l },
    { title: '总分', dataIndex: 'total', key: 'total', width: 80, align: 'right', render: (t: string | null) => t ?? '—' },
    { title: '等级', dataIndex: 'grade', key: 'grade', width: 80, render: (g: string | null) => (g ? <Tag color={GRADE_COLORS[g] ?? 'default'}>{g}</Tag> : <Tag>不可评分</Tag>) },
    { title: '公开日期', dataIndex: 'publishedAt', key: 'publishedAt', width: 140, render: (d: string) => formatDate(d) },
  ];

  return (
    <div className="public-page">
      <h1 className="public-title">预算绩效评价结果公开</h1>
      <p className="muted">以下为各单位已公开的绩效自评结果，可按年度、单位、类型和等级查看，点击名称阅读自评表和自评报告。</p>
      <Card size="small" className="filters" role="search" aria-label="筛选公开的评价">
        <Space wrap>
          <Select aria-label="年度" placeholder="年度" allowClear style={{ width: 110 }} value={year} onChange={(v?: number) => set('year', v)} options={recentYears(new Date()).map((y) => ({ value: y, label: `${y}年` }))} />
          <Select
            aria-label="单位"
            placeholder="单位"
            allowClear
            showSearch
            style={{ width: 240 }}
            value={org}
            loading={orgs.loading}
            onChange={(v?: string) => set('org', v)}
            options={(orgs.data ?? []).map((o) => ({ value: o.name, label: `${o.name}（${o.published}）` }))}
          />
          <Select aria-label="类型" placeholder="类型" allowClear style={{ width: 140 }} value={level} onChange={(v?: string) => set('level', v)} options={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="等级" placeholder="等级" allowClear style={{ width: 90 }} value={grade} onChange={(v?: string) => set('grade', v)} options={GRADES.map((g) => ({ value: g, label: g }))} />
          <Input.Search aria-label="名称关键词" placeholder="名称关键词" allowClear style={{ width: 220 }} value={words} onChange={(e) => setWords(e.target.value)} onSearch={(v) => set('q', v.trim())} />
        </Space>
      </Card>
      {list.error !== undefined && <Alert type="error" showIcon title={messageOf(list.error)} style={{ marginBottom: 12 }} />}
      <Table<PublicSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无公开的评价结果' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: (p) => set('page', p), showTotal: (t) => `共 ${t} 份`, showSizeChanger: false }}
      />
    </div>
  );
}
