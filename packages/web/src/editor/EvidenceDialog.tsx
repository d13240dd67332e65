/** @module 佐证材料: the files that support one indicator — upload (pdf, images, Office files), download, delete. */
import { useState } from 'react';
import { Alert, App, Button, Modal, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { IndicatorNode } from '@jixiao/core';
import { formatBytes } from '../format/dates.js';

export interface EvidenceDialogProps {
  open: boolean;
  node: IndicatorNode | undefined;
  editable: boolean;
  onClose: () => void;
  onUpload: (file: File) => Promise<void>;
  onDelete: (evidenceId: string) => Promise<void>;
}

export function EvidenceDialog({ open, node, editable, onClose, onUpload, onDelete }: EvidenceDialogProps) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const files = node?.evidence ?? [];

  return (
    <Modal open={open} title={`佐证材料：${node?.name || '指标'}`} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} destroyOnHidden width={620}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} closable={{ onClose: () => setError(undefined) }} />}
      {files.length === 0 ? (
        <div className="file-list-empty muted">尚未上传佐证材料</div>
      ) : (
        <ul className="file-list" aria-label="已上传的佐证材料">
          {files.map((f) => (
            <li key={f.id}>
              <span className="file-name">{f.name}</span>
              <span className="muted">{f.size !== undefined ? formatBytes(f.size) : ''}</span>
              {f.ref && (
                <a href={f.ref} download={f.name} aria-label={`下载 ${f.name}`}>
                  <DownloadOutlined /> 下载
                </a>
              )}
              {editable && (
                <Button
                  type="link"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`删除 ${f.name}`}
                  onClick={() =>
                    modal.confirm({
                      title: '删除佐证材料',
                      content: `确定删除“${f.name}”吗？`,
                      okText: '删除',
                      okButtonProps: { danger: true },
                      cancelText: '取消',
                      onOk: async () => {
                        setError(undefined);
                        try {
                          await onDelete(f.id);
                        } catch (err) {
                          setError(err instanceof Error ? err.message : '删除失败');
                        }
                      },
                    })
                  }
                >
                  删除
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Upload.Dragger
          style={{ marginTop: 16 }}
          multiple={false}
          showUploadList={false}
          disabled={busy}
          accept=".pdf,.png,.jpg,.jpeg,.docx,.doc,.xlsx,.xls,.ofd,.zip,.txt,.csv"
          beforeUpload={(file) => {
            setBusy(true);
            setError(undefined);
            onUpload(file)
              .catch((err: unknown) => setError(err instanceof Error ? err.message : '上传失败'))
              .finally(() => setBusy(false));
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? '正在上传…' : '点击或拖拽文件到此处上传'}</p>
          <p className="ant-upload-hint">支持 PDF、图片（PNG、JPG）、Word、Excel、OFD、压缩包和文本文件，单个文件不超过 20 MB。</p>
        </Upload.Dragger>
      )}
    </Modal>
  );
}
