/**
 * @module Target expressions (年度指标值) and actual values (实际完成值): parse, evaluate, describe.
 * Pure functions; nothing here throws on bad input. Reading rules: README.md in this folder.
 */
export { parseTarget, parseActual, impliedOp, MAX_EXPRESSION_LENGTH, MAX_RAW_LENGTH } from './parse.js';
export { evaluate, resolveTarget, directionOf, DEFAULT_BAND_SHARES, RATIO_PLACES } from './evaluate.js';
export { describeTarget, describeActual, formatQuantity } from './describe.js';
export { targetToJson, evaluationToJson } from './json.js';
export type { TargetJson, EvaluationJson } from './json.js';
export { parseTargetCached, parseActualCached, evaluateText, clearTargetCaches, BoundedCache, TARGET_CACHE_CAPACITY } from './cache.js';
export { normalizeText } from './normalize.js';
export { summarizeTarget, summarizeActual } from './summary.js';
export { unitInfo, isTimeUnit } from './units.js';
export type { UnitCategory, UnitInfo } from './units.js';
export type {
  ActualKind,
  Approx,
  Band,
  DateDue,
  DeadlineActual,
  DeadlineTarget,
  Due,
  DurationDue,
  EvaluateOptions,
  Evaluation,
  EvaluationDirection,
  EvaluationStatus,
  ExactTarget,
  ExpressionActual,
  MeasureActual,
  ParsedActual,
  ParsedTarget,
  QualitativeActual,
  QualitativeFamily,
  QualitativeTarget,
  RangeTarget,
  TargetHint,
  TargetKind,
  ThresholdOp,
  ThresholdTarget,
  UnparsedActual,
  UnparsedTarget,
} from './types.js';
