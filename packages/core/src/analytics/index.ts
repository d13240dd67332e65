/**
 * @module Analytics (绩效分析): evaluation summaries and pure aggregations over them — grade distribution,
 * score against execution, self-score against re-score, findings by family and by unit, the execution
 * curve against the schedule, year-on-year change — each as plain series with the ids behind every point.
 */
export { EvaluationSummary, SummaryFinding, summaryFromScore, parseSummaries } from './summary.js';
export type { EvaluationSummaryInput, SummaryOptions } from './summary.js';
export { gradeDistribution, scoreVsExecution, selfVsReview, findingsByFamily, findingsByUnit, yearOnYear } from './charts.js';
export type {
  GroupBy,
  UnitBy,
  GradeBar,
  GradeDistribution,
  ScatterPoint,
  ScoreVsExecution,
  ReviewPoint,
  SelfVsReview,
  FindingCounts,
  FindingsByFamily,
  FindingsByUnit,
  YearOnYear,
} from './charts.js';
export { executionCurve } from './curve.js';
export type { CurvePoint, ExecutionCurve, CurveOptions } from './curve.js';
export { CHART_LABELS, GROUP_ZH } from './messages.js';
