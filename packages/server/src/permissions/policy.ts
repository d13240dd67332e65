/**
 * @module Permissions, declared in one place: `allow(user, action, subject)`.
 *
 * Reading is scoped by role, always within the user's region (tenant):
 * - preparer (填报人) and unit head (单位负责人): their own organisation's evaluations only;
 * - reviewer (主管部门审核人): the evaluations of their department's subtree;
 * - finance officer (财政绩效科) and admin: the whole region.
 * The same scope drives SQL filters (`readScope`) so lists and single reads agree.
 *
 * Workflow actions combine the scope with the pure state machine of `@jixiao/core` (who may take
 * which action from which state). Anything not declared here is refused.
 */
import { APPROVED_STATES, availableActions, canRescore, isEditable, transition } from '@jixiao/core';
import type { WorkflowAction, WorkflowState } from '@jixiao/core';
import type { OrgKind, Role } from '../db/types.js';
import type { AuthUser } from '../http/env.js';

/** What a user may read, as a filter: one organisation, a subtree (by path prefix) or the region. */
export type ReadScope =
  | { kind: 'org'; region: string; orgId: string }
  | { kind: 'subtree'; region: string; pathPrefix: string }
  | { kind: 'region'; region: string };

export function readScope(user: AuthUser): ReadScope {
  switch (user.role) {
    case 'preparer':
    case 'unit-head':
      return { kind: 'org', region: user.region, orgId: user.orgId };
    case 'reviewer':
      return { kind: 'subtree', region: user.region, pathPrefix: user.orgPath };
    case 'finance':
    case 'admin':
      return { kind: 'region', region: user.region };
  }
}

/** An evaluation as permissions see it. */
export interface EvaluationSubject {
  type: 'evaluation';
  region: string;
  orgId: string;
  orgPath: string;
  status: WorkflowState;
  createdBy?: string | undefined;
}

/** An organisation, for creating evaluations in it and for managing the tree. */
export interface OrgSubject {
  type: 'org';
  region: string;
  id: string;
  path: string;
  kind: OrgKind;
}

/** A user account, for administration and for reading someone's audit trail. */
export interface UserSubject {
  type: 'user';
  region: string;
  id: string;
}

/** A bulk import batch. */
export interface BatchSubject {
  type: 'import-batch';
  region: string;
  orgId: string;
  orgPath: string;
  createdBy: string;
}

/**
 * A rectification task (整改任务): owned by a unit (`ownerOrgId`), about an evaluation of `evaluationOrgPath`.
 * The owner unit's staff and everyone who may read the evaluation see it; the owner unit works on it
 * (starts it, attaches evidence); a reviewer of the evaluation's department subtree or the finance
 * office closes, reopens and reassigns it.
 */
export interface RectificationTaskSubject {
  type: 'rectification-task';
  region: string;
  ownerOrgId: string;
  ownerOrgPath: string;
  evaluationOrgId: string;
  evaluationOrgPath: string;
}

/** The region itself, for region-wide administration. */
export interface RegionSubject {
  type: 'region';
  region: string;
}

/**
 * A region's indicator library (指标库): region-wide knowledge (names, units, distributions), read by every
 * signed-in user of the region; curated by the finance office only. Which units used an entry (the
 * organisation names of `byOrganisation`) is shown whole to the finance office and admin, and otherwise
 * only for the organisations in the reader's own scope. Document ids are never part of an entry.
 */
export interface LibrarySubject {
  type: 'library';
  region: string;
}

type SubjectOf = {
  evaluation: EvaluationSubject;
  org: OrgSubject;
  user: UserSubject;
  'import-batch': BatchSubject;
  region: RegionSubject;
  library: LibrarySubject;
  'rectification-task': RectificationTaskSubject;
};

function inScope(user: AuthUser, region: string, orgId: string, orgPath: string): boolean {
  if (user.region !== region) return false;
  const scope = readScope(user);
  switch (scope.kind) {
    case 'org':
      return orgId === scope.orgId;
    case 'subtree':
      return orgPath.startsWith(scope.pathPrefix);
    case 'region':
      return true;
  }
}

const isUnitStaff = (u: AuthUser) => u.role === 'preparer' || u.role === 'unit-head';
const ownOrg = (u: AuthUser, s: { region: string; orgId: string }) => u.region === s.region && u.orgId === s.orgId;
const canRead = (u: AuthUser, e: EvaluationSubject) => inScope(u, e.region, e.orgId, e.orgPath);
const takes = (action: WorkflowAction) => (u: AuthUser, e: EvaluationSubject) =>
  canRead(u, e) && u.role !== 'admin' && transition(e.status, action, { role: u.role, reason: 'x' }).ok;

/** The whole policy: subject type → action → rule. */
const POLICY = {
  evaluation: {
    read: canRead,
    export: canRead,
    'history.read': canRead,
    'audit-trail.read': canRead,
    'evidence.read': canRead,
    comment: (u, e) => canRead(u, e),
    update: (u, e) => ownOrg(u, e) && isUnitStaff(u) && isEditable(e.status),
    delete: (u, e) => ownOrg(u, e) && isUnitStaff(u) && e.status === 'draft',
    'evidence.upload': (u, e) => ownOrg(u, e) && isUnitStaff(u) && isEditable(e.status),
    'evidence.delete': (u, e) => ownOrg(u, e) && isUnitStaff(u) && isEditable(e.status),
    rescore: (u, e) => canRead(u, e) && canRescore(e.status, u.role),
    submit: takes('submit'),
    return: takes('return'),
    approve: takes('approve'),
    recheck: takes('recheck'),
    publish: takes('publish'),
    /**
     * Goal documents (绩效目标申报, stage `goals`) once approved: their unit derives the monitoring and
     * self-evaluation documents from them and asks for target adjustments; a reviewer of the department's
     * subtree or the finance office decides on an adjustment (never the person who asked: core checks that).
     */
    'goals.derive': (u, e) => ownOrg(u, e) && isUnitStaff(u) && APPROVED_STATES.includes(e.status),
    'goals.adjustment.request': (u, e) => ownOrg(u, e) && isUnitStaff(u) && APPROVED_STATES.includes(e.status),
    'goals.adjustment.decide': (u, e) => canRead(u, e) && (u.role === 'reviewer' || u.role === 'finance') && APPROVED_STATES.includes(e.status),
    /** Monitoring (stage `monitoring`): the unit reports snapshots and answers warnings; a reviewer in scope or the finance office reviews. */
    'monitoring.report': (u, e) => ownOrg(u, e) && isUnitStaff(u),
    'monitoring.respond': (u, e) => ownOrg(u, e) && isUnitStaff(u),
    'monitoring.review': (u, e) => canRead(u, e) && (u.role === 'reviewer' || u.role === 'finance'),
    /** Results (结果应用): a reviewer of the subtree or the finance office opens rectification tasks on it. */
    'results.tasks.create': (u, e) => canRead(u, e) && (u.role === 'reviewer' || u.role === 'finance'),
  },
  org: {
    read: (u, o) => u.region === o.region,
    /** Create evaluations in it (and import into it): its own staff, or the region's admin. */
    'evaluation.create': (u, o) =>
      u.region === o.region && o.kind !== 'bureau' && ((isUnitStaff(u) && u.orgId === o.id) || u.role === 'admin'),
    /** Add a child organisation under it. */
    'child.create': (u, o) => u.region === o.region && u.role === 'admin' && o.kind !== 'unit',
  },
  user: {
    read: (u, t) => u.region === t.region && (u.id === t.id || u.role === 'admin'),
    update: (u, t) => u.region === t.region && u.role === 'admin',
    'audit-trail.read': (u, t) => u.region === t.region && (u.id === t.id || u.role === 'admin' || u.role === 'finance'),
  },
  'import-batch': {
    read: (u, b) => u.region === b.region && (u.id === b.createdBy || u.role === 'admin' || u.role === 'finance'),
  },
  region: {
    'users.manage': (u, r) => u.region === r.region && u.role === 'admin',
    'orgs.read': (u, r) => u.region === r.region,
  },
  library: {
    read: (u, l) => u.region === l.region,
    /** See every unit's use of an entry (organisation names); others see only the organisations in their scope. */
    'organisations.read': (u, l) => u.region === l.region && (u.role === 'finance' || u.role === 'admin'),
    curate: (u, l) => u.region === l.region && u.role === 'finance',
  },
  'rectification-task': {
    read: (u, t) => inScope(u, t.region, t.ownerOrgId, t.ownerOrgPath) || inScope(u, t.region, t.evaluationOrgId, t.evaluationOrgPath),
    /** Open the evaluation the task is about (a reassigned owner unit may see the task but not the evaluation). */
    'evaluation.read': (u, t) => inScope(u, t.region, t.evaluationOrgId, t.evaluationOrgPath),
    /** Start it and attach evidence: the owner unit's own staff. */
    work: (u, t) => u.region === t.region && isUnitStaff(u) && u.orgId === t.ownerOrgId,
    /** Close (with evidence), reopen (with a reason), reassign: a reviewer of the evaluation's subtree or the finance office. */
    decide: (u, t) => inScope(u, t.region, t.evaluationOrgId, t.evaluationOrgPath) && (u.role === 'reviewer' || u.role === 'finance'),
  },
} satisfies { [T in keyof SubjectOf]: Record<string, (user: AuthUser, subject: SubjectOf[T]) => boolean> };

type Policy = typeof POLICY;
export type ActionOf<T extends keyof Policy> = keyof Policy[T] & string;

export type Subject = SubjectOf[keyof SubjectOf];

/** True when `user` may take `action` on `subject`. Undeclared actions are refused. */
export function allow<S extends Subject>(user: AuthUser, action: ActionOf<S['type']>, subject: S): boolean {
  const rules = POLICY[subject.type] as Record<string, ((u: AuthUser, s: S) => boolean) | undefined>;
  const rule = Object.hasOwn(rules, action) ? rules[action] : undefined;
  return rule ? rule(user, subject) : false;
}

/** The workflow actions `user` may take on an evaluation now (for the UI's buttons). */
export function workflowActionsFor(user: AuthUser, e: EvaluationSubject): WorkflowAction[] {
  if (!canRead(user, e) || user.role === 'admin') return [];
  return availableActions(e.status, user.role);
}

/** Roles and the kinds of organisation they belong to. */
export const ROLE_ORG_KINDS: Readonly<Record<Role, readonly OrgKind[]>> = Object.freeze({
  preparer: ['unit', 'department'],
  'unit-head': ['unit', 'department'],
  reviewer: ['department'],
  finance: ['bureau'],
  admin: ['bureau'],
});
