/**
 * @module 绩效目标详情 (/goals/:id): the declaration's status, the documents derived from it, the goal
 * quality findings, last year's record of the same project, and the targets with their adjustments (调整):
 * the unit asks, a reviewer or the finance office approves or rejects.
 */
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Descriptions, Empty, Form, Input, Modal, Radio, Space, Table, Tag, Tooltip } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { libraryKey } from '@jixiao/core';
import type { TargetAdjustment } from '@jixiao/core';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.js';
import { ApiError, messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { Loading } from '../app/Loading.js';
import { PageHeader } from '../common/PageHeader.js';
import { StatusTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { LEVEL_LABELS, SEVERITY_COLORS, SEVERITY_LABELS } from '../format/labels.js';
import { formatMoney, formatPercent } from '../format/numbers.js';
import { entryHref } from '../library/api.js';
import { decideAdjustment, goalAdjustments, goalQuality, priorRecord, requestAdjustment } from './api.js';
import { DeriveActions } from './DeriveActions.js';
import { APPROVED, canDecide, canDerive } from './derived.js';
import { leafIndicators, leafKey } from './leaves.js';
import type { LeafIndicator } from './leaves.js';
import type { AdjustmentView, PriorIndicatorView, QualityFinding } from './types.js';
import './goals.css';

const FAMILY_LABELS: Record<string, string> = { quality: '指标质量（SMART）', history: '与上年比较', goals: '目标申报检查' };
const ADJ_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待审批', color: 'processing' },
  approved: { label: '已批准', color: 'success' },
  rejected: { label: '已驳回', color: 'error' },
};
const LIGHT_TEXT: Record<string, { label: string; color: string }> = {
  red: { label: '红灯（预警）', color: 'red' },
  yellow: { label: '黄灯（关注）', color: 'gold' },
  green: { label: '绿灯（正常）', color: 'green' },
};

/** The leaf key of an adjustment's indicator. */
const adjKey = (x: { indicatorId: string; project?: string | undefined }) => leafKey({ id: x.indicatorId, project: x.project });

function SectionError({ what, error, reload }: { what: string; error: unknown; reload: () => void }) {
  return <Alert type="error" showIcon title={`${what}读取失败：${messageOf(error)}`} action={<Button size="small" onClick={reload}>重试</Button>} />;
}

function Findings({ items }: { items: QualityFinding[] }) {
  if (items.length === 0) return <div className="empty-line">未发现目标质量问题：指标具体、可衡量，且不低于上年。</div>;
  const families = [...new Set(items.map((f) => f.family))];
  return (
    <div data-testid="goal-quality-findings">
      {families.map((fam) => (
        <section key={fam} aria-label={FAMILY_LABELS[fam] ?? fam}>
          <h3 className="muted" style={{ fontSize: 13, margin: '8px 0 0' }}>
            {FAMILY_LABELS[fam] ?? fam}
          </h3>
          {items
            .filter((f) => f.family === fam)
            .map((f, i) => (
              <div key={`${f.code}-${f.path}-${i}`} className="goal-finding" data-testid="goal-finding" data-code={f.code}>
                <Space size={6} align="start">
                  <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                  <span>{f.message}</span>
                </Space>
                {f.location && <div className="goal-finding-where muted">位置：{f.location}</div>}
                {f.suggestion && <div className="goal-finding-where">建议：{f.suggestion}</div>}
              </div>
            ))}
        </section>
      ))}
    </div>
  );
}

function PriorRecordCard({ goalId }: { goalId: string }) {
  const prior = useAsync((signal) => priorRecord(goalId, signal), [goalId]);
  if (prior.loading && !prior.data) return <Loading tip="正在读取上年情况…" />;
  if (prior.error !== undefined) return <SectionError what="上年绩效情况" error={prior.error} reload={prior.reload} />;
  const r = prior.data?.record ?? {};
  const lastId = prior.data?.lastYearEvaluationId;
  // Only indicators with something to compare (empty frame groups have neither a target nor last year's figures).
  const rows = ([...(r.indicators ?? []), ...(r.dropped ?? []).map((d) => ({ ...d, dropped: true }))] as Array<PriorIndicatorView & { dropped?: boolean }>).filter(
    (x) => x.target || x.lastTarget || x.lastActual,
  );
  const comparable = rows.some((x) => x.lastTarget || x.lastActual);
  const columns: TableProps<PriorIndicatorView & { dropped?: boolean }>['columns'] = [
    { title: '指标', dataIndex: 'name', key: 'name', render: (n: string, x) => (x.dropped ? <span className="goal-original-struck">{n}（本年未设）</span> : x.isNew ? <span>{n} <Tag>新增</Tag></span> : n) },
    { title: '本年目标', dataIndex: 'target', key: 'target', width: 120 },
    { title: '上年目标', dataIndex: 'lastTarget', key: 'lastTarget', width: 120 },
    {
      title: '上年实际',
      dataIndex: 'lastActual',
      key: 'lastActual',
      width: 130,
      render: (a: string | undefined, x) => (a ? <span>{a} {x.lastMet === true ? <Tag color="green">达成</Tag> : x.lastMet === false ? <Tag color="red">未达成</Tag> : null}</span> : '—'),
    },
    {
      title: '比较',
      key: 'cmp',
      width: 150,
      render: (_: unknown, x) => (
        <Space size={2} wrap>
          {x.belowLastActual && <Tag color="orange">低于上年实际</Tag>}
          {x.targetChangePercent !== undefined && <span className="num">较上年目标 {formatPercent(x.targetChangePercent)}</span>}
        </Space>
      ),
    },
  ];
  const ev = r.evaluation;
  const monitored = r.monitoring;
  const monitoringId = prior.data?.lastYearMonitoringId ?? undefined;
  const light = monitored ? LIGHT_TEXT[monitored.light] : undefined;
  return (
    <div data-testid="goal-prior-record">
      {!ev && !monitored && (r.facts ?? []).length === 0 && <div className="empty-line">没有找到该项目上年的自评或监控记录（按同一单位、上一年度、同一项目名称查找）。</div>}
      {(ev || r.money || monitored) && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 3 }} bordered>
          {ev && (
            <Descriptions.Item label={`${ev.year}年自评`}>
              {lastId ? <Link to={`/evaluations/${lastId}`}>{ev.total}分 · {ev.grade}</Link> : `${ev.total}分 · ${ev.grade}`}
            </Descriptions.Item>
          )}
          {ev?.executionRate !== undefined && <Descriptions.Item label="上年预算执行率">{formatPercent(ev.executionRate)}</Descriptions.Item>}
          {ev?.treatment?.label && <Descriptions.Item label="结果应用建议">{String(ev.treatment.label)}</Descriptions.Item>}
          {light && (
            <Descriptions.Item label="上年运行监控">
              {monitoringId ? (
                <Link to={`/monitoring/${monitoringId}`} aria-label={`上年运行监控：${light.label}，打开监控文档`}>
                  <Tag color={light.color}>{light.label}</Tag>
                </Link>
              ) : (
                <Tag color={light.color}>{light.label}</Tag>
              )}
              {monitored?.asOf ? <span className="muted">截至 {monitored.asOf}</span> : null}
            </Descriptions.Item>
          )}
          {r.money?.requested !== undefined && <Descriptions.Item label={`本年申请（${r.money.unit}）`}>{formatMoney(r.money.requested)}</Descriptions.Item>}
          {r.money?.lastBudget !== undefined && <Descriptions.Item label={`上年预算（${r.money.unit}）`}>{formatMoney(r.money.lastBudget)}</Descriptions.Item>}
          {r.money?.lastExecuted !== undefined && <Descriptions.Item label={`上年执行（${r.money.unit}）`}>{formatMoney(r.money.lastExecuted)}</Descriptions.Item>}
          {r.money?.changePercent !== undefined && <Descriptions.Item label="资金变化">{formatPercent(r.money.changePercent)}</Descriptions.Item>}
        </Descriptions>
      )}
      {(r.facts ?? []).length > 0 && (
        <ul className="goal-facts" style={{ marginTop: 12 }}>
          {(r.facts ?? []).map((f, i) => (
            <li key={i}>{f}</li>
          ))}
        </ul>
      )}
      {monitored && monitored.reasons.length > 0 && (r.facts ?? []).length === 0 && (
        <ul className="goal-facts">
          {monitored.reasons.map((x, i) => (
            <li key={i}>上年监控：{x.message}</li>
          ))}
        </ul>
      )}
      {comparable && <Table rowKey={(x) => `${x.id ?? ''}-${x.name}`} size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 640 }} style={{ marginTop: 12 }} />}
    </div>
  );
}

interface RequestForm {
  field: 'target' | 'weight';
  to: string;
  reason: string;
}

export default function GoalDetailPage() {
  const { id = '' } = useParams();
  const { user } = useUser();
  const { message } = AntApp.useApp();
  const evaluation = useAsync(() => api.getEvaluation(id), [id]);
  // The goal routes answer only for goal documents: ask once the document says it is one.
  const isGoal = evaluation.data?.data.stage === 'goals';
  const quality = useAsync((signal) => (isGoal ? goalQuality(id, signal) : Promise.resolve(undefined)), [id, isGoal]);
  const adjustments = useAsync((signal) => (isGoal ? goalAdjustments(id, signal) : Promise.resolve(undefined)), [id, isGoal]);
  const [asking, setAsking] = useState<LeafIndicator | undefined>();
  const [deciding, setDeciding] = useState<{ adjustment: TargetAdjustment; decision: 'approve' | 'reject' } | undefined>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<RequestForm>();
  const [decisionReason, setDecisionReason] = useState('');

  const e = evaluation.data?.data;
  const leaves = useMemo(() => (e ? leafIndicators(e.document) : []), [e]);
  const views = useMemo(() => {
    const m = new Map<string, AdjustmentView[]>();
    for (const v of adjustments.data?.views ?? []) m.set(adjKey(v), [...(m.get(adjKey(v)) ?? []), v]);
    return m;
  }, [adjustments.data]);
  const names = useMemo(() => new Map(leaves.map((l) => [leafKey(l), l])), [leaves]);

  if (evaluation.loading && !e) return <Loading />;
  if (evaluation.error !== undefined || !e) {
    const notFound = evaluation.error instanceof ApiError && evaluation.error.status === 404;
    return (
      <div className="page">
        <PageHeader title="绩效目标" />
        <Alert type="error" showIcon title={notFound ? '未找到该绩效目标申报，或您无权查看' : `读取失败：${messageOf(evaluation.error)}`} action={<Link to="/goals">返回绩效目标列表</Link>} />
      </div>
    );
  }
  if (e.stage !== 'goals') {
    return (
      <div className="page">
        <PageHeader title={e.title} />
        <Alert type="warning" showIcon title="该文档不是绩效目标申报文档" action={<Link to={`/evaluations/${e.id}`}>在编辑器中打开</Link>} />
      </div>
    );
  }

  const approved = APPROVED.has(e.status);
  const mayAsk = canDerive(user, e);
  const mayDecide = canDecide(user, e);

  const submitRequest = async () => {
    if (!asking) return;
    let v: RequestForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await requestAdjustment(id, { indicatorId: asking.id, ...(asking.project ? { project: asking.project } : {}), field: v.field, to: v.to.trim(), reason: v.reason.trim() });
      void message.success('调整申请已提交，等待主管部门审批');
      setAsking(undefined);
      adjustments.reload();
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const submitDecision = async () => {
    if (!deciding) return;
    if (deciding.decision === 'reject' && decisionReason.trim() === '') {
      void message.warning('驳回时请写明理由');
      return;
    }
    setBusy(true);
    try {
      await decideAdjustment(id, deciding.adjustment.id, deciding.decision, decisionReason.trim() || undefined);
      void message.success(deciding.decision === 'approve' ? '已批准调整' : '已驳回调整申请');
      setDeciding(undefined);
      adjustments.reload();
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const targetColumns: TableProps<LeafIndicator>['columns'] = [
    {
      title: '指标',
      key: 'name',
      render: (_: unknown, l) => (
        <div>
          <div>
            {l.name}
            {l.target && (
              <Link
                to={`${entryHref(libraryKey(l.name, l.target).key)}?target=${encodeURIComponent(l.target)}`}
                className="goal-finding-where"
                style={{ marginLeft: 8 }}
                aria-label={`在指标库中对比“${l.name}”的同类目标`}
                data-testid="goal-library-link"
              >
                同类对比
              </Link>
            )}
          </div>
          <div className="muted goal-finding-where">{l.group}</div>
        </div>
      ),
    },
    {
      title: '年度指标值（原）',
      key: 'target',
      width: 170,
      render: (_: unknown, l) => {
        const v = views.get(leafKey(l))?.find((x) => x.field === 'target');
        const changed = v && v.adjusted !== undefined && v.adjusted !== v.original;
        return (
          <div>
            <span className={changed ? 'goal-original-struck' : undefined}>{v?.original ?? l.target ?? '—'}</span>
            {changed && <div className="goal-adjusted">调整为 {v.adjusted}</div>}
            {v?.pending !== undefined && <div><Tag color="processing">待审批：{v.pending}</Tag></div>}
          </div>
        );
      },
    },
    {
      title: '分值',
      key: 'weight',
      width: 110,
      render: (_: unknown, l) => {
        const v = views.get(leafKey(l))?.find((x) => x.field === 'weight');
        const changed = v && v.adjusted !== undefined && v.adjusted !== v.original;
        return (
          <div className="num">
            <span className={changed ? 'goal-original-struck' : undefined}>{v?.original ?? l.weight ?? '—'}</span>
            {changed && <div className="goal-adjusted">调整为 {v.adjusted}</div>}
            {v?.pending !== undefined && <div><Tag color="processing">待审批：{v.pending}</Tag></div>}
          </div>
        );
      },
    },
    ...(mayAsk
      ? [
          {
            title: '操作',
            key: 'ask',
            width: 110,
            render: (_: unknown, l: LeafIndicator) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                aria-label={`申请调整“${l.name}”`}
                data-testid="request-adjustment"
                onClick={() => {
                  form.setFieldsValue({ field: 'target', to: '', reason: '' });
                  setAsking(l);
                }}
              >
                申请调整
              </Button>
            ),
          },
        ]
      : []),
  ];

  const requestColumns: TableProps<TargetAdjustment>['columns'] = [
    { title: '指标', key: 'ind', render: (_: unknown, a) => names.get(adjKey(a))?.name ?? a.indicatorId },
    { title: '调整内容', key: 'what', width: 200, render: (_: unknown, a) => <span>{a.field === 'weight' ? '分值' : '指标值'}：{a.from || '（空）'} → <b>{a.to}</b></span> },
    { title: '理由', dataIndex: 'reason', key: 'reason' },
    { title: '申请时间', dataIndex: 'requestedAt', key: 'at', width: 150, render: (d: string) => formatDateTime(d) },
    {
      title: '状态',
      key: 'status',
      width: 180,
      render: (_: unknown, a) => (
        <div>
          <Tag color={ADJ_STATUS[a.status]?.color}>{ADJ_STATUS[a.status]?.label ?? a.status}</Tag>
          {a.status === 'rejected' && a.rejectionReason && <div className="muted goal-finding-where">驳回理由：{a.rejectionReason}</div>}
          {a.status === 'pending' && mayDecide && (
            <Space size={4} style={{ marginTop: 4 }}>
              <Button size="small" type="primary" data-testid="approve-adjustment" aria-label="批准该调整申请" onClick={() => { setDecisionReason(''); setDeciding({ adjustment: a, decision: 'approve' }); }}>
                批准
              </Button>
              <Button size="small" danger data-testid="reject-adjustment" aria-label="驳回该调整申请" onClick={() => { setDecisionReason(''); setDeciding({ adjustment: a, decision: 'reject' }); }}>
                驳回
              </Button>
            </Space>
          )}
        </div>
      ),
    },
  ];

  const adjItems = adjustments.data?.items ?? [];
  const pending = adjItems.filter((a) => a.status === 'pending').length;

  return (
    <div className="page" data-testid="goal-detail">
      <PageHeader
        title={e.title || '（无标题）'}
        sub={
          <Space wrap size={[8, 4]}>
            <StatusTag status={e.status} label={e.statusLabel} />
            <span>{e.orgName}</span>
            <span>{e.year}年</span>
            <span>{LEVEL_LABELS[e.level] ?? e.level}</span>
            <span>更新于 {formatDateTime(e.updatedAt)}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/goals">返回列表</Link>
            <Link to={`/evaluations/${e.id}`}>
              <Button type={e.permissions.update ? 'primary' : 'default'}>{e.permissions.update ? '在编辑器中填写' : '在编辑器中查看'}</Button>
            </Link>
          </Space>
        }
      />
      <div className="goal-sections">
        <Card size="small" title="运行监控与年度自评" className="goal-wide">
          {approved ? (
            <DeriveActions goalId={e.id} title={e.title} canDerive={canDerive(user, e)} />
          ) : (
            <div className="empty-line">绩效目标审核通过后，单位可以据此生成绩效运行监控文档和年度绩效自评文档（当前状态：{e.statusLabel}）。</div>
          )}
        </Card>
        <Card size="small" title="年度总体目标" className="goal-wide" data-testid="goal-overall">
          {e.document.goals.filter((g) => g.expected.trim() !== '').length === 0 ? (
            <div className="empty-line">{e.permissions.update ? '还没有填写年度总体目标，请在编辑器中填写' : '未填写年度总体目标'}</div>
          ) : (
            <div>
              {e.document.goals
                .filter((g) => g.expected.trim() !== '')
                .map((g, i) => (
                  <p key={i} style={{ whiteSpace: 'pre-wrap', margin: '0 0 6px' }}>
                    {g.subject ? <b>{g.subject}：</b> : null}
                    {g.expected}
                  </p>
                ))}
            </div>
          )}
          {(e.document.header.supervisingDepartment || e.document.header.projectName) && (
            <div className="muted" style={{ marginTop: 8 }}>
              {e.document.header.projectName ? `项目：${e.document.header.projectName}` : ''}
              {e.document.header.supervisingDepartment ? ` · 主管部门：${e.document.header.supervisingDepartment}` : ''}
            </div>
          )}
        </Card>
        <Card size="small" title={<span>目标质量 {quality.data && <span className="muted">（错误 {quality.data.counts.error}，警告 {quality.data.counts.warning}，提示 {quality.data.counts.info}）</span>}</span>} data-testid="goal-quality">
          {quality.loading && !quality.data ? <Loading tip="正在审核目标…" /> : quality.error !== undefined ? <SectionError what="目标质量" error={quality.error} reload={quality.reload} /> : <Findings items={quality.data?.findings ?? []} />}
        </Card>
        <Card size="small" title="上年绩效情况">
          <PriorRecordCard goalId={e.id} />
        </Card>
        <Card
          size="small"
          className="goal-wide"
          title={<span>指标与调整 {pending > 0 && <Tag color="processing">{pending} 项待审批</Tag>}</span>}
          data-testid="goal-targets"
          extra={!approved && <span className="muted">审核通过后才能申请调整；审核前请直接在编辑器中修改</span>}
        >
          {adjustments.error !== undefined && <SectionError what="调整记录" error={adjustments.error} reload={adjustments.reload} />}
          {(adjustments.data?.issues ?? []).map((x) => (
            <Alert key={x.adjustmentId} type="warning" showIcon title={x.message} style={{ marginBottom: 8 }} />
          ))}
          <Table<LeafIndicator>
            rowKey={leafKey}
            size="small"
            columns={targetColumns}
            dataSource={leaves}
            pagination={leaves.length > 30 ? { pageSize: 30 } : false}
            scroll={{ x: 640 }}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有填写绩效指标，请在编辑器中填写三级指标和年度指标值" /> }}
          />
          <h3 style={{ fontSize: 14, margin: '16px 0 8px' }}>调整申请</h3>
          <Table<TargetAdjustment>
            rowKey="id"
            size="small"
            loading={adjustments.loading}
            columns={requestColumns}
            dataSource={[...adjItems].reverse()}
            pagination={false}
            scroll={{ x: 760 }}
            data-testid="adjustments-table"
            locale={{ emptyText: <div className="empty-line">{mayAsk ? '暂无调整申请。目标确需变动时，点击指标行的“申请调整”并写明理由' : '暂无调整申请'}</div> }}
          />
        </Card>
      </div>

      <Modal title={asking ? `申请调整：${asking.name}` : '申请调整'} open={asking !== undefined} onCancel={() => setAsking(undefined)} onOk={submitRequest} okText="提交申请" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        {asking && (
          <Form<RequestForm> form={form} layout="vertical" initialValues={{ field: 'target', to: '', reason: '' }}>
            <Form.Item label="调整内容" name="field">
              <Radio.Group optionType="button" options={[{ value: 'target', label: '年度指标值' }, { value: 'weight', label: '分值' }]} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldValue }) => (
                <div className="muted" style={{ marginBottom: 8 }}>
                  当前值：{(getFieldValue('field') === 'weight' ? views.get(leafKey(asking))?.find((v) => v.field === 'weight')?.adjusted ?? asking.weight : views.get(leafKey(asking))?.find((v) => v.field === 'target')?.adjusted ?? asking.target) ?? '（空）'}
                </div>
              )}
            </Form.Item>
            <Form.Item label="调整为" name="to" rules={[{ required: true, whitespace: true, message: '请填写调整后的值' }]}>
              <Input maxLength={500} placeholder="如：≥500批次" />
            </Form.Item>
            <Form.Item label="调整理由" name="reason" rules={[{ required: true, whitespace: true, message: '请写明调整理由' }]}>
              <Input.TextArea rows={3} maxLength={2000} placeholder="如：预算调减，抽查批次相应减少" />
            </Form.Item>
          </Form>
        )}
      </Modal>

      <Modal
        title={deciding?.decision === 'approve' ? '批准调整申请' : '驳回调整申请'}
        open={deciding !== undefined}
        onCancel={() => setDeciding(undefined)}
        onOk={submitDecision}
        okText={deciding?.decision === 'approve' ? '确认批准' : '确认驳回'}
        okButtonProps={{ danger: deciding?.decision === 'reject' }}
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        {deciding && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <div>
              {names.get(adjKey(deciding.adjustment))?.name ?? deciding.adjustment.indicatorId}：{deciding.adjustment.from || '（空）'} → <b>{deciding.adjustment.to}</b>
            </div>
            <div className="muted">申请理由：{deciding.adjustment.reason}</div>
            <label className="field-label" htmlFor="decision-reason">
              {deciding.decision === 'reject' ? '驳回理由（必填）' : '审批意见（选填）'}
            </label>
            <Input.TextArea id="decision-reason" rows={3} maxLength={2000} value={decisionReason} onChange={(ev) => setDecisionReason(ev.target.value)} />
            {deciding.decision === 'approve' && (
              <Tooltip title="批准后，运行监控和自评按调整后的值执行，原值保留备查">
                <span className="muted">批准后调整后的值生效，原值保留在旁边备查。</span>
              </Tooltip>
            )}
          </Space>
        )}
      </Modal>
    </div>
  );
}
