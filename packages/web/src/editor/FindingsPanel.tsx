/** @module 审核发现: what does not add up, worst first within document order; a click goes to the cell. */
import { memo, useMemo, useState } from 'react';
import { Empty, Segmented, Tag } from 'antd';
import type { Finding } from '@jixiao/core';
import { SEVERITY_COLORS, SEVERITY_LABELS } from '../format/labels.js';

export interface FindingsPanelProps {
  findings: readonly Finding[];
  onLocate: (finding: Finding) => void;
  ruleSet: string | undefined;
  ms: number;
}

type Filter = 'all' | 'error' | 'warning' | 'info';

export const FindingsPanel = memo(function FindingsPanel({ findings, onLocate, ruleSet, ms }: FindingsPanelProps) {
  const [filter, setFilter] = useState<Filter>('all');
  const counts = useMemo(() => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of findings) c[f.severity]++;
    return c;
  }, [findings]);
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);

  return (
    <section className="findings-panel" aria-label="审核发现">
      <div className="findings-head">
        <Segmented<Filter>
          size="small"
          value={filter}
          onChange={setFilter}
          aria-label="按严重程度筛选"
          options={[
            { value: 'all', label: '全部' },
            { value: 'error', label: `错误 ${counts.error}` },
            { value: 'warning', label: `警告 ${counts.warning}` },
            { value: 'info', label: `提示 ${counts.info}` },
          ]}
        />
      </div>
      <div className="findings-list" role="list" aria-live="polite">
        {shown.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={findings.length === 0 ? '没有发现问题' : '该类别下没有问题'} />
        ) : (
          shown.map((f, i) => (
            <button type="button" role="listitem" key={`${f.code}:${f.path}:${i}`} className={`finding finding-${f.severity}`} onClick={() => onLocate(f)} data-code={f.code}>
              <div className="finding-top">
                <Tag color={SEVERITY_COLORS[f.severity]}>{SEVERITY_LABELS[f.severity]}</Tag>
                <span className="finding-location">{f.location || '文档'}</span>
              </div>
              <div className="finding-message">{f.message}</div>
              {f.suggestion && <div className="finding-suggestion">建议：{f.suggestion}</div>}
            </button>
          ))
        )}
      </div>
      <div className="findings-foot muted">
        {ruleSet ? `评分规则 ${ruleSet}` : ''} · 重算用时 {ms < 1 ? '<1' : ms.toFixed(0)} 毫秒
      </div>
    </section>
  );
});
