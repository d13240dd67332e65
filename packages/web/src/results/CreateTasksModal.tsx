/** @module The dialog a reviewer or the finance office uses to open rectification tasks (整改) on an evaluation. */
import { useState } from 'react';
import { App as AntApp, Checkbox, DatePicker, Form, Input, Modal, TreeSelect, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { messageOf } from '../api/errors.js';
import type { OrgTreeNode } from '../common/orgs.js';
import { createTasks } from './api.js';
import { parseItems, SEVERITY_OPTIONS } from './labels.js';
import type { ResultsItem, Severity } from './types.js';

interface Values {
  severities: Severity[];
  items: string;
  ownerOrgId: string;
  deadline?: Dayjs | null;
}

export function CreateTasksModal({ item, tree, onClose, onCreated }: { item: ResultsItem; tree: OrgTreeNode[]; onClose: () => void; onCreated: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const counts = item.findingCounts;

  const submit = async () => {
    const v = await form.validateFields();
    const items = parseItems(v.items ?? '');
    if (v.severities.length === 0 && items.length === 0) {
      form.setFields([{ name: 'items', errors: ['请选择问题级别或填写整改事项'] }]);
      return;
    }
    setSaving(true);
    try {
      const r = await createTasks({
        evaluationId: item.id,
        ...(v.severities.length > 0 ? { severities: v.severities } : {}),
        ...(items.length > 0 ? { items } : {}),
        ownerOrgId: v.ownerOrgId,
        ...(v.deadline ? { deadline: v.deadline.format('YYYY-MM-DD') } : {}),
      });
      void message.success(r.skipped > 0 ? `已下达${r.items.length}项整改任务，${r.skipped}项已有任务未重复下达` : `已下达${r.items.length}项整改任务`);
      onCreated();
    } catch (err) {
      void message.error(`下达失败：${messageOf(err)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`下达整改任务：${item.name ?? item.title}`}
      okText="下达"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'tasks-submit' } as Record<string, string>}
      data-testid="tasks-modal"
    >
      <Typography.Paragraph type="secondary">
        审核发现错误{counts.error}项、警告{counts.warning}项、提示{counts.info}项。按所选级别为每个问题生成一项整改任务，已有任务的问题不会重复下达。
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={{ severities: counts.error > 0 ? ['error'] : [], items: '', ownerOrgId: item.orgId, deadline: null }}>
        <Form.Item name="severities" label="按审核问题级别生成">
          <Checkbox.Group aria-label="审核问题级别" data-testid="tasks-severities" options={SEVERITY_OPTIONS.map((o) => ({ value: o.value, label: `${o.label}（${counts[o.value]}）` }))} />
        </Form.Item>
        <Form.Item name="items" label="其他整改事项" extra="每行一项，格式“位置：问题”，如“资金管理：补充资金拨付凭证”。">
          <Input.TextArea aria-label="其他整改事项" data-testid="tasks-items" rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="ownerOrgId" label="整改责任单位" rules={[{ required: true, message: '请选择整改责任单位' }]}>
          <TreeSelect aria-label="整改责任单位" data-testid="tasks-owner" treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="deadline" label="整改期限" extra="不填则按评分规则的整改期限（默认60天）。">
          <DatePicker aria-label="整改期限" data-testid="tasks-deadline" style={{ width: '100%' }} placeholder="默认按规则" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
