/** @module Goals (绩效目标申报): documents derived from approved goals, target adjustments (调整), goal quality. */
export { createFromGoals, createMonitoringDocument, createSelfEvaluation, derivedTitle, APPROVED_STATES } from './create.js';
export type { CreateFromGoalsOptions, CreateFromGoalsResult, DerivedStage } from './create.js';
export { requestAdjustment, decideAdjustment, applyAdjustments, effectiveValue } from './adjustments.js';
export type { AdjustmentRequest, AdjustmentDecision, AdjustmentResult, AdjustmentView, AdjustmentField, AppliedAdjustments, ApplyIssue } from './adjustments.js';
export { goalQuality, GOAL_QUALITY_FAMILIES } from './quality.js';
export type { GoalQualityOptions } from './quality.js';
export { CREATE_ERRORS, ADJUSTMENT_ERRORS } from './messages.js';
export type { CreateErrorCode, AdjustmentErrorCode, ApplyIssueCode } from './messages.js';
