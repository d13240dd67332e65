/**
 * @module Workflow glue: applies the core state machine to a stored evaluation (status change,
 * transition row, audit event, all in one transaction), comments, and reviewers' re-scores (复核分).
 */
import { Dec, STATE_LABELS, transition } from '@jixiao/core';
import type { EvaluationDocument, IndicatorNode, WorkflowAction } from '@jixiao/core';
import type { Kysely, Transaction } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB, EvaluationStatus } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { allow } from '../permissions/policy.js';
import { findIndicator } from '../evaluations/analysis.js';
import { conflict, loadDocument, requireEvaluation, saveEvaluation, subjectOf } from '../evaluations/store.js';

type Tx = Transaction<DB> | Kysely<DB>;

/** Takes a workflow action on an evaluation. */
export async function takeAction(
  tx: Tx,
  user: AuthUser,
  id: string,
  action: WorkflowAction,
  input: { reason?: string | undefined; expectedVersion?: number | undefined; requestId?: string | undefined },
): Promise<{ from: EvaluationStatus; to: EvaluationStatus }> {
  const current = await requireEvaluation(tx, user, id, 'read', { lock: true });
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw conflict(current, input.expectedVersion);
  if (user.role === 'admin') throw new AppError('forbidden', '系统管理员不参与审核流程');
  const r = transition(current.status, action, { role: user.role, reason: input.reason });
  if (!r.ok) {
    if (r.code === 'reason-required') throw new AppError('invalid-request', r.message, { issues: [{ path: '$.reason', message: '必填' }] });
    if (r.code === 'role-not-allowed') throw new AppError('forbidden', r.message);
    throw new AppError('invalid-transition', r.message, { details: { status: current.status, action } });
  }
  // The machine allows the role; the policy adds the scope (own unit, own department's subtree, region).
  if (!allow(user, action, subjectOf(current))) throw new AppError('forbidden', '该文档不在你的职责范围内');
  const now = new Date();
  await tx
    .updateTable('evaluations')
    .set({
      status: r.to,
      updated_at: now,
      updated_by: user.id,
      ...(r.to === 'published' ? { published_at: now } : {}),
    })
    .where('region', '=', user.region)
    .where('id', '=', id)
    .execute();
  await tx
    .insertInto('workflow_transitions')
    .values({
      region: user.region,
      id: uuidv7(),
      evaluation_id: id,
      action,
      from_status: r.from,
      to_status: r.to,
      actor_id: user.id,
      actor_role: user.role,
      reason: input.reason?.trim() || null,
      version: current.version,
      at: now,
    })
    .execute();
  await recordEvent(tx, {
    region: user.region,
    actorId: user.id,
    action: `evaluation.${action}`,
    subjectType: 'evaluation',
    subjectId: id,
    evaluationId: id,
    diff: {
      changes: [{ path: '$.status', before: r.from, after: r.to }],
      ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
      version: current.version,
    },
    requestId: input.requestId,
  });
  return { from: r.from, to: r.to };
}

/** Adds a comment on the document or on one of its indicators. */
export async function addComment(
  tx: Tx,
  user: AuthUser,
  id: string,
  input: { indicatorId?: string | undefined; body: string; requestId?: string | undefined },
): Promise<{ id: string; createdAt: Date }> {
  const current = await requireEvaluation(tx, user, id, 'comment', { lock: false });
  if (input.indicatorId !== undefined) {
    const doc = await loadDocument(tx, user.region, current.id);
    if (!findIndicator(doc, input.indicatorId)) {
      throw new AppError('invalid-request', `文档中没有指标 ${input.indicatorId}`, { issues: [{ path: '$.indicatorId', message: '指标不存在' }] });
    }
  }
  const commentId = uuidv7();
  const createdAt = new Date();
  await tx
    .insertInto('comments')
    .values({ region: user.region, id: commentId, evaluation_id: id, indicator_id: input.indicatorId ?? null, body: input.body, author_id: user.id, created_at: createdAt })
    .execute();
  await recordEvent(tx, {
    region: user.region,
    actorId: user.id,
    action: 'comment.create',
    subjectType: 'comment',
    subjectId: commentId,
    evaluationId: id,
    diff: { indicatorId: input.indicatorId ?? null, body: input.body },
    requestId: input.requestId,
  });
  return { id: commentId, createdAt };
}

/**
 * Records a reviewer's re-score (复核分) with its reason on one indicator, beside the preparer's
 * score: the document's `review` field of the node. The document is rescored and a version saved.
 */
export async function rescore(
  tx: Tx,
  user: AuthUser,
  id: string,
  indicatorId: string,
  input: { score: string; reason: string; expectedVersion?: number | undefined; requestId?: string | undefined },
): Promise<{ version: number }> {
  const current = await requireEvaluation(tx, user, id, 'rescore', { lock: true });
  const doc = structuredClone(await loadDocument(tx, user.region, current.id)) as EvaluationDocument;
  const node = findIndicator(doc, indicatorId);
  if (!node) throw new AppError('not-found', `文档中没有指标 ${indicatorId}`);
  checkScore(node, input.score);
  const before = node.review;
  node.review = { score: Dec.of(input.score).toString(), reason: input.reason, by: user.displayName, at: new Date().toISOString() };
  const r = await saveEvaluation(tx, { region: user.region, id: user.id, requestId: input.requestId }, {
    current,
    expectedVersion: input.expectedVersion ?? current.version,
    document: doc,
    action: 'evaluation.rescore',
    note: { indicatorId, reviewerRole: user.role, previousReview: before ?? null },
  });
  return { version: r.version };
}

function checkScore(node: IndicatorNode, score: string): void {
  const s = Dec.parse(score);
  if (!s || s.isNegative()) throw new AppError('invalid-request', '复核分应为不小于 0 的数字', { issues: [{ path: '$.score', message: '无效' }] });
  const weight = Dec.parse(node.weight ?? '');
  if (weight && s.gt(weight)) {
    throw new AppError('invalid-request', `复核分 ${s.toString()} 超过该指标的分值 ${weight.toString()}`, { issues: [{ path: '$.score', message: '超过分值' }] });
  }
}

export interface HistoryItem {
  at: string;
  type: 'version' | 'transition' | 'comment';
  actor: { id: string; name: string; role: string };
  version?: number;
  action?: string;
  from?: string;
  fromLabel?: string;
  to?: string;
  toLabel?: string;
  reason?: string | null;
  /** Null when the version was not scorable. */
  total?: string | null;
  grade?: string | null;
  indicatorId?: string | null;
  body?: string;
}

/** The full history of a document: versions saved, workflow transitions and comments, oldest first. */
export async function history(tx: Tx, region: string, id: string): Promise<HistoryItem[]> {
  const versions = await tx
    .selectFrom('evaluation_versions as v')
    .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'v.region').onRef('u.id', '=', 'v.saved_by'))
    .select(['v.version', 'v.total', 'v.grade', 'v.saved_at', 'u.id', 'u.display_name', 'u.role'])
    .where('v.region', '=', region)
    .where('v.evaluation_id', '=', id)
    .execute();
  const transitions = await tx
    .selectFrom('workflow_transitions as t')
    .innerJoin('users as u', (j) => j.onRef('u.region', '=', 't.region').onRef('u.id', '=', 't.actor_id'))
    .select(['t.action', 't.from_status', 't.to_status', 't.reason', 't.version', 't.at', 't.actor_role', 'u.id', 'u.display_name'])
    .where('t.region', '=', region)
    .where('t.evaluation_id', '=', id)
    .execute();
  const comments = await tx
    .selectFrom('comments as c')
    .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'c.region').onRef('u.id', '=', 'c.author_id'))
    .select(['c.indicator_id', 'c.body', 'c.created_at', 'u.id', 'u.display_name', 'u.role'])
    .where('c.region', '=', region)
    .where('c.evaluation_id', '=', id)
    .execute();
  const label = (s: string) => STATE_LABELS[s as EvaluationStatus] ?? s;
  const items: HistoryItem[] = [
    ...versions.map((v) => ({
      at: v.saved_at.toISOString(),
      type: 'version' as const,
      actor: { id: v.id, name: v.display_name, role: v.role },
      version: v.version,
      total: v.total,
      grade: v.grade,
    })),
    ...transitions.map((t) => ({
      at: t.at.toISOString(),
      type: 'transition' as const,
      actor: { id: t.id, name: t.display_name, role: t.actor_role },
      version: t.version,
      action: t.action,
      from: t.from_status,
      fromLabel: label(t.from_status),
      to: t.to_status,
      toLabel: label(t.to_status),
      reason: t.reason,
    })),
    ...comments.map((c) => ({
      at: c.created_at.toISOString(),
      type: 'comment' as const,
      actor: { id: c.id, name: c.display_name, role: c.role },
      indicatorId: c.indicator_id,
      body: c.body,
    })),
  ];
  const rank = { version: 0, transition: 1, comment: 2 };
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : rank[a.type] - rank[b.type]));
}
