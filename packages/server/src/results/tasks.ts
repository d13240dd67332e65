/**
 * @module Rectification tasks (整改) in the database: core's `RectificationTask` kept whole in `data`, with
 * the columns lists filter on (owner unit and user, deadline, status). Reading is scoped like everything
 * else (the owner unit's staff and whoever may read the evaluation); each step is one of core's pure
 * transitions, written with its audit event in the caller's transaction.
 */
import { CN_WORK_CALENDAR, taskState, workingDaysBetween } from '@jixiao/core';
import type { RectificationTask } from '@jixiao/core';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { allow, readScope } from '../permissions/policy.js';
import type { RectificationTaskSubject } from '../permissions/policy.js';
import { likeEscape } from '../evaluations/queries.js';

type Tx = Kysely<DB> | Transaction<DB>;

export interface TaskRow {
  id: string;
  task_key: string;
  evaluation_id: string;
  evaluation_title: string;
  evaluation_year: number;
  evaluation_org_id: string;
  evaluation_org_path: string;
  evaluation_org_name: string;
  owner_org_id: string;
  owner_org_path: string;
  owner_org_name: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  deadline: string;
  status: 'open' | 'in-progress' | 'closed';
  data: unknown;
  created_at: Date;
  updated_at: Date;
}

export function subjectOfTask(region: string, r: Pick<TaskRow, 'owner_org_id' | 'owner_org_path' | 'evaluation_org_id' | 'evaluation_org_path'>): RectificationTaskSubject {
  return { type: 'rectification-task', region, ownerOrgId: r.owner_org_id, ownerOrgPath: r.owner_org_path, evaluationOrgId: r.evaluation_org_id, evaluationOrgPath: r.evaluation_org_path };
}

/** The base query: tasks with their evaluation, owner unit and owner user. */
function base(db: Tx, region: string) {
  return db
    .selectFrom('rectification_tasks as t')
    .innerJoin('evaluations as e', (j) => j.onRef('e.region', '=', 't.region').onRef('e.id', '=', 't.evaluation_id'))
    .innerJoin('orgs as eo', (j) => j.onRef('eo.region', '=', 'e.region').onRef('eo.id', '=', 'e.org_id'))
    .innerJoin('orgs as oo', (j) => j.onRef('oo.region', '=', 't.region').onRef('oo.id', '=', 't.owner_org_id'))
    .leftJoin('users as ou', (j) => j.onRef('ou.region', '=', 't.region').onRef('ou.id', '=', 't.owner_user_id'))
    .select([
      't.id',
      't.task_key',
      't.evaluation_id',
      'e.title as evaluation_title',
      'e.year as evaluation_year',
      'e.org_id as evaluation_org_id',
      'e.org_path as evaluation_org_path',
      'eo.name as evaluation_org_name',
      't.owner_org_id',
      'oo.path as owner_org_path',
      'oo.name as owner_org_name',
      't.owner_user_id',
      'ou.display_name as owner_user_name',
      't.deadline',
      't.status',
      't.data',
      't.created_at',
      't.updated_at',
    ])
    .where('t.region', '=', region)
    .where('e.deleted_at', 'is', null);
}

export interface TaskFilters {
  evaluation?: string | undefined;
  status?: 'open' | 'in-progress' | 'closed' | undefined;
  /** Not closed and past the deadline (true), or not (false), as of `today`. */
  overdue?: boolean | undefined;
  year?: number | undefined;
  /** Only tasks owned by this organisation. */
  owner?: string | undefined;
}

/** Tasks the user may read: owned by an organisation in scope, or about an evaluation in scope. */
export async function listTasks(db: Tx, user: AuthUser, f: TaskFilters, today: string): Promise<TaskRow[]> {
  const scope = readScope(user);
  let q = base(db, user.region);
  if (scope.kind === 'org') q = q.where((eb) => eb.or([eb('t.owner_org_id', '=', scope.orgId), eb('e.org_id', '=', scope.orgId)]));
  if (scope.kind === 'subtree') {
    const prefix = `${likeEscape(scope.pathPrefix)}%`;
    q = q.where((eb) => eb.or([eb('oo.path', 'like', prefix), eb('e.org_path', 'like', prefix)]));
  }
  if (f.evaluation !== undefined) q = q.where('t.evaluation_id', '=', f.evaluation);
  if (f.status !== undefined) q = q.where('t.status', '=', f.status);
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.owner !== undefined) q = q.where('t.owner_org_id', '=', f.owner);
  if (f.overdue === true) q = q.where('t.status', '<>', 'closed').where('t.deadline', '<', today);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('t.status', '=', 'closed'), eb('t.deadline', '>=', today)]));
  return (await q.orderBy('t.deadline').orderBy('t.id').limit(2000).execute()) as TaskRow[];
}

/** One task the user may read (404 otherwise), optionally locked. */
export async function findTask(db: Tx, user: AuthUser, id: string, options: { lock?: boolean } = {}): Promise<TaskRow> {
  let q = base(db, user.region).where('t.id', '=', id);
  if (options.lock) q = q.forUpdate('t');
  const row = (await q.executeTakeFirst()) as TaskRow | undefined;
  if (!row || !allow(user, 'read', subjectOfTask(user.region, row))) throw new AppError('not-found', '未找到该整改任务');
  return row;
}

export type TaskAction = 'start' | 'evidence' | 'close' | 'reopen' | 'reassign';

/** What the user may do with the task now (for the UI's buttons). */
export function taskActions(user: AuthUser, row: TaskRow): TaskAction[] {
  const s = subjectOfTask(user.region, row);
  const out: TaskAction[] = [];
  const task = row.data as RectificationTask;
  if (allow(user, 'work', s)) {
    if (row.status === 'open') out.push('start');
    if (row.status !== 'closed') out.push('evidence');
  }
  if (allow(user, 'decide', s)) {
    if (row.status === 'in-progress' && task.evidence.length > 0) out.push('close');
    if (row.status === 'closed') out.push('reopen');
    if (row.status !== 'closed') out.push('reassign');
  }
  return out;
}

/** The task as the API shows it. */
export function taskView(user: AuthUser, row: TaskRow, today: string) {
  const task = row.data as RectificationTask;
  const state = taskState(task, today);
  return {
    id: row.id,
    key: row.task_key,
    evaluationId: row.evaluation_id,
    evaluationTitle: row.evaluation_title,
    year: row.evaluation_year,
    orgId: row.evaluation_org_id,
    orgName: row.evaluation_org_name,
    ownerOrgId: row.owner_org_id,
    ownerOrgName: row.owner_org_name,
    ownerUserId: row.owner_user_id,
    ownerUserName: row.owner_user_name,
    findingCode: task.findingCode,
    location: task.location,
    ...(task.path !== undefined ? { path: task.path } : {}),
    ...(task.message !== undefined ? { message: task.message } : {}),
    ...(task.severity !== undefined ? { severity: task.severity } : {}),
    deadline: row.deadline,
    status: state.status,
    statusLabel: state.label,
    ...(state.daysLeft !== undefined ? { daysLeft: state.daysLeft } : {}),
    ...(row.status !== 'closed' ? { workingDaysLeft: workingDaysBetween(today, row.deadline, CN_WORK_CALENDAR) } : {}),
    overdue: state.overdue,
    evidence: task.evidence,
    history: task.history,
    actions: taskActions(user, row),
    /** Whether the caller may open the evaluation (and its evidence files). */
    evaluationReadable: allow(user, 'evaluation.read', subjectOfTask(user.region, row)),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** An owner unit (and optional user) the acting user may assign work to: in the region, in their scope, not the bureau. */
export async function checkOwner(db: Tx, user: AuthUser, ownerOrgId: string, ownerUserId: string | undefined): Promise<{ id: string; path: string }> {
  const org = await db.selectFrom('orgs').select(['id', 'path', 'kind']).where('region', '=', user.region).where('id', '=', ownerOrgId).executeTakeFirst();
  const scope = readScope(user);
  const visible = org && (scope.kind === 'region' || (scope.kind === 'subtree' && org.path.startsWith(scope.pathPrefix)) || (scope.kind === 'org' && org.id === scope.orgId));
  if (!org || !visible) throw new AppError('invalid-request', '整改责任单位不存在或不在你的管理范围内', { issues: [{ path: '$.ownerOrgId', message: '组织不存在或不在管理范围内' }] });
  if (org.kind === 'bureau') throw new AppError('invalid-request', '整改责任单位应为主管部门或单位', { issues: [{ path: '$.ownerOrgId', message: '不能是财政局' }] });
  if (ownerUserId !== undefined) {
    const u = await db.selectFrom('users').select(['id', 'org_id', 'role', 'disabled']).where('region', '=', user.region).where('id', '=', ownerUserId).executeTakeFirst();
    if (!u || u.org_id !== org.id || u.disabled || (u.role !== 'preparer' && u.role !== 'unit-head')) {
      throw new AppError('invalid-request', '整改责任人应为责任单位的填报人或单位负责人', { issues: [{ path: '$.ownerUserId', message: '不是责任单位的在用账号' }] });
    }
  }
  return { id: org.id, path: org.path };
}

/** Stores a new version of the task's data and its columns. */
export async function writeTask(trx: Tx, region: string, id: string, task: RectificationTask, columns: { owner_org_id?: string; owner_user_id?: string | null } = {}): Promise<void> {
  await trx
    .updateTable('rectification_tasks')
    .set({ data: JSON.stringify(task), status: task.status, deadline: task.deadline, updated_at: new Date(), ...columns })
    .where('region', '=', region)
    .where('id', '=', id)
    .execute();
}

/** Counts for a tasks list header. */
export function countTasks(items: ReadonlyArray<{ status: string; overdue: boolean }>) {
  return {
    open: items.filter((t) => t.status === 'open').length,
    inProgress: items.filter((t) => t.status === 'in-progress').length,
    closed: items.filter((t) => t.status === 'closed').length,
    overdue: items.filter((t) => t.overdue).length,
  };
}
