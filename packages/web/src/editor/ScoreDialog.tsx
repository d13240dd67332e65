/**
 * @module 调整得分 (the preparer's override) and 复核 (a reviewer's re-score): a score within the
 * indicator's weight and a reason, always. The computed score and its explanation stay in view.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import { Dec } from '@jixiao/core';
import type { IndicatorNode, ScoredItem } from '@jixiao/core';
import { readDecimal, formatScore } from '../format/numbers.js';

export interface ScoreDialogProps {
  open: boolean;
  mode: 'override' | 'review';
  node: IndicatorNode | undefined;
  item: ScoredItem | undefined;
  busy?: boolean | undefined;
  error?: string | undefined;
  onCancel: () => void;
  onSubmit: (score: string, reason: string) => void;
  /** Removes the preparer's override (override mode only). */
  onClear?: (() => void) | undefined;
}

interface ScoreForm {
  score: string;
  reason: string;
}

/** Checks a typed score against the weight: a number from 0 to the weight. */
export function checkScore(text: string, weight: string | undefined): { ok: true; value: string } | { ok: false; message: string } {
  const d = readDecimal(text);
  if (d === undefined || d === '') return { ok: false, message: '请输入得分（数字）' };
  const v = Dec.parse(d)!;
  if (v.isNegative()) return { ok: false, message: '得分不能为负数' };
  const w = weight ? Dec.parse(weight) : undefined;
  if (w && v.gt(w)) return { ok: false, message: `得分不能超过分值 ${w.toString()}` };
  return { ok: true, value: d };
}

export function ScoreDialog({ open, mode, node, item, busy, error, onCancel, onSubmit, onClear }: ScoreDialogProps) {
  const [form] = Form.useForm<ScoreForm>();
  const [localError, setLocalError] = useState<string | undefined>();
  const current = mode === 'override' ? node?.override : node?.review;

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ score: current?.score ?? (item?.effective ? formatScore(item.effective) : ''), reason: current?.reason ?? '' });
      setLocalError(undefined);
    }
  }, [open, current, item, form]);

  const submit = async () => {
    let v: ScoreForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const checked = checkScore(v.score, node?.weight);
    if (!checked.ok) {
      setLocalError(checked.message);
      return;
    }
    onSubmit(checked.value, v.reason.trim());
  };

  const title = mode === 'override' ? '调整得分' : '复核得分';
  return (
    <Modal
      open={open}
      title={`${title}：${node?.name || '指标'}`}
      onCancel={onCancel}
      destroyOnHidden
      footer={[
        mode === 'override' && node?.override && onClear ? (
          <Button key="clear" onClick={onClear}>
            取消调整，按规则计分
          </Button>
        ) : null,
        <Button key="cancel" onClick={onCancel}>
          取消
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={submit}>
          {mode === 'override' ? '确定调整' : '保存复核分'}
        </Button>,
      ]}
    >
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="分值">{node?.weight ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="规则计算得分">{item?.computed ? formatScore(item.computed) : '无法计算'}</Descriptions.Item>
        <Descriptions.Item label="年度指标值">{node?.target ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="实际完成值">{node?.actual ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="计算说明" span={2}>
          {item?.explanation.text ?? '—'}
        </Descriptions.Item>
      </Descriptions>
      {(error ?? localError) && <Alert type="error" showIcon title={error ?? localError} style={{ marginBottom: 12 }} />}
      <Form<ScoreForm> form={form} layout="vertical">
        <Form.Item label={mode === 'override' ? '调整后得分' : '复核得分'} name="score" rules={[{ required: true, message: '请输入得分' }]}>
          <Input inputMode="decimal" autoFocus />
        </Form.Item>
        <Form.Item
          label={mode === 'override' ? '调整理由' : '复核理由'}
          name="reason"
          rules={[{ required: true, whitespace: true, message: mode === 'override' ? '调整得分必须说明理由' : '复核必须说明理由' }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} placeholder={mode === 'override' ? '如：该指标按季度考核，规则无法自动计算。' : '如：佐证材料不足以证明完成值，扣 2 分。'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
