/** @module A warning case (监控预警): its reasons and deadline, the unit's answer and the reviewer's decision, with the buttons each role may use. */
import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Descriptions, Input, Modal, Radio, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { MONITORING_REASONS, REVIEW_DECISION_ZH, UNIT_CHOICE_ZH } from '@jixiao/core';
import { messageOf } from '../api/errors.js';
import { formatDateTime } from '../format/dates.js';
import { respondToCase, reviewCase } from './api.js';
import { periodLabel } from './periods.js';
import type { CaseView } from './types.js';

const STATUS_COLORS: Record<string, string> = { 'awaiting-unit': 'processing', 'due-soon': 'warning', overdue: 'error', 'awaiting-review': 'purple', closed: 'success' };

type Choice = keyof typeof UNIT_CHOICE_ZH;
type Decision = keyof typeof REVIEW_DECISION_ZH;

export function CaseCard({ view, canRespond, canReview, onChanged }: { view: CaseView; canRespond: boolean; canReview: boolean; onChanged: () => void }) {
  const { message } = AntApp.useApp();
  const c = view.case;
  const [mode, setMode] = useState<'respond' | 'review' | undefined>();
  const [choice, setChoice] = useState<Choice>('continue');
  const [decision, setDecision] = useState<Decision>('continue');
  const [reason, setReason] = useState('');
  const [correctBy, setCorrectBy] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const mayRespond = canRespond && !c.unitResponse && !c.review;
  const mayReview = canReview && !c.review && (c.unitResponse !== undefined || view.status === 'overdue');

  const submit = async () => {
    if (reason.trim() === '') {
      void message.warning('请写明理由');
      return;
    }
    setBusy(true);
    try {
      if (mode === 'respond') await respondToCase(view.id, { choice, reason: reason.trim() });
      else await reviewCase(view.id, { decision, reason: reason.trim(), ...(decision === 'correct' && correctBy ? { correctBy } : {}) });
      void message.success(mode === 'respond' ? '已提交单位答复' : '已提交审核意见');
      setMode(undefined);
      onChanged();
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const open = (m: 'respond' | 'review') => {
    setReason('');
    setCorrectBy(undefined);
    setMode(m);
  };

  return (
    <div className="mon-case" data-testid="monitoring-case" data-status={view.status}>
      <Space wrap size={[8, 4]}>
        <b>{periodLabel(view.period)}预警</b>
        <Tag color={STATUS_COLORS[view.status] ?? 'default'}>{view.label}</Tag>
        <span className="muted">
          {view.issuedAt} 发出，答复期限 {view.due}
          {view.workingDaysLeft !== undefined && view.status !== 'closed' && view.status !== 'awaiting-review' ? (view.workingDaysLeft >= 0 ? `（还剩 ${view.workingDaysLeft} 个工作日）` : `（已逾期 ${-view.workingDaysLeft} 个工作日）`) : ''}
          {view.late ? '（逾期答复）' : ''}
        </span>
      </Space>
      <ul className="mon-reasons" style={{ marginTop: 4 }}>
        {c.codes.map((code) => (
          <li key={code}>{MONITORING_REASONS[code]?.title ?? code}</li>
        ))}
      </ul>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
        <Descriptions.Item label="单位答复">
          {c.unitResponse ? (
            <span>
              <Tag>{UNIT_CHOICE_ZH[c.unitResponse.choice]}</Tag>
              {c.unitResponse.reason} <span className="muted">（{formatDateTime(c.unitResponse.at)}）</span>
            </span>
          ) : (
            <span className="muted">尚未答复</span>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="审核意见">
          {c.review ? (
            <span>
              <Tag color={c.review.decision === 'suspend' ? 'red' : c.review.decision === 'correct' ? 'orange' : 'green'}>{REVIEW_DECISION_ZH[c.review.decision]}</Tag>
              {c.review.reason}
              {c.review.correctBy ? `（纠偏期限 ${c.review.correctBy}）` : ''} <span className="muted">（{formatDateTime(c.review.at)}）</span>
            </span>
          ) : (
            <span className="muted">尚未审核</span>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {mayRespond && (
          <Button type="primary" size="small" onClick={() => open('respond')} data-testid="case-respond">
            答复预警
          </Button>
        )}
        {mayReview && (
          <Button type="primary" size="small" onClick={() => open('review')} data-testid="case-review">
            审核处理
          </Button>
        )}
      </Space>
      <Modal
        title={`${mode === 'respond' ? '答复' : '审核'}${periodLabel(view.period)}监控预警`}
        open={mode !== undefined}
        onCancel={() => setMode(undefined)}
        onOk={submit}
        okText="提交"
        cancelText="取消"
        confirmLoading={busy}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <div className="muted">
            {c.codes.map((code) => MONITORING_REASONS[code]?.title ?? code).join('；')}
            {mode === 'respond' ? `。请在 ${view.due} 前答复。` : c.unitResponse ? `。单位意见：${UNIT_CHOICE_ZH[c.unitResponse.choice]}，${c.unitResponse.reason}` : '。单位逾期未答复。'}
          </div>
          <span className="field-label">{mode === 'respond' ? '处理意见' : '审核意见'}</span>
          {mode === 'respond' ? (
            <Radio.Group aria-label="处理意见" value={choice} onChange={(e) => setChoice(e.target.value as Choice)} options={Object.entries(UNIT_CHOICE_ZH).map(([value, label]) => ({ value, label }))} />
          ) : (
            <Radio.Group aria-label="审核意见" value={decision} onChange={(e) => setDecision(e.target.value as Decision)} options={Object.entries(REVIEW_DECISION_ZH).map(([value, label]) => ({ value, label }))} />
          )}
          {mode === 'review' && decision === 'correct' && (
            <div>
              <label className="field-label" htmlFor="case-correct-by">
                纠偏期限
              </label>
              <DatePicker id="case-correct-by" aria-label="纠偏期限" value={correctBy ? dayjs(correctBy) : null} onChange={(d) => setCorrectBy(d ? d.format('YYYY-MM-DD') : undefined)} />
            </div>
          )}
          <label className="field-label" htmlFor="case-reason">
            理由（必填）
          </label>
          <Input.TextArea id="case-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={mode === 'respond' ? '如：第三季度集中支付，预计9月底执行率达到60%' : '审核意见和要求'} />
        </Space>
      </Modal>
    </div>
  );
}
