/** @module 批注: the comments on one indicator (or on the whole document), oldest first, and a box to add one. */
import { useState } from 'react';
import { Alert, Button, Drawer, Empty, Input, Tag } from 'antd';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { Comment } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { ROLE_LABELS } from '../format/labels.js';

export interface CommentsDrawerProps {
  open: boolean;
  evaluationId: string;
  /** undefined: comments on the whole document. */
  indicator: { id: string; name: string; location: string } | undefined;
  comments: readonly Comment[];
  canComment: boolean;
  onClose: () => void;
  onAdded: (comment: Comment) => void;
}

export function CommentsDrawer({ open, evaluationId, indicator, comments, canComment, onClose, onAdded }: CommentsDrawerProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const shown = comments.filter((c) => (indicator ? c.indicatorId === indicator.id : c.indicatorId === null));

  const send = async () => {
    const body = text.trim();
    if (!body) return;
    setBusy(true);
    setError(undefined);
    try {
      const c = await api.addComment(evaluationId, body, indicator?.id);
      onAdded(c);
      setText('');
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title={indicator ? `批注：${indicator.name || '指标'}` : '对整份文档的批注'} size={420} destroyOnHidden>
      {indicator?.location && <div className="muted drawer-sub">{indicator.location}</div>}
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无批注" />
      ) : (
        <ol className="comment-list" aria-label="批注列表">
          {shown.map((c) => (
            <li key={c.id} className="comment">
              <div className="comment-head">
                <strong>{c.author.name}</strong>
                <Tag>{ROLE_LABELS[c.author.role] ?? c.author.role}</Tag>
                <span className="muted">{formatDateTime(c.createdAt)}</span>
              </div>
              <div className="comment-body">{c.body}</div>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <div className="comment-form">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
          <label htmlFor="comment-input" className="field-label">
            新批注
          </label>
          <Input.TextArea
            id="comment-input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={10000}
            placeholder="写下意见，如：实际完成值缺少佐证，请补充抽查记录。"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
            }}
          />
          <Button type="primary" onClick={send} loading={busy} disabled={!text.trim()} style={{ marginTop: 8 }}>
            发表批注
          </Button>
          <span className="muted" style={{ marginLeft: 8 }}>
            Ctrl+Enter 发表
          </span>
        </div>
      )}
    </Drawer>
  );
}
