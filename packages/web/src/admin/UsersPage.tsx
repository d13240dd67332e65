/** @module 用户管理 (administrator): accounts, roles, organisations, e-mail for reminders, disabling, unlocking, one-time passwords. */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { Role, User } from '../api/types.js';
import { orgTree } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { ROLE_LABELS } from '../format/labels.js';

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  email?: string | undefined;
}

/** What the server accepts as an e-mail address (empty: none). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default function UsersPage() {
  const { message, modal } = App.useApp();
  const users = useAsync(() => api.users(), []);
  const orgs = useAsync(() => api.orgs(), []);
  const tree = useMemo(() => orgTree(orgs.data ?? []), [orgs.data]);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewUser>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const showPassword = (name: string, password: string) =>
    modal.info({
      title: `${name} 的一次性密码`,
      content: (
        <div>
          <Typography.Paragraph copyable={{ text: password }} className="one-time-password">
            {password}
          </Typography.Paragraph>
          <div className="muted">只显示这一次。请告知用户，首次登录后须修改密码。</div>
        </div>
      ),
      okText: '我已记下',
    });

  const create = async () => {
    let v: NewUser;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.createUser({ ...v, email: v.email?.trim() || undefined });
      setCreating(false);
      form.resetFields();
      users.reload();
      if (r.oneTimePassword) showPassword(r.user.displayName, r.oneTimePassword);
      else message.success('已创建');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const patch = async (u: User, p: Parameters<typeof api.updateUser>[1], done: string) => {
    try {
      await api.updateUser(u.id, p);
      message.success(done);
      users.reload();
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  const [emailFor, setEmailFor] = useState<User | undefined>();
  const [emailText, setEmailText] = useState('');
  const editEmail = (u: User) => {
    setEmailText(u.email ?? '');
    setEmailFor(u);
  };
  const emailProblem = emailText.trim() !== '' && !EMAIL.test(emailText.trim()) ? '邮箱格式不正确，如 zhangwei@example.gov.cn' : undefined;
  const saveEmail = async () => {
    if (!emailFor || emailProblem) return;
    const next = emailText.trim() === '' ? null : emailText.trim();
    await patch(emailFor, { email: next }, next ? '邮箱已保存' : '邮箱已清除');
    setEmailFor(undefined);
  };

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username', key: 'username', width: 120 },
    { title: '姓名', dataIndex: 'displayName', key: 'displayName', width: 120 },
    { title: '角色', dataIndex: 'role', key: 'role', width: 130, render: (r: string) => ROLE_LABELS[r] ?? r },
    { title: '所属单位', dataIndex: 'orgName', key: 'orgName', ellipsis: true },
    { title: '电子邮箱', dataIndex: 'email', key: 'email', width: 190, ellipsis: true, render: (e: string | null) => e ?? <span className="muted">未设置</span> },
    {
      title: '状态',
      key: 'state',
      width: 160,
      render: (_: unknown, u) => (
        <Space size={2} wrap>
          {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
          {u.locked && <Tag color="red">已锁定至 {formatDateTime(u.lockedUntil)}</Tag>}
          {u.mustChangePassword && <Tag color="orange">待改密码</Tag>}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 240,
      render: (_: unknown, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => void patch(u, { disabled: !u.disabled }, u.disabled ? '已启用' : '已停用')}>
            {u.disabled ? '启用' : '停用'}
          </Button>
          {u.locked && (
            <Button type="link" size="small" onClick={() => void patch(u, { unlock: true }, '已解除锁定')}>
              解除锁定
            </Button>
          )}
          <Button type="link" size="small" onClick={() => editEmail(u)}>
            邮箱
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() =>
              modal.confirm({
                title: `重置 ${u.displayName} 的密码？`,
                content: '将生成一次性密码，并结束该用户所有已登录的会话。',
                okText: '重置',
                cancelText: '取消',
                onOk: async () => {
                  try {
                    showPassword(u.displayName, await api.resetPassword(u.id));
                  } catch (err) {
                    message.error(messageOf(err));
                  }
                },
              })
            }
          >
            重置密码
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="page">
      <PageHeader
        title="用户"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        }
      />
      {users.error !== undefined && <Alert type="error" showIcon title={messageOf(users.error)} style={{ marginBottom: 12 }} />}
      <Table<User> rowKey="id" size="middle" loading={users.loading} dataSource={users.data?.items ?? []} columns={columns} pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 人` }} scroll={{ x: 900 }} />
      <Modal open={creating} title="新建用户" onCancel={() => setCreating(false)} onOk={create} okText="创建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form<NewUser> form={form} layout="vertical" initialValues={{ role: 'preparer' }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }, { pattern: /^[a-z0-9._-]{2,64}$/i, message: '字母、数字、点、下划线或连字符，2 至 64 个字符' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="角色" name="role">
            <Select options={Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="所属单位" name="orgId" rules={[{ required: true, message: '请选择所属单位' }]}>
            <TreeSelect treeData={tree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择单位" />
          </Form.Item>
          <Form.Item label="电子邮箱（选填，用于到期提醒）" name="email" rules={[{ pattern: EMAIL, message: '邮箱格式不正确，如 zhangwei@example.gov.cn' }]}>
            <Input autoComplete="off" inputMode="email" />
          </Form.Item>
          <div className="muted">创建后系统生成一次性密码，用户首次登录须修改。</div>
        </Form>
      </Modal>
      <Modal open={emailFor !== undefined} title={`${emailFor?.displayName ?? ''} 的电子邮箱`} onCancel={() => setEmailFor(undefined)} onOk={() => void saveEmail()} okText="保存" cancelText="取消" okButtonProps={{ disabled: emailProblem !== undefined }} destroyOnHidden>
        <Input aria-label="电子邮箱" value={emailText} onChange={(e) => setEmailText(e.target.value)} placeholder="留空则不发送邮件提醒" status={emailProblem ? 'error' : undefined} inputMode="email" />
        {emailProblem && <Typography.Text type="danger" role="alert">{emailProblem}</Typography.Text>}
        <div className="muted" style={{ marginTop: 8 }}>
          监控预警和整改任务到期时，服务器配置了邮件服务（SMTP）才会发送提醒邮件。
        </div>
      </Modal>
    </div>
  );
}
