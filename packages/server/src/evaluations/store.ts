/**
 * @module Evaluation storage commands. Each runs inside the caller's transaction and writes the
 * document, the query columns, the indicator rows, a version snapshot and the audit event together.
 */
import { isEditable, STATE_LABELS } from '@jixiao/core';
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import type { AuditAction } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB, EvaluationStatus } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { allow } from '../permissions/policy.js';
import type { ActionOf, EvaluationSubject } from '../permissions/policy.js';
import { analyse } from './analysis.js';
import type { Analysis } from './analysis.js';
import { diffJson } from './diff.js';

type Tx = Transaction<DB> | Kysely<DB>;

export interface Actor {
  region: string;
  id: string;
  requestId?: string | undefined;
}

/** The stored row as commands need it (without the large json columns unless asked). */
export interface StoredEvaluation {
  region: string;
  id: string;
  orgId: string;
  orgPath: string;
  status: EvaluationStatus;
  version: number;
  updatedAt: Date;
  updatedBy: string;
  updatedByName: string;
  createdBy: string;
}

export function subjectOf(e: StoredEvaluation): EvaluationSubject {
  return { type: 'evaluation', region: e.region, orgId: e.orgId, orgPath: e.orgPath, status: e.status, createdBy: e.createdBy };
}

/** Reads the row (not deleted), optionally locking it for the rest of the transaction. */
export async function findEvaluation(tx: Tx, region: string, id: string, options: { lock?: boolean } = {}): Promise<StoredEvaluation | undefined> {
  let q = tx
    .selectFrom('evaluations as e')
    .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'e.region').onRef('u.id', '=', 'e.updated_by'))
    .select([
      'e.region',
      'e.id',
      'e.org_id',
      'e.org_path',
      'e.status',
      'e.version',
      'e.updated_at',
      'e.updated_by',
      'e.created_by',
      'u.display_name as updated_by_name',
    ])
    .where('e.region', '=', region)
    .where('e.id', '=', id)
    .where('e.deleted_at', 'is', null);
  if (options.lock) q = q.forUpdate('e');
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  return {
    region: r.region,
    id: r.id,
    orgId: r.org_id,
    orgPath: r.org_path,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name,
    createdBy: r.created_by,
  };
}

/** The stored document (parsed JSON, already validated when it was saved). */
export async function loadDocument(tx: Tx, region: string, id: string): Promise<EvaluationDocument> {
  const r = await tx
    .selectFrom('evaluations')
    .select('document')
    .where('region', '=', region)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return r.document as EvaluationDocument;
}

export interface CreateInput {
  org: { id: string; path: string };
  document: EvaluationDocument;
  analysis?: Analysis | undefined;
  importBatchId?: string | undefined;
}

/** Inserts a new evaluation (status 草稿, version 1) with its indicators, first version and audit event. */
export async function createEvaluation(tx: Tx, actor: Actor, input: CreateInput): Promise<{ id: string; version: number }> {
  const id = uuidv7();
  const document: EvaluationDocument = { ...input.document, id };
  const a = input.analysis ?? analyse(document);
  const now = new Date();
  await tx
    .insertInto('evaluations')
    .values({
      region: actor.region,
      id,
      org_id: input.org.id,
      org_path: input.org.path,
      year: document.header.year,
      level: document.header.level,
      stage: document.header.stage,
      title: document.header.title,
      rule_set: a.ruleSet,
      total: a.total,
      grade: a.grade,
      errors: a.counts.error,
      warnings: a.counts.warning,
      infos: a.counts.info,
      document: JSON.stringify(document),
      score: JSON.stringify(a.score),
      findings: JSON.stringify(a.findings),
      ...summaryColumns(a),
      import_batch_id: input.importBatchId ?? null,
      created_by: actor.id,
      created_at: now,
      updated_by: actor.id,
      updated_at: now,
    })
    .execute();
  await writeIndicators(tx, actor.region, id, a, false);
  await writeFindingCounts(tx, actor.region, id, a, false);
  await writeVersion(tx, actor.region, id, actor.id);
  await recordEvent(tx, {
    region: actor.region,
    actorId: actor.id,
    action: 'evaluation.create',
    subjectType: 'evaluation',
    subjectId: id,
    evaluationId: id,
    diff: {
      title: document.header.title,
      year: document.header.year,
      level: document.header.level,
      orgId: input.org.id,
      total: a.total,
      grade: a.grade,
      ...(input.importBatchId ? { importBatchId: input.importBatchId } : {}),
    },
    requestId: actor.requestId,
  });
  return { id, version: 1 };
}

export interface SaveInput {
  /** The row as locked by `findEvaluation(…, { lock: true })` in this transaction. */
  current: StoredEvaluation;
  /** The version the client edited; a mismatch is a conflict. */
  expectedVersion: number;
  document: EvaluationDocument;
  analysis?: Analysis | undefined;
  action: Extract<AuditAction, 'evaluation.update' | 'evaluation.rescore' | 'evidence.upload' | 'evidence.delete' | 'goal.adjustment.request' | 'goal.adjustment.decide'>;
  /** Extra fields for the audit event (e.g. the evidence file). */
  note?: Record<string, unknown> | undefined;
}

export function conflict(current: StoredEvaluation, expected: number): AppError {
  return new AppError(
    'version-conflict',
    `文档已被 ${current.updatedByName} 于 ${current.updatedAt.toISOString()} 修改（当前版本 ${current.version}，你编辑的是版本 ${expected}），请刷新后重试`,
    {
      details: {
        currentVersion: current.version,
        yourVersion: expected,
        updatedBy: { id: current.updatedBy, name: current.updatedByName },
        updatedAt: current.updatedAt.toISOString(),
      },
    },
  );
}

/**
 * Saves a new version of a document: checks the version, rescores, rewrites the indicators, keeps a
 * snapshot and records the diff. An unchanged document is not a new version.
 */
export async function saveEvaluation(tx: Tx, actor: Actor, input: SaveInput): Promise<{ version: number; changed: boolean }> {
  const { current } = input;
  if (current.version !== input.expectedVersion) throw conflict(current, input.expectedVersion);
  const before = await loadDocument(tx, actor.region, current.id);
  let document: EvaluationDocument = { ...input.document, id: current.id };
  if (input.action === 'evaluation.update') document = keepManagedFields(before, document);
  const diff = diffJson(before, document);
  if (diff.changes.length === 0) return { version: current.version, changed: false };
  const a = input.analysis && input.action !== 'evaluation.update' ? input.analysis : analyseIfChanged(input, document);
  const version = current.version + 1;
  const now = new Date();
  await tx
    .updateTable('evaluations')
    .set({
      year: document.header.year,
      level: document.header.level,
      stage: document.header.stage,
      title: document.header.title,
      version,
      rule_set: a.ruleSet,
      total: a.total,
      grade: a.grade,
      errors: a.counts.error,
      warnings: a.counts.warning,
      infos: a.counts.info,
      document: JSON.stringify(document),
      score: JSON.stringify(a.score),
      findings: JSON.stringify(a.findings),
      ...summaryColumns(a),
      updated_by: actor.id,
      updated_at: now,
    })
    .where('region', '=', actor.region)
    .where('id', '=', current.id)
    .execute();
  await writeIndicators(tx, actor.region, current.id, a, true);
  await writeFindingCounts(tx, actor.region, current.id, a, true);
  await writeVersion(tx, actor.region, current.id, actor.id);
  await recordEvent(tx, {
    region: actor.region,
    actorId: actor.id,
    action: input.action,
    subjectType: 'evaluation',
    subjectId: current.id,
    evaluationId: current.id,
    diff: { version, changes: diff.changes, truncated: diff.truncated, total: a.total, grade: a.grade, ...input.note },
    requestId: actor.requestId,
  });
  return { version, changed: true };
}

/** The given analysis when the document saved is the one analysed, else a fresh one. */
function analyseIfChanged(input: SaveInput, document: EvaluationDocument): Analysis {
  if (input.analysis && JSON.stringify(input.document.indicators) === JSON.stringify(document.indicators)) return input.analysis;
  return analyse(document);
}

/**
 * Fields the document editor does not own: reviewers' re-scores (复核分, their own route) and the
 * evidence lists (kept by the evidence routes). A saved edit keeps them as stored, node by node.
 */
export function keepManagedFields(before: EvaluationDocument, after: EvaluationDocument): EvaluationDocument {
  const stored = new Map<string, IndicatorNode>();
  const collect = (nodes: readonly IndicatorNode[] | undefined, scope: string) => {
    for (const n of nodes ?? []) {
      stored.set(`${scope}/${n.id}`, n);
      collect(n.children, scope);
    }
  };
  collect(before.indicators, '');
  before.projects.forEach((p) => collect(p.indicators, p.id));
  const apply = (nodes: readonly IndicatorNode[] | undefined, scope: string): IndicatorNode[] | undefined =>
    nodes?.map((n) => {
      const old = stored.get(`${scope}/${n.id}`);
      const { review: _review, evidence: _evidence, ...rest } = n;
      const out: IndicatorNode = { ...rest };
      if (old?.review) out.review = old.review;
      if (old?.evidence) out.evidence = old.evidence;
      if (n.children) out.children = apply(n.children, scope);
      return out;
    });
  return {
    ...after,
    indicators: apply(after.indicators, '') ?? [],
    projects: after.projects.map((p) => ({ ...p, indicators: apply(p.indicators, p.id) ?? [] })),
  };
}

/** The summary columns (0005) of an analysis, as stored beside the document. */
function summaryColumns(a: Analysis) {
  return {
    scorable: a.summary.scorable,
    execution_rate: a.summary.executionRate,
    self_score: a.summary.selfScore,
    review_total: a.summary.reviewTotal,
    sector: a.summary.sector,
    project_name: a.summary.projectName,
  };
}

/** Rewrites the finding counts per audit family (0005) of an evaluation. */
async function writeFindingCounts(tx: Tx, region: string, evaluationId: string, a: Analysis, replace: boolean): Promise<void> {
  if (replace) await tx.deleteFrom('evaluation_finding_counts').where('region', '=', region).where('evaluation_id', '=', evaluationId).execute();
  if (a.summary.findingCounts.length === 0) return;
  await tx
    .insertInto('evaluation_finding_counts')
    .values(a.summary.findingCounts.map((f) => ({ region, evaluation_id: evaluationId, ...f })))
    .execute();
}

/**
 * Rewrites the indicator rows. They go to the database as one JSON parameter expanded by
 * `json_to_recordset`, rather than twenty parameters per row: far less protocol work for a
 * document with hundreds of indicators.
 */
async function writeIndicators(tx: Tx, region: string, evaluationId: string, a: Analysis, replace: boolean): Promise<void> {
  if (replace) await tx.deleteFrom('indicators').where('region', '=', region).where('evaluation_id', '=', evaluationId).execute();
  if (a.indicators.length === 0) return;
  const rows = a.indicators.map((r) => ({
    seq: r.seq,
    indicator_id: r.indicatorId,
    path: r.path,
    parent_seq: r.parentSeq,
    project_id: r.projectId,
    depth: r.depth,
    leaf: r.leaf,
    name: r.name,
    category: r.category,
    weight: r.weight,
    target: r.target,
    actual: r.actual,
    unit: r.unit,
    printed_score: r.printedScore,
    computed_score: r.computedScore,
    effective_score: r.effectiveScore,
    review_score: r.reviewScore,
    status: r.status,
  }));
  await sql`
    INSERT INTO indicators (region, evaluation_id, seq, indicator_id, path, parent_seq, project_id, depth, leaf, name, category,
                            weight, target, actual, unit, printed_score, computed_score, effective_score, review_score, status)
    SELECT ${region}, ${evaluationId}::uuid, x.seq, x.indicator_id, x.path, x.parent_seq, x.project_id, x.depth, x.leaf, x.name, x.category,
           x.weight, x.target, x.actual, x.unit, x.printed_score, x.computed_score, x.effective_score, x.review_score, x.status
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(
      seq integer, indicator_id text, path text, parent_seq integer, project_id text, depth integer, leaf boolean, name text,
      category text, weight numeric, target text, actual text, unit text, printed_score numeric, computed_score numeric,
      effective_score numeric, review_score numeric, status text)`.execute(tx);
}

/** Keeps a snapshot of the stored document as version `version`, copied inside the database (the text is not sent twice). */
async function writeVersion(tx: Tx, region: string, evaluationId: string, actorId: string): Promise<void> {
  await sql`
    INSERT INTO evaluation_versions (region, evaluation_id, version, status, document, total, grade, saved_by)
    SELECT region, id, version, status, document, total, grade, ${actorId}::uuid
    FROM evaluations WHERE region = ${region} AND id = ${evaluationId}::uuid`.execute(tx);
}

/** Soft-deletes an evaluation (only drafts are deletable; the policy says who). */
export async function deleteEvaluation(tx: Tx, actor: Actor, current: StoredEvaluation, expectedVersion: number | undefined): Promise<void> {
  if (expectedVersion !== undefined && current.version !== expectedVersion) throw conflict(current, expectedVersion);
  await tx
    .updateTable('evaluations')
    .set({ deleted_at: sql`now()`, updated_by: actor.id, updated_at: new Date() })
    .where('region', '=', actor.region)
    .where('id', '=', current.id)
    .execute();
  await recordEvent(tx, {
    region: actor.region,
    actorId: actor.id,
    action: 'evaluation.delete',
    subjectType: 'evaluation',
    subjectId: current.id,
    evaluationId: current.id,
    diff: { version: current.version, status: current.status },
    requestId: actor.requestId,
  });
}

/**
 * Loads an evaluation the user may read, or answers 404 (also when it exists but is out of the
 * user's scope: other parties' documents are not confirmed to exist). Then checks `action`, answering
 * 403 with `refusal` (or a generic message) when the user may read but not act.
 */
export async function requireEvaluation(
  tx: Tx,
  user: AuthUser,
  id: string,
  action: ActionOf<'evaluation'>,
  options: { lock?: boolean; refusal?: (e: StoredEvaluation) => string } = {},
): Promise<StoredEvaluation> {
  const e = await findEvaluation(tx, user.region, id, { lock: options.lock });
  if (!e || !allow(user, 'read', subjectOf(e))) throw new AppError('not-found', '未找到该评价文档');
  if (action !== 'read' && !allow(user, action, subjectOf(e))) {
    throw new AppError('forbidden', options.refusal?.(e) ?? refusalFor(action, e));
  }
  return e;
}

function refusalFor(action: string, e: StoredEvaluation): string {
  const state = STATE_LABELS[e.status];
  switch (action) {
    case 'update':
    case 'evidence.upload':
    case 'evidence.delete':
      return isEditable(e.status) ? '只有本单位的填报人或单位负责人可以修改此文档' : `文档当前状态为“${state}”，不能修改`;
    case 'delete':
      return e.status === 'draft' ? '只有本单位的填报人或单位负责人可以删除此文档' : `文档当前状态为“${state}”，只有草稿可以删除`;
    case 'rescore':
      return `文档当前状态为“${state}”，你不能录入复核分（审核中由主管部门审核人录入，已审核后由财政绩效科录入）`;
    default:
      return '没有权限执行此操作';
  }
}
