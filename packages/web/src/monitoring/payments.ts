/**
 * @module What the snapshot form says about a payments list the server summed
 * (`POST /api/monitoring/{evaluationId}/payments`): the cumulative figure for the chosen period, what was
 * counted and left out, the unit read, and the rows that could not be read.
 */
import { formatMoney } from '../format/numbers.js';
import { periodLabel } from './periods.js';
import type { PaymentsSummary } from './types.js';

export interface PaymentsNote {
  type: 'info' | 'warning';
  text: string;
  /** The cumulative executed at the end of the chosen period, when the file has payments up to it. */
  executed?: string | undefined;
}

/** The note for `summary` of file `fileName`, for the period being reported (`2024-Q2`, `2024-06`) of `year`. */
export function paymentsNote(summary: PaymentsSummary, fileName: string, period: string, year: number): PaymentsNote {
  const at = summary.periods.filter((p) => p.period <= period).pop();
  const rejected = summary.report.skipped.filter((n) => n.level === 'warning').map((n) => `${n.where}：${n.message}`);
  const problems = [...rejected, ...summary.issues.filter((i) => i.code !== 'other-year' && i.code !== 'other-project').map((i) => i.message)];
  const left = [summary.counts.otherProjects ? `其他项目 ${summary.counts.otherProjects} 条` : '', summary.counts.otherYears ? `非${year}年度 ${summary.counts.otherYears} 条` : ''].filter(Boolean);
  const problemText = problems.length ? `有 ${problems.length} 行无法识别：${problems.slice(0, 3).join(' ')}${problems.length > 3 ? ' …' : ''}` : '';
  if (!at) return { type: 'warning', text: `${fileName}：截至${periodLabel(period)}没有本项目的支付记录${left.length ? `（${left.join('，')}未计入）` : ''}。${problemText}` };
  const { fileUnit, unitSource } = summary.report;
  const unitText = `金额单位：${fileUnit}（${unitSource}）${fileUnit !== summary.unit ? `，已换算为${summary.unit}` : ''}。`;
  return {
    type: problems.length > 0 ? 'warning' : 'info',
    executed: at.cumulative,
    text: `已按 ${fileName} 汇总：截至${periodLabel(period)}累计支付 ${formatMoney(at.cumulative)} ${summary.unit}（本期 ${formatMoney(at.amount)}，计入 ${summary.counts.counted} 条记录${left.length ? `，${left.join('，')}未计入` : ''}）。${unitText}${problemText}请核对后报送。`,
  };
}
