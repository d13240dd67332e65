/**
 * @module 整改任务 (/results/tasks): rectification tasks in scope. The owner unit starts them and attaches
 * evidence (a new file, an evidence file of the evaluation or a written note); a reviewer of the department or the
 * finance office closes them (only with evidence), reopens them with a reason or reassigns them.
 * Overdue tasks are shown in red; `?task=` highlights one, `?evaluation=` keeps one evaluation's tasks.
 */
import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Space, Switch, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import { orgTree } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { SEVERITY_COLORS, SEVERITY_LABELS } from '../format/labels.js';
import { addTaskEvidence, closeTask, reassignTask, reopenTask, startTask, tasks, uploadTaskEvidence } from './api.js';
import { deadlineNote, EVENT_LABELS, TASK_STATUS_COLORS, TASK_STATUS_LABELS } from './labels.js';
import type { Task, TaskFilters, TaskStatus } from './types.js';
import './results.css';

type StatusFilter = 'all' | TaskStatus;
type Dialog = { kind: 'evidence' | 'close' | 'reopen' | 'reassign'; task: Task } | undefined;

function readFilters(p: URLSearchParams): TaskFilters {
  const status = p.get('status');
  return {
    evaluation: p.get('evaluation') ?? undefined,
    status: status === 'open' || status === 'in-progress' || status === 'closed' ? status : undefined,
    overdue: p.get('overdue') === 'true' ? true : undefined,
  };
}

function EvidenceDialog({ task, onDone, onClose }: { task: Task; onDone: (t: Task) => void; onClose: () => void }) {
  const { message } = AntApp.useApp();
  // The evaluation's files are offered only to who may open the evaluation.
  const files = useAsync(() => (task.evaluationReadable ? api.evidence(task.evaluationId) : Promise.resolve([])), [task.evaluationId, task.evaluationReadable]);
  const [form] = Form.useForm<{ evidenceId?: string; note?: string }>();
  const [saving, setSaving] = useState(false);
  const [upload, setUpload] = useState<File | undefined>();
  const submit = async () => {
    const v = await form.validateFields();
    if (!upload && !v.evidenceId && !v.note?.trim()) {
      form.setFields([{ name: 'note', errors: ['请上传文件、选择佐证材料或填写整改说明'] }]);
      return;
    }
    setSaving(true);
    try {
      const note = v.note?.trim() || undefined;
      onDone(upload ? await uploadTaskEvidence(task.id, upload, note) : await addTaskEvidence(task.id, { evidenceId: v.evidenceId || undefined, note }));
      void message.success('已提交整改佐证');
    } catch (err) {
      void message.error(`提交失败：${messageOf(err)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="提交整改佐证" okText="提交" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'evidence-submit' } as Record<string, string>}>
      <Typography.Paragraph type="secondary">上传整改佐证文件，或选择该评价文档已上传的佐证材料，并填写整改情况说明。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item label="上传新文件" htmlFor="task-evidence-upload" extra="PDF、图片、Word、Excel、OFD 等，单个文件不超过服务器设定的上限。">
          <input
            id="task-evidence-upload"
            type="file"
            aria-label="上传新的佐证文件"
            data-testid="evidence-upload"
            accept=".pdf,.png,.jpg,.jpeg,.docx,.doc,.xlsx,.xls,.ofd,.zip,.txt,.csv"
            onChange={(e) => setUpload(e.target.files?.[0])}
          />
        </Form.Item>
        {task.evaluationReadable && (
          <Form.Item name="evidenceId" label="或选择已上传的佐证材料">
            <Select
              aria-label="佐证材料"
              data-testid="evidence-file"
              allowClear
              loading={files.loading}
              placeholder={files.data && files.data.length === 0 ? '该评价文档尚无佐证材料' : '选择已上传的佐证材料'}
              options={(files.data ?? []).map((f) => ({ value: f.id, label: f.fileName }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="整改情况说明">
          <Input.TextArea aria-label="整改情况说明" data-testid="evidence-note" rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TextDialog({ title, label, testId, required, onSubmit, onClose }: { title: string; label: string; testId: string; required: boolean; onSubmit: (text: string) => Promise<void>; onClose: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await onSubmit(v.text?.trim() ?? '');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={title} okText="确定" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': `${testId}-submit` } as Record<string, string>}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}>
          <Input.TextArea aria-label={label} data-testid={testId} rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReassignDialog({ task, onDone, onClose }: { task: Task; onDone: (t: Task) => void; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => orgTree(orgs.data ?? []), [orgs.data]);
  const [form] = Form.useForm<{ ownerOrgId: string; deadline: Dayjs | null; note?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    const deadline = v.deadline ? v.deadline.format('YYYY-MM-DD') : undefined;
    if (v.ownerOrgId === task.ownerOrgId && deadline === task.deadline) {
      onClose();
      return;
    }
    setSaving(true);
    try {
      onDone(await reassignTask(task.id, { ...(v.ownerOrgId !== task.ownerOrgId ? { ownerOrgId: v.ownerOrgId } : {}), ...(deadline !== task.deadline ? { deadline } : {}), note: v.note?.trim() || undefined }));
      void message.success('已改派');
    } catch (err) {
      void message.error(`改派失败：${messageOf(err)}`);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="改派整改任务" okText="改派" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden okButtonProps={{ 'data-testid': 'reassign-submit' } as Record<string, string>}>
      <Form form={form} layout="vertical" initialValues={{ ownerOrgId: task.ownerOrgId, deadline: dayjs(task.deadline) }}>
        <Form.Item name="ownerOrgId" label="整改责任单位" rules={[{ required: true, message: '请选择整改责任单位' }]}>
          <TreeSelect aria-label="整改责任单位" data-testid="reassign-owner" treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
        </Form.Item>
        <Form.Item name="deadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker aria-label="整改期限" data-testid="reassign-deadline" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input aria-label="改派说明" data-testid="reassign-note" maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TasksPage() {
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  const highlight = params.get('task') ?? undefined;
  const list = useAsync((signal) => tasks(filters, signal), [filters.evaluation, filters.status, filters.overdue]);
  const [dialog, setDialog] = useState<Dialog>();
  const [busy, setBusy] = useState<string | undefined>();

  const update = (patch: Partial<TaskFilters>) => {
    const next = { ...filters, ...patch };
    const p = new URLSearchParams();
    if (next.evaluation) p.set('evaluation', next.evaluation);
    if (next.status) p.set('status', next.status);
    if (next.overdue) p.set('overdue', 'true');
    setParams(p);
  };

  const done = (t: Task, text?: string) => {
    setDialog(undefined);
    if (text) void message.success(text);
    list.reload();
    return t;
  };

  const start = async (t: Task) => {
    setBusy(t.id);
    try {
      done(await startTask(t.id), '已开始整改');
    } catch (err) {
      void message.error(`操作失败：${messageOf(err)}`);
    } finally {
      setBusy(undefined);
    }
  };

  const counts = list.data?.counts ?? { open: 0, inProgress: 0, closed: 0, overdue: 0 };
  const status: StatusFilter = filters.status ?? 'all';

  const columns: TableProps<Task>['columns'] = [
    {
      title: '整改事项',
      key: 'what',
      render: (_: unknown, t) => (
        <div>
          <div>
            {t.severity && <Tag color={SEVERITY_COLORS[t.severity]}>{SEVERITY_LABELS[t.severity]}</Tag>}
            <strong>{t.location}</strong>
          </div>
          {t.message && <div>{t.message}</div>}
          <div className="muted results-sub">{t.findingCode === 'REVIEW' ? '审核意见' : t.findingCode}</div>
        </div>
      ),
    },
    {
      title: '评价文档',
      key: 'evaluation',
      width: 200,
      render: (_: unknown, t) => (
        <div>
          {t.evaluationReadable ? <Link to={`/evaluations/${t.evaluationId}`}>{t.evaluationTitle}</Link> : <span>{t.evaluationTitle}</span>}
          <div className="muted results-sub">{t.orgName}</div>
        </div>
      ),
    },
    { title: '责任单位', key: 'owner', width: 150, render: (_: unknown, t) => <span>{t.ownerOrgName}{t.ownerUserName && <div className="muted results-sub">{t.ownerUserName}</div>}</span> },
    {
      title: '期限',
      key: 'deadline',
      width: 130,
      render: (_: unknown, t) => (
        <div className={t.overdue ? 'task-overdue' : undefined} data-testid={t.overdue ? 'task-overdue' : undefined}>
          <span className="num">{t.deadline}</span>
          <div className="results-sub">{deadlineNote(t)}</div>
        </div>
      ),
    },
    { title: '状态', key: 'status', width: 90, render: (_: unknown, t) => <Tag color={TASK_STATUS_COLORS[t.status]} data-testid="task-status">{TASK_STATUS_LABELS[t.status]}</Tag> },
    {
      title: '佐证与记录',
      key: 'evidence',
      width: 220,
      render: (_: unknown, t) => (
        <div>
          {t.evidence.length === 0 ? (
            <span className="muted">尚无佐证</span>
          ) : (
            <ul className="task-history">
              {t.evidence.map((e) => (
                <li key={e.id}>{e.ref && t.evaluationReadable ? <a href={e.ref}>{e.name}</a> : e.name}</li>
              ))}
            </ul>
          )}
          {t.history.length > 1 && (
            <details>
              <summary className="muted results-sub">办理记录（{t.history.length}）</summary>
              <ul className="task-history">
                {t.history.map((h, i) => (
                  <li key={i}>
                    {h.at.slice(0, 10)} {EVENT_LABELS[h.action] ?? h.action}
                    {h.note ? `：${h.note}` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 180,
      render: (_: unknown, t) => (
        <Space wrap size={4}>
          {t.actions.includes('start') && (
            <Button size="small" type="primary" loading={busy === t.id} onClick={() => void start(t)} data-testid="task-start">
              开始整改
            </Button>
          )}
          {t.actions.includes('evidence') && (
            <Button size="small" onClick={() => setDialog({ kind: 'evidence', task: t })} data-testid="task-evidence">
              提交佐证
            </Button>
          )}
          {t.actions.includes('close') && (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'close', task: t })} data-testid="task-close">
              办结
            </Button>
          )}
          {t.actions.includes('reopen') && (
            <Button size="small" danger onClick={() => setDialog({ kind: 'reopen', task: t })} data-testid="task-reopen">
              重新打开
            </Button>
          )}
          {t.actions.includes('reassign') && (
            <Button size="small" onClick={() => setDialog({ kind: 'reassign', task: t })} data-testid="task-reassign">
              改派
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="page" data-testid="tasks-page">
      <PageHeader
        title="整改任务"
        sub={list.data ? `截至${list.data.today}：待整改${counts.open}项，整改中${counts.inProgress}项，已完成${counts.closed}项，逾期${counts.overdue}项` : '审核发现问题的整改：责任单位整改并提交佐证，主管部门审核人办结'}
        extra={
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
        }
      />
      <Card size="small" className="filters" role="search" aria-label="筛选整改任务">
        <Space wrap size={[12, 8]}>
          <Segmented<StatusFilter>
            aria-label="按状态筛选"
            data-testid="tasks-status-filter"
            value={status}
            onChange={(v) => update({ status: v === 'all' ? undefined : v })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'open', label: '待整改' },
              { value: 'in-progress', label: '整改中' },
              { value: 'closed', label: '已完成' },
            ]}
          />
          <Space size={6}>
            <Switch aria-label="只看逾期" data-testid="tasks-overdue-filter" checked={filters.overdue === true} onChange={(v) => update({ overdue: v ? true : undefined })} />
            <span>只看逾期</span>
          </Space>
          {filters.evaluation && (
            <Tag closable onClose={() => update({ evaluation: undefined })}>
              仅显示一份评价文档的任务
            </Tag>
          )}
        </Space>
      </Card>
      {list.error !== undefined && <Alert type="error" showIcon title={`整改任务读取失败：${messageOf(list.error)}`} action={<Button size="small" onClick={list.reload}>重试</Button>} style={{ marginBottom: 12 }} />}
      <Table<Task>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        rowClassName={(t) => (t.id === highlight ? 'task-row-highlight' : '')}
        onRow={(t) => ({ 'data-testid': 'task-row', 'data-id': t.id }) as React.HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '没有整改任务' }}
        data-testid="tasks-table"
      />
      {dialog?.kind === 'evidence' && <EvidenceDialog task={dialog.task} onClose={() => setDialog(undefined)} onDone={(t) => done(t)} />}
      {dialog?.kind === 'reassign' && <ReassignDialog task={dialog.task} onClose={() => setDialog(undefined)} onDone={(t) => done(t)} />}
      {dialog?.kind === 'close' && (
        <TextDialog
          title="办结整改任务"
          label="办结意见"
          testId="close-note"
          required={false}
          onClose={() => setDialog(undefined)}
          onSubmit={async (text) => {
            try {
              done(await closeTask(dialog.task.id, text || undefined), '已办结');
            } catch (err) {
              void message.error(`办结失败：${messageOf(err)}`);
            }
          }}
        />
      )}
      {dialog?.kind === 'reopen' && (
        <TextDialog
          title="重新打开整改任务"
          label="重新打开的原因"
          testId="reopen-reason"
          required
          onClose={() => setDialog(undefined)}
          onSubmit={async (text) => {
            try {
              done(await reopenTask(dialog.task.id, text), '已重新打开');
            } catch (err) {
              void message.error(`操作失败：${messageOf(err)}`);
            }
          }}
        />
      )}
    </div>
  );
}
