/** @module Buttons that create the monitoring and self-evaluation documents from approved goals, and links to those already created. */
import { useState } from 'react';
import { App as AntApp, Button, Space, Spin, Tag } from 'antd';
import { useNavigate, Link } from 'react-router';
import { messageOf } from '../api/errors.js';
import { useAsync } from '../common/useAsync.js';
import { formatDate } from '../format/dates.js';
import { deriveFromGoals, derivedDocuments } from './api.js';
import { STAGE_LABELS } from './derived.js';
import type { Derived, DerivedStage } from './types.js';

const SHORT: Record<DerivedStage, string> = { monitoring: '监控文档', 'self-evaluation': '自评文档' };

/** Where a derived document is best opened: monitoring documents on the monitoring page, others in the editor. */
export function derivedHref(d: Pick<Derived, 'id' | 'stage'>): string {
  return d.stage === 'monitoring' ? `/monitoring/${d.id}` : `/evaluations/${d.id}`;
}

export function DeriveActions({ goalId, title, canDerive, compact = false }: { goalId: string; title: string; canDerive: boolean; compact?: boolean }) {
  const navigate = useNavigate();
  const { modal, message } = AntApp.useApp();
  const derived = useAsync((signal) => derivedDocuments(goalId, signal), [goalId]);
  const [busy, setBusy] = useState<DerivedStage | undefined>();

  const create = (stage: DerivedStage) => {
    const existing = (derived.data ?? []).some((d) => d.stage === stage);
    modal.confirm({
      title: stage === 'monitoring' ? '生成绩效运行监控文档' : '生成年度绩效自评文档',
      content: `将以已审核的“${title}”为基线，带入指标、年度指标值、分值和资金，生成${STAGE_LABELS[stage]}草稿。${existing ? '该目标已生成过此类文档，确定再生成一份吗？' : ''}`,
      okText: '生成',
      cancelText: '取消',
      onOk: async () => {
        setBusy(stage);
        try {
          const r = await deriveFromGoals(goalId, stage);
          void message.success(`已生成“${r.title}”`);
          navigate(derivedHref({ id: r.id, stage }));
        } catch (err) {
          void message.error(messageOf(err));
          derived.reload();
        } finally {
          setBusy(undefined);
        }
      },
    });
  };

  const list = derived.data ?? [];
  return (
    <Space wrap size={[6, 4]} data-testid={`goal-derive-${goalId}`}>
      {canDerive && (
        <>
          <Button size={compact ? 'small' : 'middle'} loading={busy === 'monitoring'} onClick={() => create('monitoring')} data-testid="derive-monitoring">
            生成监控文档
          </Button>
          <Button size={compact ? 'small' : 'middle'} loading={busy === 'self-evaluation'} onClick={() => create('self-evaluation')} data-testid="derive-self-evaluation">
            生成自评文档
          </Button>
        </>
      )}
      {derived.loading && <Spin size="small" aria-label="正在读取已生成的文档" />}
      {derived.error !== undefined && <span className="muted">已生成文档读取失败</span>}
      {list.map((d) => (
        <Link
          key={d.id}
          to={derivedHref(d)}
          data-testid={`derived-${d.stage}`}
          title={[d.title, d.statusLabel].filter(Boolean).join('，')}
          aria-label={`打开已生成的${STAGE_LABELS[d.stage]}文档${d.at ? `（${formatDate(d.at)}生成${d.statusLabel ? `，${d.statusLabel}` : ''}）` : ''}`}
        >
          <Tag color={d.stage === 'monitoring' ? 'geekblue' : 'green'}>
            {SHORT[d.stage]}
            {list.filter((x) => x.stage === d.stage).length > 1 && d.at ? `（${formatDate(d.at)}）` : ''}
          </Tag>
        </Link>
      ))}
    </Space>
  );
}
