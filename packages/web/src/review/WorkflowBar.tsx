/**
 * @module The workflow buttons a user may press now (提交, 审核通过, 退回, 复核通过, 公开), with the
 * reason a return needs and a confirmation for the rest.
 */
import { useState } from 'react';
import { Alert, Button, Input, Modal, Space } from 'antd';
import type { WorkflowAction } from '@jixiao/core';
import { ACTION_LABELS } from '../format/labels.js';

const CONFIRM: Readonly<Record<WorkflowAction, string>> = {
  submit: '提交后将交主管部门审核，审核期间不能修改。确定提交吗？',
  approve: '确认审核通过，并交财政部门复核？',
  return: '',
  recheck: '确认复核通过？通过后可以公开。',
  publish: '公开后，任何人都可以在公开平台查看这份评价（不含佐证材料和批注）。确定公开吗？',
};

export interface WorkflowBarProps {
  actions: readonly WorkflowAction[];
  busy: WorkflowAction | undefined;
  onAct: (action: WorkflowAction, reason?: string) => Promise<boolean>;
  /** Open findings of severity error: a submit with errors asks once more. */
  errors: number;
}

export function WorkflowBar({ actions, busy, onAct, errors }: WorkflowBarProps) {
  const [asking, setAsking] = useState<WorkflowAction | undefined>();
  const [reason, setReason] = useState('');
  if (actions.length === 0) return null;

  const order: WorkflowAction[] = ['submit', 'approve', 'recheck', 'publish', 'return'];
  const sorted = order.filter((a) => actions.includes(a));

  return (
    <>
      <Space wrap>
        {sorted.map((a) => (
          <Button
            key={a}
            type={a === 'return' ? 'default' : 'primary'}
            danger={a === 'return'}
            loading={busy === a}
            disabled={busy !== undefined && busy !== a}
            onClick={() => {
              setReason('');
              setAsking(a);
            }}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </Space>
      <Modal
        open={asking !== undefined}
        title={asking ? (asking === 'return' ? '退回修改' : ACTION_LABELS[asking]) : ''}
        okText={asking === 'return' ? '退回' : asking ? `确定${ACTION_LABELS[asking]}` : '确定'}
        okButtonProps={{ danger: asking === 'return', disabled: asking === 'return' && !reason.trim() }}
        cancelText="取消"
        confirmLoading={busy !== undefined}
        onCancel={() => setAsking(undefined)}
        onOk={async () => {
          if (!asking) return;
          const ok = await onAct(asking, asking === 'return' ? reason.trim() : undefined);
          if (ok) setAsking(undefined);
        }}
        destroyOnHidden
      >
        {asking === 'return' ? (
          <>
            <label htmlFor="return-reason" className="field-label">
              退回原因（填报人将看到）
            </label>
            <Input.TextArea
              id="return-reason"
              autoFocus
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 10 }}
              maxLength={5000}
              placeholder="如：满意度指标实际完成值填写了表达式，请填写调查结果并上传问卷汇总表。"
            />
          </>
        ) : (
          <>
            {asking === 'submit' && errors > 0 && (
              <Alert type="warning" showIcon title={`审核发现还有 ${errors} 个错误。`} description="建议先修改再提交；也可以说明情况后提交，审核人会看到这些问题。" style={{ marginBottom: 12 }} />
            )}
            <p>{asking ? CONFIRM[asking] : ''}</p>
          </>
        )}
      </Modal>
    </>
  );
}
