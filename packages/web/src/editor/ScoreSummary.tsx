/** @module 总分与等级: the total, the grade, the execution rate and each section's score, live. */
import { memo } from 'react';
import { Tooltip } from 'antd';
import type { IndicatorNode, ScoreReport } from '@jixiao/core';
import { GradeTag } from '../common/tags.js';
import { formatPercent, formatScore } from '../format/numbers.js';

export const ScoreSummary = memo(function ScoreSummary({ score, failure, indicators }: { score: ScoreReport | undefined; failure: string | undefined; indicators: readonly IndicatorNode[] }) {
  if (!score) return <div className="score-summary muted">{failure ? `暂时无法计算得分：${failure}` : '—'}</div>;
  if (!score.scorable) {
    return (
      <div className="score-summary" aria-live="polite" aria-label="得分">
        <div className="score-total">
          <span className="score-label">总分</span>
          <span className="score-big" data-testid="total-score">
            —
          </span>
        </div>
        <div className="muted">文档中还没有可以计分的指标或资金表。</div>
      </div>
    );
  }
  const roots = score.sections.filter((s) => s.project === undefined && !s.path.includes('children'));
  return (
    <div className="score-summary" aria-live="polite" aria-label="得分">
      <div className="score-total">
        <span className="score-label">总分</span>
        <Tooltip title={score.explanation.text}>
          <span className="score-big" data-testid="total-score">
            {formatScore(score.total)}
          </span>
        </Tooltip>
        <GradeTag grade={score.grade} />
      </div>
      <dl className="score-parts">
        {score.execution && (
          <div>
            <dt>预算执行</dt>
            <dd>
              {formatScore(score.execution.effective) || '—'}
              <span className="muted"> / {formatScore(score.execution.weight)}</span>
              {score.execution.ratePercent && <span className="muted">（{formatPercent(score.execution.ratePercent)}）</span>}
            </dd>
          </div>
        )}
        {roots.map((s) => {
          // The weight printed in the section's label, when it has one (产出指标(50分)).
          const index = /^\$\.indicators\[(\d+)\]$/.exec(s.path)?.[1];
          const declared = index !== undefined ? indicators[Number(index)]?.declaredWeight : undefined;
          const weight = declared ?? formatScore(s.declaredWeight ?? s.weight);
          return (
          <div key={s.id}>
            <dt>{s.name.replace(/[（(]\s*\d+(\.\d+)?\s*分\s*[)）]/, '')}</dt>
            <dd>
              {formatScore(s.score) || '—'}
              {weight && <span className="muted"> / {weight}</span>}
            </dd>
          </div>
          );
        })}
      </dl>
    </div>
  );
});
