/**
 * @module In-year monitoring (绩效运行监控, 双监控): snapshots, payments into execution, the traffic-light
 * assessment, warning cases with working-day deadlines and reminders, the monitoring report, and the
 * 2024–2026 national holiday calendar.
 */
export {
  addWorkingDays,
  workingDaysBetween,
  isWorkingDay,
  addDays,
  daysBetween,
  dayOfYear,
  endOfMonth,
  isIsoDate,
  parseIsoDate,
  formatIsoDate,
  isoWeekday,
  mergeCalendars,
  WEEKDAYS_ONLY,
} from './calendar.js';
export type { WorkCalendar, CivilDate } from './calendar.js';
export { CN_PUBLIC_HOLIDAYS, CN_WORK_CALENDAR, CN_CALENDAR_YEARS } from './holidays.js';
export type { PublicHoliday } from './holidays.js';
export { MonitoringSnapshot, MonitoringPeriod, IndicatorProgress, parseSnapshot, periodEnd, periodOf, periodMonths, periodContains } from './snapshots.js';
export type { MonitoringSnapshotInput } from './snapshots.js';
export { aggregatePayments, snapshotsFromPayments } from './payments.js';
export type { PaymentRow, PeriodExecution, PaymentIssue, PaymentsOptions } from './payments.js';
export { assessMonitoring, documentBudget } from './assess.js';
export type {
  MonitoringAssessment,
  ProjectAssessment,
  IndicatorAssessment,
  IndicatorMode,
  MonitoringReason,
  ExecutionStatus,
  ResponseDue,
  AssessOptions,
} from './assess.js';
export { UnitResponse, ReviewResponse, WarningCase, openCase, respondAsUnit, reviewCase, caseStatus, reminders } from './responses.js';
export type { CaseStatus, CaseResult, CaseState, Reminder } from './responses.js';
export { monitoringReport } from './report.js';
export type { MonitoringReport, MonitoringGroup, MonitoringGrouping } from './report.js';
export { REASONS as MONITORING_REASONS, LIGHTS, LIGHT_ZH, UNIT_CHOICE_ZH, REVIEW_DECISION_ZH, CASE_STATUS_ZH } from './messages.js';
export type { Light, MonitoringFigures, ResponseErrorCode, PaymentIssueCode } from './messages.js';
