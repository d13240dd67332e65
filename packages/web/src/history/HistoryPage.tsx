/**
 * @module 历史: a document's path through the workflow (saves, submissions, returns with their
 * reasons, approvals, comments) and the audit trail of every change as readable differences.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Pagination, Space, Table, Tabs, Tag, Timeline } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { AuditEvent, HistoryItem } from '../api/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { StatusTag } from '../common/tags.js';
import { useAsync } from '../common/useAsync.js';
import { formatDateTime } from '../format/dates.js';
import { ACTION_LABELS, ROLE_LABELS } from '../format/labels.js';
import { changesOf, describeChange } from './describe.js';
import type { DescribedChange } from './describe.js';

const EVENT_LABELS: Readonly<Record<string, string>> = {
  'evaluation.create': '新建',
  'evaluation.update': '修改',
  'evaluation.delete': '删除',
  'evaluation.rescore': '复核评分',
  'evidence.upload': '上传佐证材料',
  'evidence.delete': '删除佐证材料',
  'comment.create': '批注',
  'import.create': '导入',
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  recheck: '复核通过',
  publish: '公开',
};

/** An audit-trail action in words: `evaluation.publish` → 公开. */
export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? EVENT_LABELS[action.replace(/^evaluation\./, '')] ?? action;
}

const KIND_LABELS = { added: '新增', removed: '删除', changed: '修改' } as const;

function timelineItem(h: HistoryItem) {
  const who = `${h.actor.name}（${ROLE_LABELS[h.actor.role] ?? h.actor.role}）`;
  const when = formatDateTime(h.at);
  if (h.type === 'transition') {
    const label = ACTION_LABELS[h.action ?? ''] ?? h.action ?? '';
    return {
      color: h.action === 'return' ? 'red' : h.action === 'publish' ? 'green' : 'blue',
      title: when,
      content: (
        <div>
          <strong>{label}</strong> · {who}
          <div className="muted">
            {h.fromLabel} → {h.toLabel}
            {h.version ? `（第 ${h.version} 版）` : ''}
          </div>
          {h.reason && <div className="history-reason">原因：{h.reason}</div>}
        </div>
      ),
    };
  }
  if (h.type === 'comment') {
    return {
      color: 'gray',
      title: when,
      content: (
        <div>
          <strong>批注</strong> · {who}
          <div className="history-comment">{h.body}</div>
        </div>
      ),
    };
  }
  return {
    color: 'gray',
    title: when,
    content: (
      <div>
        保存第 {h.version} 版 · {who}
        {h.total !== undefined && (
          <span className="muted">
            {' '}
            · 总分 {h.total ?? '不可评分'} {h.grade ?? ''}
          </span>
        )}
      </div>
    ),
  };
}

function EventChanges({ event, doc }: { event: AuditEvent; doc: unknown }) {
  const changes = useMemo(() => changesOf(event.diff).map((c) => describeChange(c, doc)), [event, doc]);
  const diff = event.diff as Record<string, unknown> | null;
  const extra: string[] = [];
  if (diff && typeof diff['reason'] === 'string') extra.push(`原因：${diff['reason']}`);
  if (diff && typeof diff['fileName'] === 'string') extra.push(`文件：${diff['fileName']}`);
  if (diff && typeof diff['body'] === 'string') extra.push(`内容：${diff['body']}`);
  if (diff && typeof diff['total'] === 'string') extra.push(`保存后总分 ${diff['total']}${typeof diff['grade'] === 'string' ? ` ${diff['grade']}` : ''}`);
  const truncated = diff && typeof diff['truncated'] === 'number' ? diff['truncated'] : 0;
  return (
    <div className="event-changes">
      {extra.length > 0 && <div className="muted">{extra.join('；')}</div>}
      {changes.length > 0 && (
        <Table<DescribedChange>
          size="small"
          rowKey={(c, i) => `${c.path}:${i ?? 0}`}
          pagination={false}
          dataSource={changes}
          columns={[
            { title: '位置', dataIndex: 'where', key: 'where', width: '34%' },
            { title: '操作', dataIndex: 'kind', key: 'kind', width: 64, render: (k: DescribedChange['kind']) => <Tag color={k === 'added' ? 'green' : k === 'removed' ? 'red' : 'blue'}>{KIND_LABELS[k]}</Tag> },
            { title: '修改前', dataIndex: 'before', key: 'before', render: (v: string) => <span className="diff-before">{v}</span> },
            { title: '修改后', dataIndex: 'after', key: 'after', render: (v: string) => <span className="diff-after">{v}</span> },
          ]}
        />
      )}
      {truncated > 0 && <div className="muted">另有 {truncated} 处修改未列出。</div>}
    </div>
  );
}

export default function HistoryPage() {
  const { id = '' } = useParams();
  const [page, setPage] = useState(1);
  const evaluation = useAsync(() => api.getEvaluation(id), [id]);
  const history = useAsync(() => api.history(id), [id]);
  const trail = useAsync(() => api.auditTrail(id, page, 20), [id, page]);
  const doc = evaluation.data?.data.document;
  const error = evaluation.error ?? history.error;

  return (
    <div className="page history-page">
      <PageHeader
        title={`历史记录：${evaluation.data?.data.title ?? ''}`}
        sub={evaluation.data && <StatusTag status={evaluation.data.data.status} label={evaluation.data.data.statusLabel} />}
        extra={
          <Link to={`/evaluations/${id}`}>
            <Button icon={<ArrowLeftOutlined />}>返回文档</Button>
          </Link>
        }
      />
      {error !== undefined && <Alert type="error" showIcon title={messageOf(error)} style={{ marginBottom: 12 }} />}
      <Tabs
        items={[
          {
            key: 'workflow',
            label: '流程记录',
            children: (
              <Card size="small" loading={history.loading}>
                {(history.data ?? []).length === 0 ? <Empty description="暂无记录" /> : <Timeline titleSpan={4} items={(history.data ?? []).map(timelineItem)} />}
              </Card>
            ),
          },
          {
            key: 'trail',
            label: '修改明细',
            children: (
              <Card size="small" loading={trail.loading}>
                {trail.error !== undefined && <Alert type="error" showIcon title={messageOf(trail.error)} />}
                {(trail.data?.items ?? []).length === 0 && !trail.loading ? (
                  <Empty description="暂无修改记录" />
                ) : (
                  <ol className="event-list">
                    {(trail.data?.items ?? []).map((e) => (
                      <li key={e.id} className="event">
                        <Space className="event-head" wrap>
                          <strong>{eventLabel(e.action)}</strong>
                          <span>{e.actor?.name ?? '系统'}</span>
                          <span className="muted">{formatDateTime(e.at)}</span>
                        </Space>
                        <EventChanges event={e} doc={doc} />
                      </li>
                    ))}
                  </ol>
                )}
                {(trail.data?.total ?? 0) > 20 && <Pagination current={page} pageSize={20} total={trail.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />}
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
