/**
 * @module 保存冲突: someone else saved the document after this copy was opened. Says who and when, lists
 * how their version differs from what is on screen, and lets the user take theirs or keep their own.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Modal, Space, Spin, Table } from 'antd';
import type { EvaluationDocument } from '@jixiao/core';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { ConflictDetails, Evaluation, Versioned } from '../api/types.js';
import { formatDateTime } from '../format/dates.js';
import { describeChange, diffDocuments } from '../history/describe.js';
import type { DescribedChange } from '../history/describe.js';

export interface ConflictDialogProps {
  open: boolean;
  evaluationId: string;
  details: ConflictDetails;
  mine: EvaluationDocument;
  /** Discard the edits on screen and load the saved version. */
  onTakeTheirs: (latest: Versioned<Evaluation>) => void;
  /** Save the document on screen over theirs. */
  onKeepMine: (latest: Versioned<Evaluation>) => void;
}

export function ConflictDialog({ open, evaluationId, details, mine, onTakeTheirs, onKeepMine }: ConflictDialogProps) {
  const [latest, setLatest] = useState<Versioned<Evaluation> | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [changes, setChanges] = useState<DescribedChange[]>([]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    setLatest(undefined);
    setError(undefined);
    api
      .getEvaluation(evaluationId)
      .then((v) => {
        if (!live) return;
        setLatest(v);
        setChanges(diffDocuments(v.data.document, mine, 100).map((c) => describeChange(c, mine)));
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
    // Read once per opening: the list compares with the document as it was when the conflict arose.
  }, [open, evaluationId]);

  const who = latest?.data.updatedBy.name ?? details.updatedBy?.name ?? '其他用户';
  const when = formatDateTime(latest?.data.updatedAt ?? details.updatedAt);
  const version = latest?.data.version ?? details.currentVersion;

  return (
    <Modal
      open={open}
      title="保存冲突：文档已被他人修改"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={760}
      footer={
        <Space>
          <Button disabled={!latest} onClick={() => latest && onTakeTheirs(latest)}>
            放弃我的修改，载入最新版本
          </Button>
          <Button type="primary" danger disabled={!latest} onClick={() => latest && onKeepMine(latest)}>
            保留我的修改（覆盖对方）
          </Button>
        </Space>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={`${who} 于 ${when || '刚才'} 保存了新版本${version ? `（第 ${version} 版）` : ''}。`}
        description="您在此之后的修改尚未保存。请选择保留哪一份：载入最新版本会丢弃您未保存的修改；保留我的修改会用您屏幕上的内容覆盖对方的修改。"
        style={{ marginBottom: 12 }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {!latest && !error && <Spin description="正在读取最新版本…" />}
      {latest && (
        <>
          <div className="conflict-caption">两份内容的差异（{changes.length >= 100 ? '前 100 处' : `${changes.length} 处`}）：</div>
          <Table<DescribedChange>
            size="small"
            rowKey={(c) => `${c.path}:${c.kind}`}
            dataSource={changes}
            pagination={false}
            scroll={{ y: 280 }}
            locale={{ emptyText: '内容相同（对方可能只改了流程状态或佐证材料）' }}
            columns={[
              { title: '位置', dataIndex: 'where', key: 'where', width: 240 },
              { title: `对方的版本（${who}）`, dataIndex: 'before', key: 'before' },
              { title: '我的修改', dataIndex: 'after', key: 'after' },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
