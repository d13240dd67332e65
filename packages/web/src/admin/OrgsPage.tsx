/** @module 组织机构: the region's tree (财政局 → 主管部门 → 单位); the administrator adds departments and units. */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { Org } from '../api/types.js';
import { useUser } from '../auth/session.js';
import { orgTree } from '../common/orgs.js';
import type { OrgTreeNode } from '../common/orgs.js';
import { PageHeader } from '../common/PageHeader.js';
import { useAsync } from '../common/useAsync.js';

const KIND_COLORS: Record<Org['kind'], string> = { bureau: 'purple', department: 'blue', unit: 'default' };

export default function OrgsPage() {
  const { user } = useUser();
  const { message } = App.useApp();
  const orgs = useAsync(() => api.orgs(), []);
  const [parent, setParent] = useState<Org | undefined>();
  const [form] = Form.useForm<{ name: string; code?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const isAdmin = user.role === 'admin';
  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data]);

  const toTree = (nodes: OrgTreeNode[]): TreeDataNode[] =>
    nodes.map((n) => {
      const o = byId.get(n.value)!;
      return {
        key: n.key,
        title: (
          <span className="org-node">
            <Tag color={KIND_COLORS[o.kind]}>{o.kindLabel}</Tag>
            {o.name}
            {o.code && <span className="muted"> （{o.code}）</span>}
            {isAdmin && o.kind !== 'unit' && (
              <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setParent(o)} aria-label={`在“${o.name}”下新增${o.kind === 'bureau' ? '主管部门' : '单位'}`}>
                新增{o.kind === 'bureau' ? '部门' : '单位'}
              </Button>
            )}
          </span>
        ),
        children: toTree(n.children),
      };
    });

  const create = async () => {
    if (!parent) return;
    let v: { name: string; code?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.createOrg(parent.id, v.name.trim(), v.code?.trim() || undefined);
      message.success('已新增');
      setParent(undefined);
      form.resetFields();
      orgs.reload();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <PageHeader title="组织机构" sub={`共 ${orgs.data?.length ?? 0} 个`} />
      {orgs.error !== undefined && <Alert type="error" showIcon title={messageOf(orgs.error)} />}
      <Card loading={orgs.loading}>
        {orgs.data && <Tree treeData={toTree(orgTree(orgs.data))} defaultExpandAll selectable={false} blockNode showLine />}
      </Card>
      <Modal open={parent !== undefined} title={`在“${parent?.name ?? ''}”下新增${parent?.kind === 'bureau' ? '主管部门' : '单位'}`} onCancel={() => setParent(undefined)} onOk={create} okText="新增" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical">
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item label="单位编码（可选）" name="code">
            <Input maxLength={50} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
