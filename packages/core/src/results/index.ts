/**
 * @module Results into the next budget (结果应用): treatments by rule-set tiers with reasons, the year-end
 * list per department, rectification tasks (整改) tracked to closure with evidence, and the prior record
 * shown beside next year's goals.
 */
export { recommendTreatment, recommendTreatments, resultsList } from './treatments.js';
export type { TreatmentRecommendation, TreatmentReason, DepartmentResults } from './treatments.js';
export { RectificationTask, TaskStatus, TaskEvent, tasksFromFindings, startTask, addEvidence, closeTask, reopenTask, reassignTask, taskState } from './rectification.js';
export type { TaskResult, FindingLike, TasksFromFindingsOptions, TaskActor, TaskState } from './rectification.js';
export { priorRecord } from './prior.js';
export type { PriorRecord, PriorIndicator, PriorOptions } from './prior.js';
export { TREATMENT_ZH, TREATMENT_REASONS, TASK_STATUS_ZH, TASK_ERRORS, PRIOR_FACTS } from './messages.js';
export type { TreatmentReasonCode, TaskErrorCode } from './messages.js';
