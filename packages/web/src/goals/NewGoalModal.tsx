/** @module 新建绩效目标申报: year, level and project name; creates a goals-stage draft from the national frame and opens it in the editor. */
import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { useUser } from '../auth/session.js';
import { newDocument } from '../evaluations/new/template.js';
import { goalTitle } from './derived.js';

interface NewGoalForm {
  year: number;
  level: 'project' | 'department';
  projectName: string;
  title: string;
}

/** The years a declaration may be for: next year back five years. */
export function goalYears(now: Date): number[] {
  const y = now.getFullYear() + 1;
  return Array.from({ length: 6 }, (_, i) => y - i);
}

export function NewGoalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { user } = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewGoalForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [titleTouched, setTitleTouched] = useState(false);

  const suggest = () => {
    if (titleTouched) return;
    const v = form.getFieldsValue();
    if (v.year && v.level) form.setFieldValue('title', goalTitle(v.year, v.level, v.level === 'department' ? (user.orgName ?? '') : (v.projectName ?? '')));
  };

  const submit = async () => {
    suggest();
    let v: NewGoalForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const doc = newDocument({ title: v.title, year: v.year, level: v.level, organisation: user.orgName ?? '', projectName: v.projectName });
      doc.header.stage = 'goals';
      const created = await api.createEvaluation(doc);
      onClose();
      navigate(`/evaluations/${created.data.id}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const year = new Date().getFullYear() + 1;
  return (
    <Modal title="新建绩效目标申报" open={open} onCancel={onClose} onOk={submit} okText="创建并填写" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<NewGoalForm>
        form={form}
        layout="vertical"
        initialValues={{ year, level: 'project', projectName: '', title: goalTitle(year, 'project', '') }}
        onValuesChange={(changed: Partial<NewGoalForm>) => {
          if ('title' in changed) setTitleTouched(true);
          else suggest();
        }}
      >
        <Form.Item label="预算年度" name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={goalYears(new Date()).map((y) => ({ value: y, label: `${y}年` }))} aria-label="预算年度" />
        </Form.Item>
        <Form.Item label="申报类型" name="level">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'project', label: '项目支出' },
              { value: 'department', label: '部门整体支出' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a: NewGoalForm, b: NewGoalForm) => a.level !== b.level}>
          {({ getFieldValue }) =>
            getFieldValue('level') !== 'department' && (
              <Form.Item label="项目名称" name="projectName" rules={[{ required: true, whitespace: true, message: '请输入项目名称' }]}>
                <Input placeholder="如：质量监督专项" maxLength={200} />
              </Form.Item>
            )
          }
        </Form.Item>
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="muted">单位：{user.orgName ?? '（未设置）'}。创建后在编辑器中填写总体目标、绩效指标和年度指标值，提交主管部门审核。</div>
      </Form>
    </Modal>
  );
}
