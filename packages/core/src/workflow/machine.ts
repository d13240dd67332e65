/**
 * @module The review workflow (审核流程) as a pure state machine:
 * 草稿 → 已提交 → 已审核 (by 主管部门) or 已退回 → 已复核 (by 财政) → 已公开.
 *
 * The machine knows states, actions and roles only. Whether a user may act on a particular document
 * (its organisation, department subtree or region) is the server's concern; it asks the machine
 * whether the role may take the action from the document's state. Nothing here throws: every answer
 * is a tagged union with a stable code and a Chinese message.
 */

/** Workflow states, in the order a document normally passes through them. */
export const WORKFLOW_STATES = ['draft', 'submitted', 'returned', 'approved', 'rechecked', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Actions that move a document from one state to another. */
export const WORKFLOW_ACTIONS = ['submit', 'return', 'approve', 'recheck', 'publish'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * Roles of people in the workflow: 填报人, 单位负责人, 主管部门审核人, 财政绩效科, 系统管理员.
 * The admin manages users and organisations and takes no part in the workflow.
 */
export const WORKFLOW_ROLES = ['preparer', 'unit-head', 'reviewer', 'finance', 'admin'] as const;
export type WorkflowRole = (typeof WORKFLOW_ROLES)[number];

export const STATE_LABELS: Readonly<Record<WorkflowState, string>> = Object.freeze({
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  rechecked: '已复核',
  published: '已公开',
});

export const ACTION_LABELS: Readonly<Record<WorkflowAction, string>> = Object.freeze({
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  recheck: '复核通过',
  publish: '公开',
});

export const ROLE_LABELS: Readonly<Record<WorkflowRole, string>> = Object.freeze({
  preparer: '填报人',
  'unit-head': '单位负责人',
  reviewer: '主管部门审核人',
  finance: '财政绩效科',
  admin: '系统管理员',
});

/** One edge of the machine: who may take which action from which states, and where it leads. */
export interface Transition {
  action: WorkflowAction;
  from: readonly WorkflowState[];
  to: WorkflowState;
  roles: readonly WorkflowRole[];
  /** A return must say why (退回原因). */
  requiresReason: boolean;
}

/**
 * Every allowed transition. A return is taken by whoever holds the document at that step: the
 * department's reviewer returns a submitted document, the finance office returns an approved one.
 */
export const TRANSITIONS: readonly Transition[] = Object.freeze([
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', roles: ['preparer', 'unit-head'], requiresReason: false },
  { action: 'approve', from: ['submitted'], to: 'approved', roles: ['reviewer'], requiresReason: false },
  { action: 'return', from: ['submitted'], to: 'returned', roles: ['reviewer'], requiresReason: true },
  { action: 'return', from: ['approved'], to: 'returned', roles: ['finance'], requiresReason: true },
  { action: 'recheck', from: ['approved'], to: 'rechecked', roles: ['finance'], requiresReason: false },
  { action: 'publish', from: ['rechecked'], to: 'published', roles: ['finance'], requiresReason: false },
] satisfies Transition[]);

/** Why a transition was refused. */
export type TransitionErrorCode = 'unknown-state' | 'unknown-action' | 'invalid-from-state' | 'role-not-allowed' | 'reason-required';

export type TransitionResult =
  | { ok: true; action: WorkflowAction; from: WorkflowState; to: WorkflowState }
  | { ok: false; code: TransitionErrorCode; message: string };

export interface TransitionInput {
  role: WorkflowRole;
  /** 退回原因 or a remark; required for a return. */
  reason?: string | undefined;
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

export function isWorkflowRole(value: unknown): value is WorkflowRole {
  return typeof value === 'string' && (WORKFLOW_ROLES as readonly string[]).includes(value);
}

/** Decides one transition. Pure; never throws. */
export function transition(state: string, action: string, input: TransitionInput): TransitionResult {
  if (!isWorkflowState(state)) return { ok: false, code: 'unknown-state', message: `未知的流程状态：${state}` };
  if (!isWorkflowAction(action)) {
    return { ok: false, code: 'unknown-action', message: `未知的流程操作：${action}（可用：${WORKFLOW_ACTIONS.join('、')}）` };
  }
  const edges = TRANSITIONS.filter((t) => t.action === action && t.from.includes(state));
  if (edges.length === 0) {
    return {
      ok: false,
      code: 'invalid-from-state',
      message: `当前状态为“${STATE_LABELS[state]}”，不能执行“${ACTION_LABELS[action]}”`,
    };
  }
  const edge = edges.find((t) => t.roles.includes(input.role));
  if (!edge) {
    const who = [...new Set(edges.flatMap((t) => t.roles))].map((r) => ROLE_LABELS[r]).join('、');
    return {
      ok: false,
      code: 'role-not-allowed',
      message: `“${STATE_LABELS[state]}”状态下只有${who}可以执行“${ACTION_LABELS[action]}”`,
    };
  }
  if (edge.requiresReason && (input.reason === undefined || input.reason.trim() === '')) {
    return { ok: false, code: 'reason-required', message: `“${ACTION_LABELS[action]}”必须填写原因` };
  }
  return { ok: true, action, from: state, to: edge.to };
}

/** The actions a role may take from a state (reasons aside), in the order of `WORKFLOW_ACTIONS`. */
export function availableActions(state: WorkflowState, role: WorkflowRole): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) =>
    TRANSITIONS.some((t) => t.action === action && t.from.includes(state) && t.roles.includes(role)),
  );
}

/** The preparer may edit the document's content (goals, actuals, evidence) only in these states. */
export function isEditable(state: WorkflowState): boolean {
  return state === 'draft' || state === 'returned';
}

/**
 * Who may record a re-score (复核分) in a state: the department's reviewer while the document is
 * submitted to it, the finance office while it is approved and awaiting the finance re-check.
 */
export function canRescore(state: WorkflowState, role: WorkflowRole): boolean {
  return (state === 'submitted' && role === 'reviewer') || (state === 'approved' && role === 'finance');
}

/** A document is visible to the public once published. */
export function isPublic(state: WorkflowState): boolean {
  return state === 'published';
}

export interface HistoryStep {
  action: string;
  role: WorkflowRole;
  reason?: string | undefined;
}

export type ReplayResult =
  | { ok: true; state: WorkflowState }
  | { ok: false; state: WorkflowState; index: number; code: TransitionErrorCode; message: string };

/**
 * Replays a history of steps from `draft` (or `from`): the state it ends in, or the first step the
 * machine refuses with its index. Used to check a stored history is consistent.
 */
export function replay(steps: readonly HistoryStep[], from: WorkflowState = 'draft'): ReplayResult {
  let state: WorkflowState = from;
  for (const [index, step] of steps.entries()) {
    const r = transition(state, step.action, { role: step.role, reason: step.reason });
    if (!r.ok) return { ok: false, state, index, code: r.code, message: r.message };
    state = r.to;
  }
  return { ok: true, state };
}
