/**
 * @module Target adjustments (绩效目标调整): once goals are approved, a change to a target (or a weight)
 * is a recorded request with a reason, approved or rejected by someone else. The indicator keeps its
 * baseline value; `applyAdjustments` applies the approved requests in order and returns, for every
 * adjusted indicator, the original beside the adjusted value and the history behind it.
 *
 * Every function is pure: it returns a new document and never changes the one it was given.
 */
import { Dec } from '../decimal/index.js';
import type { EvaluationDocument, IndicatorNode, TargetAdjustment } from '../model/index.js';
import { humanPath, indicatorTrees, isLeaf, walkIndicators } from '../model/index.js';
import { ADJUSTMENT_ERRORS, APPLY_ISSUES } from './messages.js';
import type { AdjustmentErrorCode, ApplyIssueCode } from './messages.js';

export type AdjustmentField = 'target' | 'weight';

export interface AdjustmentRequest {
  id: string;
  indicatorId: string;
  /** Id of the embedded project, when the indicator is not in the main tree. */
  project?: string | undefined;
  field?: AdjustmentField | undefined;
  to: string;
  reason: string;
  requestedBy: string;
  /** ISO date-time. */
  requestedAt: string;
}

export interface AdjustmentDecision {
  decision: 'approve' | 'reject';
  by: string;
  /** ISO date-time. */
  at: string;
  /** Required when rejecting. */
  reason?: string | undefined;
}

export type AdjustmentResult =
  | { ok: true; document: EvaluationDocument; adjustment: TargetAdjustment }
  | { ok: false; code: AdjustmentErrorCode; message: string };

/** One adjusted (or to-be-adjusted) indicator: the original beside the adjusted value. */
export interface AdjustmentView {
  indicatorId: string;
  project?: string | undefined;
  field: AdjustmentField;
  /** JSON path of the indicator node. */
  path: string;
  /** Human path, e.g. "产出指标 › 数量指标 › 监督抽查批次". */
  location: string;
  /** The baseline value (as approved with the goals). */
  original: string | undefined;
  /** The value after every approved adjustment. */
  adjusted: string | undefined;
  /** The value asked for by a pending request, if any. */
  pending?: string | undefined;
  /** Every request for this indicator and field, oldest first. */
  history: TargetAdjustment[];
}

export interface ApplyIssue {
  code: ApplyIssueCode;
  adjustmentId: string;
  message: string;
}

export interface AppliedAdjustments {
  /** The document with every approved adjustment applied (its `adjustments` list kept). */
  document: EvaluationDocument;
  /** Indicators with at least one adjustment request, in document order. */
  views: AdjustmentView[];
  issues: ApplyIssue[];
}

function fail(code: AdjustmentErrorCode): { ok: false; code: AdjustmentErrorCode; message: string } {
  return { ok: false, code, message: ADJUSTMENT_ERRORS[code] };
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

interface Located {
  node: IndicatorNode;
  path: string;
  names: string[];
}

/** Finds an indicator node by id in the main tree or in an embedded project. */
function locate(doc: EvaluationDocument, indicatorId: string, project: string | undefined): Located | undefined {
  const search = (roots: readonly IndicatorNode[], base: string, prefix: string[]): Located | undefined => {
    const stack: Array<{ node: IndicatorNode; path: string; names: string[] }> = roots.map((node, i) => ({ node, path: `${base}[${i}]`, names: [...prefix, node.name] })).reverse();
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (x.node.id === indicatorId) return x;
      const kids = x.node.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, path: `${x.path}.children[${i}]`, names: [...x.names, kids[i]!.name] });
    }
    return undefined;
  };
  if (project === undefined) return search(doc.indicators, '$.indicators', []);
  const pi = doc.projects.findIndex((p) => p.id === project);
  if (pi < 0) return undefined;
  return search(doc.projects[pi]!.indicators, `$.projects[${pi}].indicators`, [doc.projects[pi]!.name]);
}

function fieldOf(a: { field?: AdjustmentField | undefined }): AdjustmentField {
  return a.field ?? 'target';
}

function sameSlot(a: { indicatorId: string; project?: string | undefined; field?: AdjustmentField | undefined }, b: typeof a): boolean {
  return a.indicatorId === b.indicatorId && (a.project ?? '') === (b.project ?? '') && fieldOf(a) === fieldOf(b);
}

/** Approved adjustments in the order they take effect: by approval time, then request time, then id. */
function approvedInOrder(list: readonly TargetAdjustment[]): TargetAdjustment[] {
  return list
    .filter((a) => a.status === 'approved')
    .sort((a, b) => cmp(a.approvedAt ?? a.requestedAt, b.approvedAt ?? b.requestedAt) || cmp(a.requestedAt, b.requestedAt) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The current value of an indicator's target or weight: the baseline with approved adjustments applied. */
export function effectiveValue(doc: EvaluationDocument, indicatorId: string, field: AdjustmentField = 'target', project?: string): string | undefined {
  const at = locate(doc, indicatorId, project);
  if (!at) return undefined;
  let value = at.node[field];
  for (const a of approvedInOrder(doc.adjustments ?? [])) if (sameSlot(a, { indicatorId, project, field })) value = a.to;
  return value;
}

/** Records a pending adjustment request on the document, after checking it. */
export function requestAdjustment(doc: EvaluationDocument, request: AdjustmentRequest): AdjustmentResult {
  const field = fieldOf(request);
  const at = locate(doc, request.indicatorId, request.project);
  if (!at) return fail('unknown-indicator');
  if (!isLeaf(at.node)) return fail('not-a-leaf');
  if (request.reason.trim() === '') return fail('reason-required');
  const to = request.to.trim();
  if (to === '') return fail('empty-value');
  if (field === 'weight') {
    const w = Dec.parse(to);
    if (!w || w.isNegative()) return fail('invalid-weight');
  }
  const list = doc.adjustments ?? [];
  if (list.some((a) => a.id === request.id)) return fail('duplicate-id');
  if (list.some((a) => a.status === 'pending' && sameSlot(a, request))) return fail('pending-exists');
  const from = effectiveValue(doc, request.indicatorId, field, request.project) ?? '';
  if (from.trim() === to) return fail('unchanged');
  const adjustment: TargetAdjustment = {
    id: request.id,
    indicatorId: request.indicatorId,
    ...(request.project !== undefined ? { project: request.project } : {}),
    ...(request.field !== undefined ? { field: request.field } : {}),
    from,
    to,
    reason: request.reason.trim(),
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt,
    status: 'pending',
  };
  return { ok: true, document: { ...doc, adjustments: [...list.map(clone), adjustment] }, adjustment };
}

/** Approves or rejects a pending request. The approver must not be the requester; a rejection needs a reason. */
export function decideAdjustment(doc: EvaluationDocument, adjustmentId: string, decision: AdjustmentDecision): AdjustmentResult {
  const list = doc.adjustments ?? [];
  const index = list.findIndex((a) => a.id === adjustmentId);
  if (index < 0) return fail('unknown-adjustment');
  const a = list[index]!;
  if (a.status !== 'pending') return fail('not-pending');
  if (decision.by === a.requestedBy) return fail('same-person');
  let decided: TargetAdjustment;
  if (decision.decision === 'approve') {
    const current = effectiveValue(doc, a.indicatorId, fieldOf(a), a.project);
    if (current === undefined && !locate(doc, a.indicatorId, a.project)) return fail('unknown-indicator');
    if ((current ?? '').trim() !== a.from.trim()) return fail('stale');
    decided = { ...clone(a), status: 'approved', approvedBy: decision.by, approvedAt: decision.at };
  } else {
    const reason = decision.reason?.trim() ?? '';
    if (reason === '') return fail('rejection-reason-required');
    decided = { ...clone(a), status: 'rejected', rejectedBy: decision.by, rejectedAt: decision.at, rejectionReason: reason };
  }
  const adjustments = list.map((x, i) => (i === index ? decided : clone(x)));
  return { ok: true, document: { ...doc, adjustments }, adjustment: decided };
}

/**
 * Applies the approved adjustments (in approval order) to a copy of the document and lists every
 * adjusted indicator with its original and adjusted value. Pending and rejected requests change
 * nothing but appear in the history. Score the returned document, not the baseline one.
 */
export function applyAdjustments(doc: EvaluationDocument): AppliedAdjustments {
  const list = doc.adjustments ?? [];
  if (list.length === 0) return { document: doc, views: [], issues: [] };
  const out = clone(doc);
  const issues: ApplyIssue[] = [];
  const views = new Map<string, AdjustmentView>();
  const slotKey = (a: TargetAdjustment) => `${a.project ?? ''}\u0000${a.indicatorId}\u0000${fieldOf(a)}`;
  for (const a of list) {
    const key = slotKey(a);
    let view = views.get(key);
    if (!view) {
      const at = locate(out, a.indicatorId, a.project);
      if (!at) {
        if (a.status === 'approved') issues.push({ code: 'unknown-indicator', adjustmentId: a.id, message: APPLY_ISSUES['unknown-indicator'](a.id) });
        continue;
      }
      const original = at.node[fieldOf(a)];
      view = {
        indicatorId: a.indicatorId,
        ...(a.project !== undefined ? { project: a.project } : {}),
        field: fieldOf(a),
        path: at.path,
        location: humanPath(at.names),
        original,
        adjusted: original,
        history: [],
      };
      views.set(key, view);
    }
    view.history.push(clone(a));
    if (a.status === 'pending') view.pending = a.to;
  }
  for (const a of approvedInOrder(list)) {
    const view = views.get(slotKey(a));
    const at = locate(out, a.indicatorId, a.project);
    if (!view || !at) continue;
    const field = fieldOf(a);
    const found = at.node[field] ?? '';
    if (found.trim() !== a.from.trim()) {
      issues.push({ code: 'chain-broken', adjustmentId: a.id, message: APPLY_ISSUES['chain-broken'](a.id, a.from, found) });
    }
    at.node[field] = a.to;
    view.adjusted = a.to;
  }
  const order = new Map<string, number>();
  for (const tree of indicatorTrees(out)) for (const v of walkIndicators(tree.roots, tree.basePath)) order.set(v.path, order.size);
  const ordered = [...views.values()].sort((x, y) => (order.get(x.path) ?? 0) - (order.get(y.path) ?? 0));
  return { document: out, views: ordered, issues };
}
