/**
 * @module 项目运行监控 (/monitoring/:evaluationId): report a snapshot, the assessment with a light per
 * indicator and its reasons, the execution schedule chart, the warning cases with the unit's answer and
 * the reviewer's decision, the reports so far, and the reminders of this project.
 */
import { useMemo } from 'react';
import { Alert, Button, Card, Descriptions, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { defaultRuleSetFor, documentBudget, executionCurve } from '@jixiao/core';
import type { IndicatorAssessment } from '@jixiao/core';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.js';
import { ApiError, messageOf } from '../api/errors.js';
import { Loading } from '../app/Loading.js';
import { useUser } from '../auth/session.js';
import { EChart } from '../charts/EChart.js';
import type { ChartOption } from '../charts/EChart.js';
import { PageHeader } from '../common/PageHeader.js';
import { StatusTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { formatMoney } from '../format/numbers.js';
import { isUnitStaff } from '../goals/derived.js';
import { leafIndicators } from '../goals/leaves.js';
import { projectAssessment, reminders, snapshots } from './api.js';
import { CaseCard } from './CaseActions.js';
import { fractionPercent, percentText, wanText } from './format.js';
import { LightTag } from './LightTag.js';
import './lineChart.js';
import { periodLabel } from './periods.js';
import { ReminderList } from './Reminders.js';
import { scheduleOption, scheduleSummary } from './schedule.js';
import { SnapshotForm } from './SnapshotForm.js';
import type { SnapshotRow } from './types.js';
import './monitoring.css';

const MODE_LABELS: Record<string, string> = { cumulative: '累计量（按进度推算）', level: '水平值（按当前值）', deadline: '时限', qualitative: '定性（不评估）', unparsed: '无法识别' };

export default function MonitoringDetailPage() {
  const { evaluationId = '' } = useParams();
  const { user } = useUser();
  const evaluation = useAsync(() => api.getEvaluation(evaluationId), [evaluationId]);
  const e = evaluation.data?.data;
  const year = e?.year;
  // The monitoring routes answer only for monitoring documents: ask once the document says it is one.
  const monitored = e?.stage === 'monitoring';
  const snaps = useAsync((signal) => (monitored ? snapshots(evaluationId, signal) : Promise.resolve(undefined)), [evaluationId, monitored]);
  // This project's own assessment (the same rule as the list's), not the whole scope's.
  const assessment = useAsync((signal) => (!monitored ? Promise.resolve(undefined) : projectAssessment(evaluationId, undefined, signal)), [evaluationId, monitored]);
  const due = useAsync((signal) => (year === undefined || !monitored ? Promise.resolve(undefined) : reminders({ year }, signal)), [evaluationId, year, monitored]);
  const project = assessment.data?.project;
  const leaves = useMemo(() => (e ? leafIndicators(e.document) : []), [e]);

  const curve = useMemo(() => {
    if (!e) return undefined;
    const budget = documentBudget(e.document)?.toString();
    const rows = (snaps.data ?? []).map((s: SnapshotRow) => ({ ...s.snapshot, project: evaluationId }));
    // Draw up to the month assessed (today) in the current year, the whole year otherwise.
    const asOf = assessment.data?.asOf ?? '';
    const through = asOf.startsWith(`${e.year}-`) ? Number(asOf.slice(5, 7)) : 12;
    return executionCurve(rows, budget ? { [evaluationId]: budget } : {}, { year: e.year, ruleSet: defaultRuleSetFor(e.level), through });
  }, [e, snaps.data, evaluationId, assessment.data?.asOf]);
  const option = useMemo(() => (curve ? (scheduleOption(curve) as ChartOption) : undefined), [curve]);

  if (evaluation.loading && !e) return <Loading />;
  if (evaluation.error !== undefined || !e) {
    const notFound = evaluation.error instanceof ApiError && evaluation.error.status === 404;
    return (
      <div className="page">
        <PageHeader title="运行监控" />
        <Alert type="error" showIcon title={notFound ? '未找到该监控文档，或您无权查看' : `读取失败：${messageOf(evaluation.error)}`} action={<Link to="/monitoring">返回监控列表</Link>} />
      </div>
    );
  }
  if (e.stage !== 'monitoring') {
    return (
      <div className="page">
        <PageHeader title={e.title} />
        <Alert type="warning" showIcon title="该文档不是绩效运行监控文档" action={<Link to={`/evaluations/${e.id}`}>在编辑器中打开</Link>} />
      </div>
    );
  }

  const moneyUnit = e.document.funding?.unit ?? '万元';
  const unitStaff = isUnitStaff(user, e.orgId);
  const reviewer = user.role === 'reviewer' || user.role === 'finance';
  const reload = () => {
    snaps.reload();
    assessment.reload();
    due.reload();
  };
  const mine = (due.data?.items ?? []).filter((r) => r.project === evaluationId);
  const baseline = e.document.header.baseline;

  const indicatorColumns: TableProps<IndicatorAssessment>['columns'] = [
    { title: '指标', key: 'name', render: (_: unknown, i) => <div><div>{i.name}</div><div className="muted" style={{ fontSize: 12 }}>{i.location}</div></div> },
    { title: '信号灯', key: 'light', width: 120, render: (_: unknown, i) => (i.mode === 'qualitative' ? <span className="muted">不评估</span> : <LightTag light={i.light} />) },
    { title: '年度指标值', dataIndex: 'target', key: 'target', width: 120 },
    { title: '目前完成', dataIndex: 'progress', key: 'progress', width: 110, render: (p?: string) => p ?? <span className="muted">未填报</span> },
    { title: '应完成 / 全年推算', key: 'expected', width: 150, render: (_: unknown, i) => (i.expected || i.projected ? `${i.expected ?? '—'} / ${i.projected ?? '—'}` : <span className="muted">{MODE_LABELS[i.mode] ?? i.mode}</span>) },
    {
      title: '原因',
      key: 'reasons',
      render: (_: unknown, i) =>
        i.reasons.length === 0 ? (
          <span className="muted">{i.mode === 'qualitative' ? '定性指标，年终评价' : '正常'}</span>
        ) : (
          <ul className="mon-reasons">
            {i.reasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        ),
    },
  ];

  return (
    <div className="page" data-testid="monitoring-detail">
      <PageHeader
        title={e.title || '（无标题）'}
        sub={
          <Space wrap size={[8, 4]}>
            {project && <LightTag light={project.light} />}
            <StatusTag status={e.status} label={e.statusLabel} />
            <span>{e.orgName}</span>
            <span>{e.year}年</span>
            {assessment.data && <span className="muted">按 {assessment.data.asOf} 评估</span>}
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/monitoring">返回监控列表</Link>
            {baseline && <Link to={`/goals/${baseline.id}`}>查看绩效目标</Link>}
            <Link to={`/evaluations/${e.id}`}>
              <Button>在编辑器中查看</Button>
            </Link>
          </Space>
        }
      />
      {mine.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <ReminderList items={mine} />
        </div>
      )}
      <div className="mon-sections">
        <Card size="small" title="评估结果" data-testid="monitoring-assessment">
          {assessment.loading && !assessment.data ? (
            <Loading tip="正在评估…" />
          ) : assessment.error !== undefined ? (
            <Alert type="error" showIcon title={`评估读取失败：${messageOf(assessment.error)}`} action={<Button size="small" onClick={assessment.reload}>重试</Button>} />
          ) : !project ? (
            <div className="empty-line">暂无评估结果。</div>
          ) : (
            <>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label="项目信号灯">
                  <LightTag light={project.light} />
                </Descriptions.Item>
                <Descriptions.Item label="数据期间">{project.snapshot ? `${periodLabel(project.snapshot.period)}（截至 ${project.snapshot.asOf}）` : '尚未报送'}</Descriptions.Item>
                {project.execution && (
                  <>
                    <Descriptions.Item label="预算 / 累计执行（万元）">
                      {wanText(project.execution.budget, project.execution.unit)} / {wanText(project.execution.executed, project.execution.unit)}
                    </Descriptions.Item>
                    <Descriptions.Item label="执行率 / 时间进度">
                      {percentText(project.execution.ratePercent)} / {percentText(project.execution.schedulePercent)}
                    </Descriptions.Item>
                    {project.execution.checkpoint && (
                      <Descriptions.Item label={`${project.execution.checkpoint.month}月末进度节点`}>
                        应达 {fractionPercent(project.execution.checkpoint.minExecution)}，{project.execution.checkpoint.met ? '已达到' : '未达到'}
                      </Descriptions.Item>
                    )}
                  </>
                )}
                <Descriptions.Item label="目标完成度">{fractionPercent(project.completion)}</Descriptions.Item>
              </Descriptions>
              {project.reasons.length > 0 ? (
                <ul className="mon-reasons" style={{ marginTop: 8 }} aria-label="项目预警原因">
                  {project.reasons.map((r) => (
                    <li key={r.code}>
                      <LightTag light={r.light} short /> {r.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="empty-line">执行进度和目标完成情况正常。</div>
              )}
            </>
          )}
        </Card>
        <Card size="small" title="执行进度" data-testid="monitoring-schedule">
          {curve && option && <EChart option={option} ariaLabel={scheduleSummary(curve)} height={260} />}
          {curve && curve.missingBudget.length > 0 && <div className="muted">绩效目标中没有年度预算，无法计算执行率。</div>}
          <div className="muted" style={{ fontSize: 12 }}>
            实线为预算执行率，虚线为时间进度（已过天数 ÷ 全年天数），菱形为进度节点（4、6、8、10月末应达到的执行率）。
          </div>
        </Card>
        <Card size="small" title="指标监控" className="mon-wide">
          <Table<IndicatorAssessment>
            rowKey={(i) => `${i.project ?? ''}/${i.id}`}
            size="small"
            columns={indicatorColumns}
            dataSource={project?.indicators ?? []}
            pagination={false}
            scroll={{ x: 860 }}
            data-testid="monitoring-indicators"
            locale={{ emptyText: <div className="empty-line">没有可监控的指标：请在绩效目标中填写年度指标值</div> }}
          />
        </Card>
        {unitStaff && (
          <Card size="small" title="报送监控数据" className="mon-wide">
            {snaps.error !== undefined ? (
              <Alert type="error" showIcon title={`已报送数据读取失败：${messageOf(snaps.error)}`} action={<Button size="small" onClick={snaps.reload}>重试</Button>} />
            ) : snaps.data ? (
              <SnapshotForm evaluationId={evaluationId} doc={e.document} leaves={leaves} existing={snaps.data} moneyUnit={moneyUnit} onSaved={reload} />
            ) : (
              <Loading />
            )}
          </Card>
        )}
        <Card size="small" title={`监控预警${project ? `（${project.cases.length}）` : ''}`} data-testid="monitoring-cases">
          {(project?.cases ?? []).length === 0 ? (
            <div className="empty-line">没有监控预警。报送的数据出现红灯等需要答复的情况时会生成预警，单位须在规定的工作日内答复。</div>
          ) : (
            [...(project?.cases ?? [])].reverse().map((c) => <CaseCard key={c.id} view={c} canRespond={unitStaff} canReview={reviewer} onChanged={reload} />)
          )}
        </Card>
        <Card size="small" title="历次报送">
          <Table<SnapshotRow>
            rowKey="period"
            size="small"
            loading={snaps.loading}
            pagination={false}
            dataSource={[...(snaps.data ?? [])].reverse()}
            scroll={{ x: 480 }}
            locale={{ emptyText: <div className="empty-line">{unitStaff ? '尚未报送，请在上方填写本期执行数和指标进度' : '单位尚未报送监控数据'}</div> }}
            columns={[
              { title: '期间', dataIndex: 'period', key: 'period', render: (p: string) => periodLabel(p) },
              { title: '截止日期', dataIndex: 'asOf', key: 'asOf', width: 110 },
              { title: `累计执行（${moneyUnit}）`, key: 'executed', align: 'right', width: 140, render: (_: unknown, s) => formatMoney(s.snapshot.executed) },
              { title: '报送时间', dataIndex: 'reportedAt', key: 'reportedAt', width: 150, render: (d: string) => formatDateTime(d) },
            ]}
          />
        </Card>
      </div>
    </div>
  );
}
