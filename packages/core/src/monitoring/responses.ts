/**
 * @module Warning cases (预警处理): a warning that needs an answer opens a case with a due date in
 * working days; the unit chooses continue, reallocate or cancel (继续执行 / 调整资金用途 / 取消项目) before
 * the money is suspended; the reviewer records continue, correct or suspend (继续执行 / 限期纠偏 / 暂缓拨款).
 * Cases and responses are validated plain data; transitions are pure and return a tagged result;
 * status and reminders take "today" as a parameter.
 */
import { z } from 'zod';
import { MonitoringReasonCode } from '../rulesets/index.js';
import type { RuleSet } from '../rulesets/index.js';
import { parseIsoDate, WEEKDAYS_ONLY, workingDaysBetween } from './calendar.js';
import type { WorkCalendar } from './calendar.js';
import type { ProjectAssessment } from './assess.js';
import { CASE_STATUS_ZH, REMINDER_ZH, RESPONSE_ERRORS } from './messages.js';
import type { ResponseErrorCode } from './messages.js';
import { IsoDate } from './snapshots.js';

const Stamp = z.string().refine((x) => parseIsoDate(x) !== undefined, 'an ISO date or date-time').describe('ISO date or date-time');

/** The unit's answer (单位处理意见). */
export const UnitResponse = z.object({
  choice: z.enum(['continue', 'reallocate', 'cancel']),
  reason: z.string().trim().min(1),
  by: z.string().min(1),
  at: Stamp,
});
export type UnitResponse = z.infer<typeof UnitResponse>;

/** The reviewer's response (审核意见); `correctBy` is the deadline of a correction. */
export const ReviewResponse = z.object({
  decision: z.enum(['continue', 'correct', 'suspend']),
  reason: z.string().trim().min(1),
  by: z.string().min(1),
  at: Stamp,
  correctBy: IsoDate.optional(),
});
export type ReviewResponse = z.infer<typeof ReviewResponse>;

export const WarningCase = z.object({
  id: z.string().min(1),
  project: z.string().min(1).describe('id of the project (document) warned'),
  projectName: z.string().optional(),
  period: z.string().optional().describe('the snapshot period the warning is about'),
  issuedAt: IsoDate,
  due: IsoDate.describe('last working day for the unit to answer'),
  codes: z.array(MonitoringReasonCode).min(1),
  unitResponse: UnitResponse.optional(),
  review: ReviewResponse.optional(),
});
export type WarningCase = z.infer<typeof WarningCase>;

export type CaseStatus = keyof typeof CASE_STATUS_ZH;

export type CaseResult = { ok: true; case: WarningCase } | { ok: false; code: ResponseErrorCode; message: string; issues?: string[] };

function fail(code: ResponseErrorCode, issues?: string[]): CaseResult {
  return { ok: false, code, message: RESPONSE_ERRORS[code], ...(issues ? { issues } : {}) };
}

/** A case for a project whose assessment needs an answer; undefined when it does not. */
export function openCase(project: ProjectAssessment, id: string): WarningCase | undefined {
  if (!project.response) return undefined;
  return {
    id,
    project: project.id,
    projectName: project.name,
    ...(project.snapshot ? { period: project.snapshot.period } : {}),
    issuedAt: project.response.issuedAt,
    due: project.response.due,
    codes: [...project.response.codes],
  };
}

function issuesOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '$'}: ${i.message}`);
}

/** Records the unit's answer (accepted late too: `caseStatus` says it was late). */
export function respondAsUnit(c: WarningCase, input: unknown): CaseResult {
  if (c.unitResponse) return fail('already-answered');
  if (c.review) return fail('already-reviewed');
  const r = UnitResponse.safeParse(input);
  if (!r.success) return r.error.issues.some((i) => i.path[0] === 'reason') ? fail('reason-required', issuesOf(r.error)) : fail('invalid', issuesOf(r.error));
  return { ok: true, case: { ...c, unitResponse: r.data } };
}

/** Records the reviewer's response: after the unit's answer, or without it once the case is overdue. */
export function reviewCase(c: WarningCase, input: unknown, today: string): CaseResult {
  if (c.review) return fail('already-reviewed');
  const r = ReviewResponse.safeParse(input);
  if (!r.success) return r.error.issues.some((i) => i.path[0] === 'reason') ? fail('reason-required', issuesOf(r.error)) : fail('invalid', issuesOf(r.error));
  if (!c.unitResponse && today.slice(0, 10) <= c.due) return fail('not-answered');
  return { ok: true, case: { ...c, review: r.data } };
}

export interface CaseState {
  status: CaseStatus;
  label: string;
  /** Working days from today to the due date (negative once overdue); absent once answered. */
  workingDaysLeft?: number | undefined;
  /** The unit answered after the due date. */
  late: boolean;
}

/** Where a case stands today. */
export function caseStatus(c: WarningCase, today: string, calendar: WorkCalendar = WEEKDAYS_ONLY, reminderWorkingDays = 3): CaseState {
  const late = c.unitResponse !== undefined && c.unitResponse.at.slice(0, 10) > c.due;
  const make = (status: CaseStatus, left?: number): CaseState => ({ status, label: CASE_STATUS_ZH[status], ...(left !== undefined ? { workingDaysLeft: left } : {}), late });
  if (c.review) return make('closed');
  if (c.unitResponse) return make('awaiting-review');
  const day = today.slice(0, 10);
  const left = workingDaysBetween(day, c.due, calendar);
  if (day > c.due) return make('overdue', left);
  if (left <= reminderWorkingDays) return make('due-soon', left);
  return make('awaiting-unit', left);
}

export interface Reminder {
  caseId: string;
  project: string;
  kind: 'due-soon' | 'overdue' | 'awaiting-review';
  /** Who is reminded: the unit (to answer) or the reviewer (to decide). */
  to: 'unit' | 'reviewer';
  due: string;
  workingDaysLeft?: number | undefined;
  /** Chinese text for the app and the e-mail. */
  message: string;
}

/** Reminders due today, for the app and for e-mail: answers due soon or overdue, answers awaiting review. */
export function reminders(cases: readonly WarningCase[], today: string, ruleSet: Pick<RuleSet, 'monitoring'>, calendar: WorkCalendar = WEEKDAYS_ONLY): Reminder[] {
  const out: Reminder[] = [];
  for (const c of cases) {
    const s = caseStatus(c, today, calendar, ruleSet.monitoring.reminderWorkingDays);
    const name = c.projectName ?? c.project;
    const base = { caseId: c.id, project: c.project, due: c.due, ...(s.workingDaysLeft !== undefined ? { workingDaysLeft: s.workingDaysLeft } : {}) };
    if (s.status === 'due-soon') out.push({ ...base, kind: 'due-soon', to: 'unit', message: REMINDER_ZH['due-soon'](name, c.due, String(s.workingDaysLeft ?? 0)) });
    else if (s.status === 'overdue') out.push({ ...base, kind: 'overdue', to: 'reviewer', message: REMINDER_ZH.overdue(name, c.due) });
    else if (s.status === 'awaiting-review') out.push({ ...base, kind: 'awaiting-review', to: 'reviewer', message: REMINDER_ZH['awaiting-review'](name) });
  }
  return out;
}
