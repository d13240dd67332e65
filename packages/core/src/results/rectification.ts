/**
 * @module Rectification tasks (整改): reviewers' and the audit's findings become tasks with an owner and a
 * deadline, tracked to closure with evidence. Validated plain data; pure transitions returning a tagged
 * result (open → in progress → closed, which needs evidence; closed → open again with a reason); every
 * change is kept in the task's history. "Today" is always a parameter.
 */
import { z } from 'zod';
import { EvidenceRef } from '../model/index.js';
import { addDays, daysBetween, isIsoDate } from '../monitoring/calendar.js';
import type { RuleSet } from '../rulesets/index.js';
import { TASK_ERRORS, TASK_STATUS_ZH } from './messages.js';
import type { TaskErrorCode } from './messages.js';

export const TaskStatus = z.enum(['open', 'in-progress', 'closed']);
export type TaskStatus = z.infer<typeof TaskStatus>;

const IsoDate = z.string().refine(isIsoDate, 'an ISO date, e.g. "2024-09-30"');
const Stamp = z.string().refine((x) => isIsoDate(x.slice(0, 10)), 'an ISO date or date-time');

export const TaskEvent = z.object({
  at: Stamp,
  by: z.string().min(1),
  action: z.enum(['create', 'start', 'evidence', 'close', 'reopen', 'reassign']),
  from: TaskStatus.optional(),
  to: TaskStatus.optional(),
  note: z.string().optional(),
});
export type TaskEvent = z.infer<typeof TaskEvent>;

export const RectificationTask = z.object({
  id: z.string().min(1),
  evaluationId: z.string().min(1).describe('the evaluation the finding is about'),
  findingCode: z.string().min(1).describe('audit code (e.g. ARITH-EXEC-RATE) or a reviewer\'s own'),
  location: z.string().describe('human path of what is to be rectified'),
  path: z.string().optional().describe('JSON path in the document'),
  message: z.string().optional().describe('the finding as worded for the unit'),
  severity: z.enum(['error', 'warning', 'info']).optional(),
  owner: z.string().min(1).describe('整改责任人 (user or unit id)'),
  deadline: IsoDate.describe('整改期限'),
  status: TaskStatus,
  evidence: z.array(EvidenceRef).default([]),
  history: z.array(TaskEvent).default([]),
});
export type RectificationTask = z.infer<typeof RectificationTask>;

export type TaskResult = { ok: true; task: RectificationTask } | { ok: false; code: TaskErrorCode; message: string };

function fail(code: TaskErrorCode): TaskResult {
  return { ok: false, code, message: TASK_ERRORS[code] };
}

/** The part of a finding a task needs (an audit `Finding`, its JSON, or a reviewer's own). */
export interface FindingLike {
  code: string;
  location: string;
  path?: string | undefined;
  message?: string | undefined;
  severity?: 'error' | 'warning' | 'info' | undefined;
}

export interface TasksFromFindingsOptions {
  evaluationId: string;
  owner: string;
  /** Who creates the tasks, and when (ISO date or date-time: "today"). */
  by: string;
  at: string;
  /** Deadline; default `at` plus the rule set's `results.rectificationDays` (calendar days). */
  deadline?: string | undefined;
  ruleSet?: Pick<RuleSet, 'results'> | undefined;
  /** Only findings of these severities become tasks (default: all given). */
  severities?: ReadonlyArray<'error' | 'warning' | 'info'> | undefined;
}

const DEFAULT_DAYS = 60;

/** One open task per finding, with a deterministic id (`evaluation:code:path`, numbered when repeated). */
export function tasksFromFindings(findings: readonly FindingLike[], options: TasksFromFindingsOptions): RectificationTask[] {
  const keep = options.severities ? new Set(options.severities) : undefined;
  const deadline = options.deadline ?? addDays(options.at.slice(0, 10), options.ruleSet?.results.rectificationDays ?? DEFAULT_DAYS);
  const seen = new Map<string, number>();
  const out: RectificationTask[] = [];
  for (const f of findings) {
    if (keep && (f.severity === undefined || !keep.has(f.severity))) continue;
    const base = `${options.evaluationId}:${f.code}:${f.path ?? f.location}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.push({
      id: n === 1 ? base : `${base}#${n}`,
      evaluationId: options.evaluationId,
      findingCode: f.code,
      location: f.location,
      ...(f.path !== undefined ? { path: f.path } : {}),
      ...(f.message !== undefined ? { message: f.message } : {}),
      ...(f.severity !== undefined ? { severity: f.severity } : {}),
      owner: options.owner,
      deadline,
      status: 'open',
      evidence: [],
      history: [{ at: options.at, by: options.by, action: 'create', to: 'open' }],
    });
  }
  return out;
}

export interface TaskActor {
  by: string;
  at: string;
  note?: string | undefined;
}

function step(task: RectificationTask, to: TaskStatus, action: TaskEvent['action'], actor: TaskActor, patch: Partial<RectificationTask> = {}): TaskResult {
  const event: TaskEvent = { at: actor.at, by: actor.by, action, from: task.status, to, ...(actor.note !== undefined && actor.note.trim() !== '' ? { note: actor.note.trim() } : {}) };
  return { ok: true, task: { ...task, ...patch, status: to, history: [...task.history, event] } };
}

/** open → in progress. */
export function startTask(task: RectificationTask, actor: TaskActor): TaskResult {
  if (task.status !== 'open') return fail(task.status === 'closed' ? 'closed' : 'not-open');
  return step(task, 'in-progress', 'start', actor);
}

/** Adds evidence (佐证材料) to a task that is not closed. */
export function addEvidence(task: RectificationTask, evidence: unknown, actor: TaskActor): TaskResult {
  if (task.status === 'closed') return fail('closed');
  const e = EvidenceRef.safeParse(evidence);
  if (!e.success) return fail('invalid-evidence');
  return step(task, task.status, 'evidence', { ...actor, note: actor.note ?? e.data.name }, { evidence: [...task.evidence, e.data] });
}

/** in progress → closed; needs at least one piece of evidence. */
export function closeTask(task: RectificationTask, actor: TaskActor): TaskResult {
  if (task.status !== 'in-progress') return fail(task.status === 'closed' ? 'closed' : 'not-in-progress');
  if (task.evidence.length === 0) return fail('evidence-required');
  return step(task, 'closed', 'close', actor);
}

/** closed → open, with the reason (e.g. the reviewer found the rectification insufficient). */
export function reopenTask(task: RectificationTask, actor: TaskActor & { reason: string }): TaskResult {
  if (task.status !== 'closed') return fail('not-closed');
  if (actor.reason.trim() === '') return fail('reason-required');
  return step(task, 'open', 'reopen', { ...actor, note: actor.reason });
}

/** Gives the task to another owner and/or deadline. */
export function reassignTask(task: RectificationTask, change: { owner?: string | undefined; deadline?: string | undefined }, actor: TaskActor): TaskResult {
  if (task.status === 'closed') return fail('closed');
  if (change.owner !== undefined && change.owner.trim() === '') return fail('owner-required');
  if (change.deadline !== undefined && !isIsoDate(change.deadline)) return fail('invalid-deadline');
  const patch: Partial<RectificationTask> = { ...(change.owner !== undefined ? { owner: change.owner.trim() } : {}), ...(change.deadline !== undefined ? { deadline: change.deadline } : {}) };
  const note = [change.owner !== undefined ? `owner ${task.owner} → ${change.owner.trim()}` : '', change.deadline !== undefined ? `deadline ${task.deadline} → ${change.deadline}` : ''].filter(Boolean).join('; ');
  return step(task, task.status, 'reassign', { ...actor, note: actor.note ?? note }, patch);
}

export interface TaskState {
  status: TaskStatus;
  label: string;
  /** Calendar days to the deadline (negative once past); absent once closed. */
  daysLeft?: number | undefined;
  overdue: boolean;
}

/** Where a task stands today. */
export function taskState(task: RectificationTask, today: string): TaskState {
  if (task.status === 'closed') return { status: 'closed', label: TASK_STATUS_ZH.closed, overdue: false };
  const daysLeft = daysBetween(today.slice(0, 10), task.deadline);
  return { status: task.status, label: TASK_STATUS_ZH[task.status], daysLeft, overdue: daysLeft < 0 };
}
