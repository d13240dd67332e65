/**
 * @module 新建评价 (and 新建绩效目标申报, a variant): title, year, level and project name; creates the draft
 * from the national frame and opens it in the editor.
 */
import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.js';
import { messageOf } from '../../api/errors.js';
import { useUser } from '../../auth/session.js';
import { recentYears } from '../../format/labels.js';
import { newDocument, suggestTitle } from './template.js';

/** What differs between a new self-evaluation and a new goal declaration. */
export interface NewDocumentVariant {
  heading: string;
  yearLabel: string;
  levelLabel: string;
  years: (now: Date) => number[];
  defaultYear: (now: Date) => number;
  title: (year: number, level: 'project' | 'department', name: string) => string;
  /** The new document's stage (default: a self-evaluation). */
  stage?: 'goals' | undefined;
  note?: string | undefined;
}

export const EVALUATION_VARIANT: NewDocumentVariant = {
  heading: '新建绩效自评',
  yearLabel: '评价年度',
  levelLabel: '评价类型',
  years: recentYears,
  defaultYear: (now) => now.getFullYear() - 1,
  title: suggestTitle,
};

interface NewForm {
  year: number;
  level: 'project' | 'department';
  projectName: string;
  title: string;
}

export function NewEvaluationModal({ open, onClose, variant = EVALUATION_VARIANT }: { open: boolean; onClose: () => void; variant?: NewDocumentVariant }) {
  const { user } = useUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewForm>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [titleTouched, setTitleTouched] = useState(false);
  const year = Form.useWatch('year', form);
  const level = Form.useWatch('level', form);
  const projectName = Form.useWatch('projectName', form);

  const suggested = (y: number, l: 'project' | 'department', name: string | undefined) => variant.title(y, l, l === 'department' ? (user.orgName ?? '') : (name ?? ''));

  useEffect(() => {
    if (!titleTouched && year && level) form.setFieldValue('title', suggested(year, level, projectName));
  }, [year, level, projectName, titleTouched, form, user.orgName, variant]);

  const submit = async () => {
    // The suggested title follows the fields as they are now, even if the effect above has not run yet.
    if (!titleTouched) {
      const { year: y, level: l, projectName: n } = form.getFieldsValue();
      if (y && l) form.setFieldValue('title', suggested(y, l, n));
    }
    let v: NewForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const doc = newDocument({ title: v.title, year: v.year, level: v.level, organisation: user.orgName ?? '', projectName: v.projectName });
      if (variant.stage) doc.header.stage = variant.stage;
      const created = await api.createEvaluation(doc);
      onClose();
      navigate(`/evaluations/${created.data.id}`);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={variant.heading} open={open} onCancel={onClose} onOk={submit} okText="创建并填写" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<NewForm>
        form={form}
        layout="vertical"
        initialValues={{ year: variant.defaultYear(new Date()), level: 'project', projectName: '', title: '' }}
        onValuesChange={(changed: Partial<NewForm>) => {
          if ('title' in changed) setTitleTouched(true);
        }}
      >
        <Form.Item label={variant.yearLabel} name="year" rules={[{ required: true, message: '请选择年度' }]}>
          <Select options={variant.years(new Date()).map((y) => ({ value: y, label: `${y}年` }))} aria-label={variant.yearLabel} />
        </Form.Item>
        <Form.Item label={variant.levelLabel} name="level">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'project', label: '项目支出' },
              { value: 'department', label: '部门整体支出' },
            ]}
          />
        </Form.Item>
        {level !== 'department' && (
          <Form.Item label="项目名称" name="projectName" rules={[{ required: level === 'project', whitespace: true, message: '请输入项目名称' }]}>
            <Input placeholder="如：质量监督专项" maxLength={200} />
          </Form.Item>
        )}
        <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="muted">
          单位：{user.orgName ?? '（未设置）'}
          {variant.note ? `。${variant.note}` : ''}
        </div>
      </Form>
    </Modal>
  );
}
