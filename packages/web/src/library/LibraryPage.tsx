/**
 * @module 指标库 (/library): search the region's indicator library as you type, with unit, direction,
 * use counts and category; the finance office recommends, retires, restores and merges entries.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { CATEGORY_LABELS } from '../format/labels.js';
import { entryHref, searchLibrary } from './api.js';
import { CurationModal, useQuickCuration } from './CurationDialogs.js';
import type { CurationRequest } from './CurationDialogs.js';
import { DIRECTION_LABELS, rateText } from './labels.js';
import type { LibraryHit } from './types.js';

/** Leaf categories a search may be narrowed to. */
const LEAF_CATEGORIES = ['quantity', 'quality', 'timeliness', 'cost-output', 'economic', 'social', 'ecological', 'sustainable', 'service-satisfaction'];

export default function LibraryPage() {
  const { user } = useUser();
  const finance = user.role === 'finance';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const includeRetired = finance && params.get('retired') === '1';
  const [text, setText] = useState(q);
  const [debounced, setDebounced] = useState(q);
  const [selected, setSelected] = useState<LibraryHit[]>([]);
  const [request, setRequest] = useState<CurationRequest | undefined>();

  useEffect(() => {
    const t = setTimeout(() => setDebounced(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);

  const set = (patch: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') p.delete(k);
      else p.set(k, v);
    }
    setParams(p, { replace: true });
  };

  useEffect(() => {
    if (debounced !== q) set({ q: debounced || undefined });
  }, [debounced]);

  const search = useAsync((signal) => searchLibrary({ q, category, includeRetired, limit: 50 }, signal), [q, category, includeRetired]);
  const quick = useQuickCuration(() => search.reload());
  const rows = search.data?.items ?? [];
  const selectedKeys = useMemo(() => selected.map((s) => s.key), [selected]);

  const columns: TableProps<LibraryHit>['columns'] = [
    {
      title: '指标名称',
      key: 'name',
      render: (_: unknown, h) => (
        <Space size={4} wrap>
          <Link to={entryHref(h.key)} data-testid="library-entry-link">
            {h.name}
          </Link>
          {h.recommended && <Tag color="gold">推荐</Tag>}
          {h.retired && <Tag>已停用</Tag>}
          {h.match === 'similar' && h.matched !== h.name && <span className="muted" style={{ fontSize: 12 }}>（相近：{h.matched}）</span>}
        </Space>
      ),
    },
    { title: '计量单位', dataIndex: 'unit', key: 'unit', width: 90, render: (u?: string) => u ?? <span className="muted">—</span> },
    { title: '方向', dataIndex: 'direction', key: 'direction', width: 130, render: (d: string) => DIRECTION_LABELS[d] ?? d },
    { title: '指标类别', dataIndex: 'category', key: 'category', width: 140, render: (c?: string) => (c ? (CATEGORY_LABELS[c] ?? c) : <span className="muted">—</span>) },
    { title: '使用次数', dataIndex: 'uses', key: 'uses', width: 90, align: 'right' },
    { title: '使用单位数', dataIndex: 'organisations', key: 'organisations', width: 100, align: 'right' },
    { title: '完成率', dataIndex: 'completionRate', key: 'completionRate', width: 90, align: 'right', render: (r?: string) => rateText(r) },
    ...(finance
      ? [
          {
            title: '维护',
            key: 'curate',
            width: 190,
            render: (_: unknown, h: LibraryHit) => (
              <Space size={4} wrap>
                {h.retired ? (
                  <Button size="small" onClick={() => quick({ kind: 'restore', key: h.key }, h.name)}>
                    恢复
                  </Button>
                ) : (
                  <>
                    <Button size="small" onClick={() => quick({ kind: 'recommend', key: h.key, recommended: !h.recommended }, h.name)} aria-label={`${h.recommended ? '取消推荐' : '推荐'}“${h.name}”`}>
                      {h.recommended ? '取消推荐' : '推荐'}
                    </Button>
                    <Button size="small" danger onClick={() => setRequest({ kind: 'retire', key: h.key, name: h.name })} aria-label={`停用“${h.name}”`}>
                      停用
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const families = new Set(selected.map((s) => s.family));
  return (
    <div className="page" data-testid="library-page">
      <PageHeader
        title="指标库"
        sub={search.data ? `收录本地区 ${search.data.documents} 份文档中的 ${search.data.indicators} 条指标 · 更新于 ${formatDateTime(search.data.builtAt)}` : '本地区绩效目标、运行监控和自评中用过的绩效指标'}
      />
      <Card size="small" className="filters" role="search" aria-label="搜索指标库">
        <Space wrap size={[12, 8]}>
          <Input
            aria-label="指标名称"
            placeholder="输入指标名称，边输边查，如：满意度、抽查批次"
            allowClear
            style={{ width: 320 }}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="library-search"
            autoFocus
          />
          <Select
            aria-label="指标类别"
            placeholder="指标类别"
            allowClear
            style={{ width: 180 }}
            value={category}
            onChange={(v?: string) => set({ category: v })}
            options={LEAF_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] ?? c }))}
          />
          {finance && (
            <Space size={6}>
              <Switch id="library-retired" checked={includeRetired} onChange={(v) => set({ retired: v ? '1' : undefined })} aria-label="包含已停用的指标" />
              <label htmlFor="library-retired">包含已停用</label>
            </Space>
          )}
        </Space>
      </Card>
      {finance && selected.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <Space wrap>
              <span>已选 {selected.length} 个指标</span>
              <Button size="small" type="primary" disabled={selected.length < 2 || families.size > 1} onClick={() => setRequest({ kind: 'merge', from: selected.map((s) => ({ key: s.key, name: s.name, unit: s.unit })) })} data-testid="library-merge">
                合并所选
              </Button>
              {families.size > 1 && <span className="muted">计量单位类别不同的指标不能合并</span>}
              <Button size="small" type="link" onClick={() => setSelected([])}>
                清除选择
              </Button>
            </Space>
          }
        />
      )}
      {search.error !== undefined && <Alert type="error" showIcon title={`指标库读取失败：${messageOf(search.error)}`} action={<Button size="small" onClick={search.reload}>重试</Button>} style={{ marginBottom: 12 }} />}
      <Table<LibraryHit>
        rowKey="key"
        size="middle"
        loading={search.loading}
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: finance ? 1100 : 900 }}
        data-testid="library-results"
        rowSelection={
          finance
            ? {
                selectedRowKeys: selectedKeys,
                onChange: (_keys, chosen) => {
                  const byKey = new Map(selected.map((s) => [s.key, s]));
                  for (const c of chosen) byKey.set(c.key, c);
                  const visible = new Set(rows.map((r) => r.key));
                  setSelected([...byKey.values()].filter((s) => !visible.has(s.key) || chosen.some((c) => c.key === s.key)));
                },
                getCheckboxProps: (h) => ({ 'aria-label': `选择“${h.name}”` }),
              }
            : undefined
        }
        locale={{ emptyText: <div className="empty-line">{q ? `指标库中没有与“${q}”相近的指标，换个说法试试（如去掉“的”“率”等字）` : '指标库还是空的：单位填写的绩效目标和自评保存后，其中的指标会收录到这里'}</div> }}
      />
      {rows.length >= 50 && <div className="muted" style={{ marginTop: 8 }}>只显示最相关的 50 条，请输入更具体的名称。</div>}
      <CurationModal
        request={request}
        onClose={() => setRequest(undefined)}
        onDone={() => {
          setRequest(undefined);
          setSelected([]);
          search.reload();
        }}
      />
    </div>
  );
}
