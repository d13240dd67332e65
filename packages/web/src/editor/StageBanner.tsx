/**
 * @module Where a document stands in the year's loop (目标申报 → 运行监控 → 年度自评): a banner under the
 * title with the links to the goal set it came from or the pages that carry it on, and the summary a
 * goal declaration shows instead of a score (it is not scored: it is checked).
 */
import { memo } from 'react';
import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { Dec } from '@jixiao/core';
import type { EvaluationDocument, Finding } from '@jixiao/core';
import { formatScore } from '../format/numbers.js';
import { flatten } from './tree.js';

export interface StageBannerProps {
  id: string;
  doc: EvaluationDocument;
  status: string;
  /** Targets that differ from the approved ones (the preparer may take the approved values). */
  stale: number;
  onTakeApproved: () => void;
}

export const StageBanner = memo(function StageBanner({ id, doc, status, stale, onTakeApproved }: StageBannerProps) {
  const { stage, baseline } = doc.header;
  if (stage === 'goals') {
    return (
      <Alert
        className="stage-banner"
        type="info"
        showIcon
        data-testid="stage-banner"
        title="绩效目标申报表"
        description={
          <>
            填写年度总体目标、绩效指标及指标值和资金申请，右侧实时提示目标不够明确、缺少单位或指标类别等问题。提交后由主管部门审核；
            {status === 'approved' || status === 'published' ? '已审核通过，可据此创建运行监控表和年度自评表。' : '审核通过后，可据此一键创建运行监控表和年度自评表。'}{' '}
            <Link to={`/goals/${encodeURIComponent(id)}`}>目标详情、调整与上年情况</Link>
          </>
        }
      />
    );
  }
  if (!baseline) return null;
  return (
    <Alert
      className="stage-banner"
      type="info"
      showIcon
      data-testid="stage-banner"
      title={stage === 'monitoring' ? '绩效运行监控表' : '依据绩效目标创建'}
      description={
        <>
          本文档依据已审核通过的绩效目标{baseline.version !== undefined ? `（第 ${baseline.version} 版）` : ''}创建，指标及指标值沿用目标申报；指标值的调整须在绩效目标页申请并经审核。{' '}
          <Link to={`/goals/${encodeURIComponent(baseline.id)}`}>查看绩效目标</Link>
          {stage === 'monitoring' && (
            <>
              {' · '}
              <Link to={`/monitoring/${encodeURIComponent(id)}`}>填报监控数据、查看预警</Link>
            </>
          )}
          {stale > 0 && (
            <div className="stage-stale">
              有 {stale} 项指标值与审核通过的绩效目标不一致（可能是之后批准了调整）。{' '}
              <Button size="small" onClick={onTakeApproved} data-testid="take-approved-targets">
                采用审核通过的指标值
              </Button>
            </div>
          )}
        </>
      }
    />
  );
});

/** The side panel of a goal declaration: indicators, weights and how many quality findings remain. */
export const GoalSummary = memo(function GoalSummary({ doc, findings }: { doc: EvaluationDocument; findings: readonly Finding[] }) {
  const all = flatten(doc.indicators).filter((r) => r.leaf).map((r) => r.node);
  const withTarget = all.filter((n) => (n.target ?? '').trim() !== '').length;
  let weight = Dec.ZERO;
  let weighted = 0;
  for (const n of all) {
    if (n.weight === undefined) continue;
    try {
      weight = weight.plus(Dec.of(n.weight));
      weighted++;
    } catch {
      // an unreadable weight is the audit's finding, not the summary's
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <div className="score-summary goal-summary" aria-live="polite" aria-label="申报概况" data-testid="goal-summary">
      <div className="score-total">
        <span className="score-label">三级指标</span>
        <span className="goal-count">{all.length}</span>
        <span className="muted">个，已填指标值 {withTarget} 个</span>
      </div>
      <dl className="score-parts">
        <div>
          <dt>分值合计</dt>
          <dd>{weighted > 0 ? formatScore(weight) : '—'}</dd>
        </div>
        <div>
          <dt>目标质量</dt>
          <dd>{errors + warnings === 0 ? '未发现问题' : `${errors} 个错误，${warnings} 个警告`}</dd>
        </div>
      </dl>
      <div className="muted">申报阶段不计分，审核看目标是否明确、可衡量、有依据。</div>
    </div>
  );
});
