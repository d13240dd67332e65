/** @module 审核发现: what does not add up, worst first within document order; a click goes to the cell. */
import { memo, useMemo, useState } from 'react';
import { Empty, Segmented } from 'antd';
import type { Finding } from '@jixiao/core';
import { SEVERITY_LABELS } from '../format/labels.js';

export interface FindingsPanelProps {
  findings: readonly Finding[];
  onLocate: (finding: Finding) => void;
  ruleSet: string | undefined;
  ms: number;
}

type Filter = 'all' | 'error' | 'warning' | 'info';

interface ItemProps {
  finding: Finding;
  onLocate: (finding: Finding) => void;
}

/** One finding; drawn again only when its text changes (findings are new objects on every recompute). */
const FindingItem = memo(
  function FindingItem({ finding: f, onLocate }: ItemProps) {
    return (
      <button type="button" role="listitem" className={`finding finding-${f.severity}`} onClick={() => onLocate(f)} data-code={f.code}>
        <div className="finding-top">
          <span className={`sev-tag sev-tag-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
          <span className="finding-location">{f.location || '文档'}</span>
        </div>
        <div className="finding-message">{f.message}</div>
        {f.suggestion && <div className="finding-suggestion">建议：{f.suggestion}</div>}
      </button>
    );
  },
  (a, b) =>
    a.onLocate === b.onLocate &&
    a.finding.path === b.finding.path &&
    a.finding.code === b.finding.code &&
    a.finding.message === b.finding.message &&
    a.finding.location === b.finding.location &&
    a.finding.suggestion === b.finding.suggestion &&
    a.finding.severity === b.finding.severity,
);

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
          shown.map((f, i) => <FindingItem key={`${f.code}:${f.path}:${i}`} finding={f} onLocate={onLocate} />)
        )}
      </div>
      <div className="findings-foot muted">
        {ruleSet ? `评分规则 ${ruleSet}` : ''} · 重算用时 {ms < 1 ? '<1' : ms.toFixed(0)} 毫秒
      </div>
    </section>
  );
});
