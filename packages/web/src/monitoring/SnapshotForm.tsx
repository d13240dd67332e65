/**
 * @module 报送监控数据: one snapshot per month or quarter — money executed so far this year (typed, or summed
 * by the server from a payments list, CSV or xlsx, with core's `aggregatePayments`), the year budget when
 * it changed, and the progress of each indicator. Reporting a period again replaces it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App as AntApp, Button, DatePicker, Form, Input, Segmented, Select, Space, Table } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { EvaluationDocument } from '@jixiao/core';
import { messageOf } from '../api/errors.js';
import { DecimalInput } from '../common/DecimalInput.js';
import type { LeafIndicator } from '../goals/leaves.js';
import { leafKey } from '../goals/leaves.js';
import { reportSnapshot, summarisePayments } from './api.js';
import { LightTag } from './LightTag.js';
import { paymentsNote } from './payments.js';
import { chinaToday, defaultAsOf, defaultPeriod, periodLabel, periodRange, periodsOfYear } from './periods.js';
import type { Granularity } from './periods.js';
import type { SnapshotAnswer, SnapshotRow } from './types.js';

export interface SnapshotFormProps {
  evaluationId: string;
  doc: EvaluationDocument;
  leaves: readonly LeafIndicator[];
  existing: readonly SnapshotRow[];
  moneyUnit: string;
  onSaved: (answer: SnapshotAnswer) => void;
}

export function SnapshotForm({ evaluationId, doc, leaves, existing, moneyUnit, onSaved }: SnapshotFormProps) {
  const { message } = AntApp.useApp();
  const year = doc.header.year;
  const today = chinaToday(new Date());
  const [granularity, setGranularity] = useState<Granularity>(() => (existing.some((s) => /^\d{4}-\d{2}$/.test(s.period)) ? 'month' : 'quarter'));
  const [period, setPeriod] = useState(() => defaultPeriod(year, today, granularity));
  const [asOf, setAsOf] = useState<string | undefined>(() => defaultAsOf(period, today));
  const [executed, setExecuted] = useState<string | undefined>();
  const [budget, setBudget] = useState<string | undefined>();
  const [progress, setProgress] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [importNote, setImportNote] = useState<{ type: 'info' | 'warning'; text: string } | undefined>();
  const [result, setResult] = useState<SnapshotAnswer | undefined>();
  const file = useRef<HTMLInputElement>(null);

  const previous = useMemo(() => existing.find((s) => s.period === period), [existing, period]);

  // Load what was reported for the chosen period, so that reporting it again starts from it.
  useEffect(() => {
    const s = previous?.snapshot;
    setAsOf(s?.asOf ?? defaultAsOf(period, today));
    setExecuted(s?.executed);
    setBudget(s?.budget);
    setNote(s?.note ?? '');
    const p: Record<string, string> = {};
    for (const i of s?.indicators ?? []) p[leafKey(i)] = i.progress;
    setProgress(p);
    setImportNote(undefined);
  }, [previous, period, today]);

  const range = periodRange(period);
  const assessable = leaves.filter((l) => l.target !== undefined && l.target.trim() !== '');

  const importPayments = async (f: File) => {
    setImportNote(undefined);
    setImporting(true);
    try {
      const note = paymentsNote(await summarisePayments(evaluationId, f, granularity, period), f.name, period, year);
      if (note.executed !== undefined) setExecuted(note.executed);
      setImportNote({ type: note.type, text: note.text });
    } catch (err) {
      setImportNote({ type: 'warning', text: `${f.name}：${messageOf(err)}` });
    } finally {
      setImporting(false);
    }
  };

  const submit = async () => {
    setError(undefined);
    if (!asOf) return setError('请选择截止日期');
    if (range && (asOf < range.start || asOf > range.end)) return setError(`截止日期应在${periodLabel(period)}之内（${range.start} 至 ${range.end}）`);
    if (asOf > today) return setError(`截止日期不能晚于今天（${today}）：请报送已经发生的执行数和完成情况`);
    if (executed === undefined || executed === '') return setError(`请填写累计执行数（${moneyUnit}）`);
    setBusy(true);
    try {
      const indicators = assessable
        .map((l) => ({ id: l.id, ...(l.project ? { project: l.project } : {}), progress: (progress[leafKey(l)] ?? '').trim() }))
        .filter((i) => i.progress !== '');
      const answer = await reportSnapshot(evaluationId, { period, asOf, executed, ...(budget ? { budget } : {}), indicators, ...(note.trim() ? { note: note.trim() } : {}) });
      setResult(answer);
      void message.success(`${periodLabel(period)}监控数据已报送`);
      onSaved(answer);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="snapshot-form">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
      {result && (
        <Alert
          type={result.case ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <span>
              已报送{periodLabel(result.snapshot.period)}数据，评估结果：{'light' in result.assessment ? <LightTag light={result.assessment.light} /> : '—'}
              {result.case ? `已生成监控预警，请在 ${result.case.due} 前答复（继续执行、调整资金用途或取消项目）。` : ''}
            </span>
          }
        />
      )}
      <Form layout="vertical" component="div">
        <Space wrap size={[16, 0]} align="start">
          <Form.Item label="报送频率">
            <Segmented<Granularity>
              aria-label="报送频率"
              value={granularity}
              onChange={(g) => {
                setGranularity(g);
                setPeriod(defaultPeriod(year, today, g));
              }}
              options={[
                { value: 'quarter', label: '按季度' },
                { value: 'month', label: '按月' },
              ]}
            />
          </Form.Item>
          <Form.Item label="监控期间" htmlFor="snapshot-period">
            <Select id="snapshot-period" aria-label="监控期间" style={{ width: 170 }} value={period} onChange={setPeriod} options={periodsOfYear(year, granularity).map((p) => ({
                ...p,
                disabled: (periodRange(p.value)?.start ?? '') > today,
                label: `${p.label}${existing.some((s) => s.period === p.value) ? '（已报送）' : ''}`,
              }))} />
          </Form.Item>
          <Form.Item label="截止日期" htmlFor="snapshot-asof">
            <DatePicker
              id="snapshot-asof"
              aria-label="截止日期"
              style={{ width: 160 }}
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
              disabledDate={(d) => {
                const day = d.format('YYYY-MM-DD');
                return day > today || (range ? day < range.start || day > range.end : false);
              }}
            />
          </Form.Item>
          <Form.Item label={`累计执行数（${moneyUnit}）`} htmlFor="snapshot-executed" required>
            <Space.Compact>
              <DecimalInput id="snapshot-executed" aria-label={`累计执行数（${moneyUnit}）`} value={executed} onChange={setExecuted} placeholder="年初至截止日期" />
              <Button icon={<UploadOutlined />} loading={importing} onClick={() => file.current?.click()} aria-label="从支付明细（CSV 或 xlsx）汇总累计执行数">
                导入支付明细
              </Button>
            </Space.Compact>
            <input
              ref={file}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              style={{ display: 'none' }}
              aria-hidden="true"
              tabIndex={-1}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void importPayments(f);
                e.target.value = '';
              }}
            />
          </Form.Item>
          <Form.Item label={`调整后预算（${moneyUnit}，未调整可不填）`} htmlFor="snapshot-budget">
            <DecimalInput id="snapshot-budget" aria-label={`调整后预算（${moneyUnit}）`} value={budget} onChange={setBudget} />
          </Form.Item>
        </Space>
        {importNote && <Alert type={importNote.type} showIcon title={importNote.text} style={{ marginBottom: 12 }} data-testid="payments-import-note" />}
        <div className="muted" style={{ marginBottom: 8 }}>
          支付明细（.csv 或 .xlsx）：表头含“日期”“金额”两列（可含“项目名称”或“项目编码”列，只计入本项目）。金额单位按表头（如“金额（元）”）或表上方的“单位：元”读取，未写明按元处理，并换算为本文档的单位（{moneyUnit}）。
        </div>
        <Table<LeafIndicator>
          className="mon-progress-table"
          rowKey={leafKey}
          size="small"
          pagination={false}
          dataSource={assessable}
          scroll={{ x: 640 }}
          locale={{ emptyText: <div className="empty-line">绩效目标中没有填写年度指标值的指标，无需填报指标进度</div> }}
          columns={[
            { title: '指标', key: 'name', render: (_: unknown, l) => <div><div>{l.name}</div><div className="muted" style={{ fontSize: 12 }}>{l.group}</div></div> },
            { title: '年度指标值', dataIndex: 'target', key: 'target', width: 150 },
            {
              title: '截至目前完成',
              key: 'progress',
              width: 200,
              render: (_: unknown, l) => (
                <Input
                  aria-label={`“${l.name}”截至目前完成`}
                  placeholder="如：320批次、96%、已完成"
                  value={progress[leafKey(l)] ?? ''}
                  maxLength={200}
                  onChange={(e) => setProgress((p) => ({ ...p, [leafKey(l)]: e.target.value }))}
                />
              ),
            },
          ]}
        />
        <Form.Item label="情况说明" htmlFor="snapshot-note" style={{ marginTop: 12 }}>
          <Input.TextArea id="snapshot-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} placeholder="执行偏慢或指标落后的原因、下一步措施" />
        </Form.Item>
        <Space>
          <Button type="primary" loading={busy} onClick={submit} data-testid="snapshot-submit">
            {previous ? `重新报送${periodLabel(period)}数据` : `报送${periodLabel(period)}数据`}
          </Button>
          {previous && <span className="muted">该期间已于 {previous.reportedAt.slice(0, 10)} 报送，重新报送将替换原数据</span>}
        </Space>
      </Form>
    </div>
  );
}
