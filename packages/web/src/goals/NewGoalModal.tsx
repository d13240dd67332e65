/** @module 新建绩效目标申报: the new-document dialog for a goal declaration (budget year, goals stage), opened in the editor. */
import { EVALUATION_VARIANT, NewEvaluationModal } from '../evaluations/new/NewEvaluationModal.js';
import type { NewDocumentVariant } from '../evaluations/new/NewEvaluationModal.js';
import { goalTitle } from './derived.js';

/** The years a declaration may be for: next year back five years. */
export function goalYears(now: Date): number[] {
  const y = now.getFullYear() + 1;
  return Array.from({ length: 6 }, (_, i) => y - i);
}

const GOALS_VARIANT: NewDocumentVariant = {
  ...EVALUATION_VARIANT,
  heading: '新建绩效目标申报',
  yearLabel: '预算年度',
  levelLabel: '申报类型',
  years: goalYears,
  defaultYear: (now) => now.getFullYear() + 1,
  title: goalTitle,
  stage: 'goals',
  note: '创建后在编辑器中填写总体目标、绩效指标和年度指标值，提交主管部门审核。',
};

export function NewGoalModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return <NewEvaluationModal open={open} onClose={onClose} variant={GOALS_VARIANT} />;
}
