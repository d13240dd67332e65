/** @module Curation of the library by the finance office (指标库维护): recommend, retire with a reason, restore, rename, merge — each confirmed. */
import { useState } from 'react';
import { App as AntApp, Input, Modal, Select, Space } from 'antd';
import { messageOf } from '../api/errors.js';
import { curate } from './api.js';
import type { CurationBody } from './types.js';

export type CurationRequest =
  | { kind: 'retire'; key: string; name: string }
  | { kind: 'rename'; key: string; name: string }
  | { kind: 'merge'; from: Array<{ key: string; name: string; unit?: string | undefined }> };

const TITLES = { retire: '停用指标', rename: '修改指标名称', merge: '合并指标' } as const;

/** The modal of one curation that needs input (retire, rename, merge). */
export function CurationModal({ request, onClose, onDone }: { request: CurationRequest | undefined; onClose: () => void; onDone: (key: string | undefined) => void }) {
  const { message } = AntApp.useApp();
  const [text, setText] = useState('');
  const [into, setInto] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!request) return;
    let body: CurationBody;
    if (request.kind === 'retire') {
      if (!text.trim()) return void message.warning('请写明停用理由');
      body = { kind: 'retire', key: request.key, reason: text.trim() };
    } else if (request.kind === 'rename') {
      if (!text.trim()) return void message.warning('请填写新名称');
      body = { kind: 'rename', key: request.key, name: text.trim() };
    } else {
      if (!into) return void message.warning('请选择保留的指标');
      body = { kind: 'merge', from: request.from.map((f) => f.key).filter((k) => k !== into), into, ...(text.trim() ? { note: text.trim() } : {}) };
    }
    setBusy(true);
    try {
      const r = await curate(body);
      void message.success(request.kind === 'merge' ? '已合并' : request.kind === 'retire' ? '已停用' : '已改名');
      onDone(r.entry?.key ?? (body.kind === 'merge' ? body.into : undefined));
    } catch (err) {
      void message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={request ? TITLES[request.kind] : ''}
      open={request !== undefined}
      onCancel={onClose}
      onOk={submit}
      okText="确认"
      okButtonProps={{ danger: request?.kind === 'retire' }}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) {
          setText(request?.kind === 'rename' ? request.name : '');
          setInto(request?.kind === 'merge' ? request.from[0]?.key : undefined);
        }
      }}
    >
      {request?.kind === 'retire' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>停用后，“{request.name}”不再出现在指标联想中（已有文档不受影响，可随时恢复）。</div>
          <label className="field-label" htmlFor="curation-reason">
            停用理由（必填）
          </label>
          <Input.TextArea id="curation-reason" rows={3} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder="如：表述不规范，请使用“监督抽查批次”" />
        </Space>
      )}
      {request?.kind === 'rename' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <label className="field-label" htmlFor="curation-name">
            新名称
          </label>
          <Input id="curation-name" maxLength={200} value={text} onChange={(e) => setText(e.target.value)} />
        </Space>
      )}
      {request?.kind === 'merge' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>将以下 {request.from.length} 个指标合并为一个（同一计量单位类别才能合并），其他名称作为别名保留并继续可搜索：</div>
          <ul style={{ margin: 0 }}>
            {request.from.map((f) => (
              <li key={f.key}>
                {f.name}
                {f.unit ? `（${f.unit}）` : ''}
              </li>
            ))}
          </ul>
          <label className="field-label" htmlFor="curation-into">
            保留的指标
          </label>
          <Select id="curation-into" aria-label="保留的指标" value={into} onChange={setInto} options={request.from.map((f) => ({ value: f.key, label: `${f.name}${f.unit ? `（${f.unit}）` : ''}` }))} style={{ width: '100%' }} />
          <label className="field-label" htmlFor="curation-note">
            说明（选填）
          </label>
          <Input id="curation-note" maxLength={500} value={text} onChange={(e) => setText(e.target.value)} />
        </Space>
      )}
    </Modal>
  );
}

/** Recommend or stop recommending, and restore: a confirmation, then the call. */
export function useQuickCuration(onDone: () => void) {
  const { modal, message } = AntApp.useApp();
  return (body: Extract<CurationBody, { kind: 'recommend' | 'restore' }>, name: string) => {
    const title = body.kind === 'restore' ? `恢复“${name}”？` : body.recommended ? `将“${name}”设为推荐指标？` : `取消“${name}”的推荐？`;
    modal.confirm({
      title,
      content: body.kind === 'restore' ? '恢复后重新出现在指标联想中。' : body.recommended ? '推荐指标在联想中排在前面，并标注“推荐”。' : '取消后按使用情况排序。',
      okText: '确认',
      cancelText: '取消',
      onOk: async () => {
        try {
          await curate(body);
          void message.success('已更新');
          onDone();
        } catch (err) {
          void message.error(messageOf(err));
        }
      },
    });
  };
}
