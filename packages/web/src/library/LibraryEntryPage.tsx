/**
 * @module 指标详情 (/library/:key): one library entry — names, unit, direction, use, completion — the
 * distribution of targets and actuals across years and units (ECharts), the units that used it, where a
 * proposed target stands among peers, and the finance office's curation.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Descriptions, Empty, Input, Select, Space, Table, Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, messageOf } from '../api/errors.js';
import { Loading } from '../app/Loading.js';
import { useUser } from '../auth/session.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/EChart.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { CATEGORY_LABELS } from '../format/labels.js';
import '../monitoring/lineChart.js';
import { entryHref, libraryEntry } from './api.js';
import { CurationModal, useQuickCuration } from './CurationDialogs.js';
import { LibrarySuggest } from './LibrarySuggest.js';
import type { CurationRequest } from './CurationDialogs.js';
import { unitFigures, yearHistogram, yearQuartiles } from './distribution.js';
import { DIRECTION_LABELS, STANDING_LABELS, rateText } from './labels.js';
import type { LibraryEntryAnswer } from './types.js';
import type { Quantiles } from '@jixiao/core';

const QUANTILE_COLUMNS = [
  ['min', '最小'],
  ['p10', '10%'],
  ['p25', '25%'],
  ['p50', '中位数'],
  ['p75', '75%'],
  ['p90', '90%'],
  ['max', '最大'],
] as const;

const num = (s: string | undefined): number | null => (s === undefined ? null : Number(s));

function counts(list: Array<{ value: string; count: number }>): string {
  return list.length === 0 ? '—' : list.map((c) => `${c.value}（${c.count}）`).join('、');
}

function Position({ entryKey, initialTarget }: { entryKey: string; initialTarget?: string | undefined }) {
  const [target, setTarget] = useState(initialTarget ?? '');
  const [last, setLast] = useState('');
  const [answer, setAnswer] = useState<LibraryEntryAnswer['position'] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  // A target given in the address (from a goal's indicator) is compared at once.
  useEffect(() => {
    if (initialTarget) void check(initialTarget);
  }, [entryKey, initialTarget]);
  async function check(given?: string) {
    const t = (given ?? target).trim();
    if (!t) return setError('请填写拟定的年度指标值');
    setBusy(true);
    setError(undefined);
    try {
      const r = await libraryEntry(entryKey, { target: t, ...(last.trim() ? { lastYearActual: last.trim() } : {}) });
      setAnswer(r.position);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div data-testid="library-position">
      <Space wrap>
        <Input aria-label="拟定的年度指标值" placeholder="拟定的年度指标值，如 ≥150家" style={{ width: 220 }} value={target} onChange={(e) => setTarget(e.target.value)} onPressEnter={() => void check()} />
        <Input aria-label="上年实际完成值" placeholder="上年实际完成值（选填）" style={{ width: 200 }} value={last} onChange={(e) => setLast(e.target.value)} onPressEnter={() => void check()} />
        <Button onClick={() => void check()} loading={busy}>
          对比同类
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
      {answer && (
        <div style={{ marginTop: 8 }}>
          <Tag color={answer.standing === 'far-below-peers' || answer.belowLastYear ? 'red' : answer.standing === 'below-peers' ? 'orange' : answer.standing === 'typical' || answer.standing === 'above-peers' ? 'green' : 'default'}>{STANDING_LABELS[answer.standing] ?? answer.standing}</Tag>
          {answer.percentile !== undefined && <span className="muted">高于 {rateText(answer.percentile)} 的同类目标</span>}
          <ul style={{ margin: '6px 0 0', paddingLeft: 18 }}>
            {answer.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

export default function LibraryEntryPage() {
  const { key: raw = '' } = useParams();
  const key = raw;
  const { user } = useUser();
  const navigate = useNavigate();
  const finance = user.role === 'finance';
  const [search] = useSearchParams();
  const initialTarget = search.get('target') ?? undefined;
  const answer = useAsync((signal) => libraryEntry(key, {}, signal), [key]);
  const quick = useQuickCuration(() => answer.reload());
  const [request, setRequest] = useState<CurationRequest | undefined>();
  const e = answer.data?.entry;
  const years = useMemo(() => (e ? yearQuartiles(e) : []), [e]);
  const [year, setYear] = useState<number | undefined>();
  const shownYear = year ?? years[years.length - 1]?.year;
  const histogram = useMemo(() => (e && shownYear !== undefined ? yearHistogram(e, shownYear) : []), [e, shownYear]);

  const trend = useMemo<ChartOption>(
    () =>
      ({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 56, right: 16, top: 48, bottom: 28 },
        xAxis: { type: 'category', data: years.map((y) => `${y.year}年`) },
        yAxis: { type: 'value', name: e?.unit ?? '', scale: true },
        series: [
          { name: '目标值中位数', type: 'line', data: years.map((y) => num(y.targets?.p50)), connectNulls: true, symbolSize: 7, color: '#1f5fbf' },
          { name: '实际值中位数', type: 'line', data: years.map((y) => num(y.actuals?.p50)), connectNulls: true, symbolSize: 7, color: '#15803d' },
          { name: '目标值25%分位', type: 'line', data: years.map((y) => num(y.targets?.p25)), connectNulls: true, symbol: 'none', lineStyle: { type: 'dashed', width: 1 }, color: '#7aa2e3' },
          { name: '目标值75%分位', type: 'line', data: years.map((y) => num(y.targets?.p75)), connectNulls: true, symbol: 'none', lineStyle: { type: 'dashed', width: 1 }, color: '#7aa2e3' },
        ],
      }) as ChartOption,
    [years, e?.unit],
  );
  const bars = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: histogram.map((h) => (e?.unit === '%' ? `${h.value}%` : h.value)), name: e?.unit ?? '', axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', name: '次数', minInterval: 1 },
      series: [
        { name: '目标值', type: 'bar', data: histogram.map((h) => h.targets), color: '#1f5fbf' },
        { name: '实际值', type: 'bar', data: histogram.map((h) => h.actuals), color: '#15803d' },
      ],
    }),
    [histogram, e?.unit],
  );

  const units = useMemo(() => (e ? unitFigures(e) : []), [e]);
  const byUnit = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: units.map((u) => `${u.organisation}（${u.year}）`), axisLabel: { interval: 0, rotate: units.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' } },
      yAxis: { type: 'value', name: e?.unit ?? '' },
      series: [
        { name: '年度指标值', type: 'bar', data: units.map((u) => num(u.target)), color: '#1f5fbf' },
        { name: '实际完成值', type: 'bar', data: units.map((u) => num(u.actual)), color: '#15803d' },
      ],
    }),
    [units, e?.unit],
  );

  if (answer.loading && !e) return <Loading />;
  if (answer.error !== undefined || !e) {
    const notFound = answer.error instanceof ApiError && answer.error.status === 404;
    return (
      <div className="page">
        <PageHeader title="指标库" />
        <Alert type="error" showIcon title={notFound ? '指标库中没有该指标（可能已被合并或改名）' : `读取失败：${messageOf(answer.error)}`} action={<Link to="/library">返回指标库</Link>} />
      </div>
    );
  }

  const latest = years[years.length - 1];
  const trendLabel = `${e.name}各年度目标值和实际值中位数：${years.map((y) => `${y.year}年目标${y.targets?.p50 ?? '无'}、实际${y.actuals?.p50 ?? '无'}`).join('；')}`;
  const barsLabel = `${e.name}${shownYear ?? ''}年目标值和实际值分布：${histogram.map((h) => `${h.value}${e.unit ?? ''}目标${h.targets}次、实际${h.actuals}次`).join('；')}`;

  return (
    <div className="page" data-testid="library-entry">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>{e.name}</span>
            {e.recommended && <Tag color="gold">推荐</Tag>}
            {e.status === 'retired' && <Tag>已停用</Tag>}
          </Space>
        }
        sub={`${e.unit ? `计量单位：${e.unit} · ` : ''}${DIRECTION_LABELS[e.direction] ?? e.direction}${e.category ? ` · ${CATEGORY_LABELS[e.category] ?? e.category}` : ''}`}
        extra={
          <Space wrap>
            <LibrarySuggest aria-label="查找其他指标" placeholder="查找其他指标" style={{ width: 220 }} onSelect={(h) => navigate(entryHref(h.key))} />
            <Link to="/library">返回指标库</Link>
            {finance && e.status === 'active' && (
              <>
                <Button onClick={() => quick({ kind: 'recommend', key: e.key, recommended: !e.recommended }, e.name)}>{e.recommended ? '取消推荐' : '设为推荐'}</Button>
                <Button onClick={() => setRequest({ kind: 'rename', key: e.key, name: e.name })}>改名</Button>
                <Button danger onClick={() => setRequest({ kind: 'retire', key: e.key, name: e.name })}>
                  停用
                </Button>
              </>
            )}
            {finance && e.status === 'retired' && <Button onClick={() => quick({ kind: 'restore', key: e.key }, e.name)}>恢复</Button>}
          </Space>
        }
      />
      {e.status === 'retired' && <Alert type="warning" showIcon title={`该指标已停用${e.retiredReason ? `：${e.retiredReason}` : ''}`} style={{ marginBottom: 12 }} />}
      <div className="home-stack">
        <Card size="small" title="概况">
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 3, xxl: 4 }} bordered>
            <Descriptions.Item label="使用次数">{e.uses}</Descriptions.Item>
            <Descriptions.Item label="使用单位数">{e.organisations}</Descriptions.Item>
            <Descriptions.Item label="使用年度">{e.firstYear === e.lastYear ? `${e.firstYear}年` : `${e.firstYear}—${e.lastYear}年`}</Descriptions.Item>
            <Descriptions.Item label="完成率">
              {rateText(e.completionRate)} <span className="muted">（{e.met}/{e.evaluated}）</span>
            </Descriptions.Item>
            <Descriptions.Item label="写法">{counts(e.names)}</Descriptions.Item>
            <Descriptions.Item label="单位写法">{counts(e.units)}</Descriptions.Item>
            <Descriptions.Item label="行业领域">{counts(e.sectors)}</Descriptions.Item>
            <Descriptions.Item label="功能分类">{counts(e.functionClasses)}</Descriptions.Item>
            <Descriptions.Item label="项目类型">{counts(e.projectTypes)}</Descriptions.Item>
            {e.aliasNames.length > 0 && <Descriptions.Item label="已合并的指标">{e.aliasNames.join('、')}</Descriptions.Item>}
          </Descriptions>
        </Card>
        <Card size="small" title={`目标值与实际值（${e.unit ?? '无单位'}）`}>
          {!e.targets && !e.actuals ? (
            <div className="empty-line">该指标没有可比较的数值（定性或未识别的目标），无法统计分布。</div>
          ) : (
            <Table<{ what: string; q: Quantiles | undefined }>
              rowKey="what"
              size="small"
              pagination={false}
              scroll={{ x: 640 }}
              dataSource={[
                { what: '目标值', q: e.targets },
                { what: '实际值', q: e.actuals },
              ]}
              columns={[
                { title: '', dataIndex: 'what', key: 'what', width: 80 },
                { title: '样本数', key: 'n', width: 70, align: 'right', render: (_: unknown, r) => r.q?.n ?? 0 },
                ...QUANTILE_COLUMNS.map(([k, label]) => ({ title: label, key: k, align: 'right' as const, render: (_: unknown, r: { q: Quantiles | undefined }) => (r.q ? String(r.q[k]) : '—') })),
              ]}
            />
          )}
        </Card>
        {(e.targets || e.actuals) && (
          <div className="home-grid">
            <Card size="small" title="各年度分布（中位数与四分位）">
              {years.length > 0 ? <EChart option={trend} ariaLabel={trendLabel} height={260} /> : <Empty description="暂无年度数据" />}
            </Card>
            <Card
              size="small"
              title="某一年度的取值分布"
              extra={
                <Select aria-label="选择年度" size="small" style={{ width: 100 }} value={shownYear} onChange={setYear} options={years.map((y) => ({ value: y.year, label: `${y.year}年` }))} />
              }
            >
              {histogram.length > 0 ? <EChart option={bars} ariaLabel={barsLabel} height={260} /> : <Empty description="该年度没有数值" />}
              {latest && <div className="muted" style={{ fontSize: 12 }}>横轴为取值（{e.unit ?? '无单位'}），纵轴为使用次数。</div>}
            </Card>
          </div>
        )}
        <Card size="small" title="拟定目标与同类对比">
          <Position entryKey={e.key} initialTarget={initialTarget} />
        </Card>
        <Card size="small" title="各单位最近一次使用" data-testid="library-by-unit">
          {units.length > 0 && (
            <EChart
              option={byUnit}
              ariaLabel={`${e.name}各单位最近一次的年度指标值和实际完成值：${units.map((u) => `${u.organisation}${u.year}年目标${u.target ?? '无'}、实际${u.actual ?? '无'}`).join('；')}`}
              height={240}
            />
          )}
          {!e.byOrganisationComplete && <Alert type="info" showIcon title="只显示您权限范围内的单位；其他单位的使用情况已计入上面的分布。" style={{ marginBottom: 8 }} />}
          <Table
            rowKey={(r) => `${r.organisation}-${r.year}`}
            size="small"
            dataSource={e.byOrganisation}
            pagination={e.byOrganisation.length > 20 ? { pageSize: 20 } : false}
            scroll={{ x: 560 }}
            locale={{ emptyText: <div className="empty-line">您权限范围内的单位没有使用过该指标</div> }}
            columns={[
              { title: '单位', dataIndex: 'organisation', key: 'organisation' },
              { title: '年度', dataIndex: 'year', key: 'year', width: 80 },
              { title: '年度指标值', dataIndex: 'target', key: 'target', width: 160 },
              { title: '实际完成值', dataIndex: 'actual', key: 'actual', width: 160, render: (a?: string) => a ?? <span className="muted">—</span> },
              { title: '次数', dataIndex: 'uses', key: 'uses', width: 70, align: 'right' },
            ]}
          />
        </Card>
      </div>
      <CurationModal
        request={request}
        onClose={() => setRequest(undefined)}
        onDone={(next) => {
          setRequest(undefined);
          if (next && next !== e.key) navigate(entryHref(next), { replace: true });
          else answer.reload();
        }}
      />
    </div>
  );
}
