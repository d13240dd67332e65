/**
 * @module Goal routes (绩效目标申报): goal documents are evaluations whose `header.stage` is `goals` (same
 * table, workflow and permissions). Once approved they are the baseline of the monitoring and
 * self-evaluation documents (derive; listed by their `header.baseline`), their targets change only through adjustment requests decided by a
 * reviewer, and the editor asks for their quality and for last year's record of the same project.
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  CN_WORK_CALENDAR,
  STATE_LABELS,
  TargetAdjustment,
  WORKFLOW_STATES,
  applyAdjustments,
  assessMonitoring,
  createFromGoals,
  decideAdjustment,
  goalQuality,
  indicatorTrees,
  isLeaf,
  humanPath,
  libraryEntry,
  libraryKey,
  normalizeIndicatorName,
  priorRecord,
  requestAdjustment,
  targetPosition,
  walkIndicators,
} from '@jixiao/core';
import type { EvaluationDocument, Library, MonitoringSnapshot, ProjectAssessment, WorkflowState } from '@jixiao/core';
import { sql } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, PageQuery, Uuid, errors, json, router } from '../http/openapi.js';
import type { ActionOf } from '../permissions/policy.js';
import { likeEscape, listEvaluations } from '../evaluations/queries.js';
import { readScope } from '../permissions/policy.js';
import { createEvaluation, loadDocument, requireEvaluation, saveEvaluation } from '../evaluations/store.js';
import type { StoredEvaluation } from '../evaluations/store.js';

const Status = z.enum(WORKFLOW_STATES);
const Counts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

const ListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  org: Uuid.optional().openapi({ description: 'an organisation id: that organisation and everything under it' }),
  level: z.enum(['project', 'department']).optional(),
  status: Status.optional(),
  q: z.string().max(100).optional().openapi({ description: 'words in the title' }),
  ...PageQuery,
});

const GoalSummary = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    year: z.number().int(),
    level: z.string(),
    title: z.string(),
    status: Status,
    statusLabel: z.string(),
    version: z.number().int(),
    counts: Counts,
    updatedAt: z.string(),
  })
  .openapi('GoalSummary');

const DerivedSchema = z
  .object({
    id: z.string(),
    stage: z.enum(['monitoring', 'self-evaluation']),
    title: z.string(),
    status: Status,
    statusLabel: z.string(),
    version: z.number().int(),
    baselineVersion: z.number().int().optional().openapi({ description: 'the goal document’s version it was created from' }),
    createdAt: z.string(),
  })
  .openapi('DerivedDocument');

const DeriveBody = z.object({ stage: z.enum(['monitoring', 'self-evaluation']) }).openapi('DeriveFromGoals');

const Adjustment = TargetAdjustment;
const AdjustmentView = z.object({
  indicatorId: z.string(),
  project: z.string().optional(),
  field: z.enum(['target', 'weight']),
  path: z.string(),
  location: z.string(),
  original: z.string().optional(),
  adjusted: z.string().optional(),
  pending: z.string().optional(),
  history: z.array(Adjustment),
});
const AdjustmentsResponse = z
  .object({
    items: z.array(Adjustment).openapi({ description: 'every request, oldest first' }),
    views: z.array(AdjustmentView).openapi({ description: 'per adjusted indicator: the original beside the adjusted value' }),
    issues: z.array(z.object({ code: z.string(), adjustmentId: z.string(), message: z.string() })),
    version: z.number().int(),
  })
  .openapi('GoalAdjustments');

const RequestBody = z
  .object({
    indicatorId: z.string().min(1).max(200),
    project: z.string().min(1).max(200).optional(),
    field: z.enum(['target', 'weight']).optional(),
    to: z.string().min(1).max(500),
    reason: z.string().min(1).max(2000),
  })
  .openapi('AdjustmentRequest');

const DecisionBody = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().max(2000).optional() }).openapi('AdjustmentDecision');
const AdjustmentParam = IdParam.extend({ adjustmentId: z.string().min(1).max(100).openapi({ param: { name: 'adjustmentId', in: 'path' } }) });

const PeerPosition = z
  .object({
    indicatorId: z.string(),
    location: z.string(),
    target: z.string(),
    key: z.string(),
    inLibrary: z.boolean(),
    standing: z.string().openapi({ description: 'far-below-peers, below-peers, typical, above-peers, few-peers, not-comparable, or no-entry' }),
    percentile: z.string().optional(),
    ambition: z.string().optional(),
    peers: z.record(z.string(), z.unknown()).optional(),
    lastYearActual: z.string().optional(),
    belowLastYear: z.boolean().optional(),
    reasons: z.array(z.object({ code: z.string(), message: z.string() })),
  })
  .openapi('GoalTargetPosition');

const QualityFinding = z.object({
  code: z.string(),
  family: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  path: z.string(),
  location: z.string().optional(),
  figures: z.record(z.string(), z.string()).optional(),
  suggestion: z.string().optional(),
});

/** A goal document the user may read (404 otherwise, and for documents of other stages), checked for `action`. */
async function requireGoal(deps: Deps, user: AuthUser, id: string, action: ActionOf<'evaluation'>, options: { lock?: boolean; refusal?: (e: StoredEvaluation) => string; tx?: Deps['db'] } = {}) {
  const tx = options.tx ?? deps.db;
  const current = await requireEvaluation(tx, user, id, 'read', { lock: options.lock });
  const doc = await loadDocument(tx, user.region, id);
  if (doc.header.stage !== 'goals') throw new AppError('not-found', '该文档不是绩效目标申报文档');
  if (action !== 'read') await requireEvaluation(tx, user, id, action, options.refusal ? { refusal: options.refusal } : {});
  return { current, doc };
}

const notApproved = (e: StoredEvaluation) => `绩效目标当前状态为“${STATE_LABELS[e.status]}”：只有审核通过的目标可以由本单位派生文档或申请调整`;

export function goalRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const db = deps.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/goals',
      tags: ['goals'],
      summary: 'Goal documents (绩效目标申报, stage goals) in the caller’s scope, with filters and paging',
      middleware: g.read,
      request: { query: ListQuery },
      responses: {
        200: { description: 'a page of goal documents', content: { 'application/json': { schema: z.object({ items: z.array(GoalSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const qy = c.req.valid('query');
      const r = await listEvaluations(db, c.get('user'), { year: qy.year, org: qy.org, level: qy.level, status: qy.status, q: qy.q, stage: 'goals', page: qy.page, pageSize: qy.pageSize });
      const items = r.items.map(({ total: _t, grade: _g, ...rest }) => rest);
      return json(c, { items, total: r.total, page: qy.page, pageSize: qy.pageSize });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{id}/derive',
      tags: ['goals'],
      summary: 'Create the monitoring or self-evaluation document from an approved goal document (baseline link kept)',
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: DeriveBody } }, required: true } },
      responses: {
        201: { description: 'the new draft', content: { 'application/json': { schema: z.object({ id: z.string(), stage: z.string(), title: z.string(), baseline: z.object({ id: z.string(), version: z.number().int() }) }) } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const { stage } = c.req.valid('json');
      const out = await db.transaction().execute(async (trx) => {
        const { current, doc } = await requireGoal(deps, user, id, 'goals.derive', { tx: trx, refusal: notApproved });
        const approvedAt = await trx
          .selectFrom('workflow_transitions')
          .select('at')
          .where('region', '=', user.region)
          .where('evaluation_id', '=', id)
          .where('action', '=', 'approve')
          .orderBy('at', 'desc')
          .executeTakeFirst();
        const r = createFromGoals(doc, stage, {
          baselineId: id,
          baselineVersion: current.version,
          status: current.status,
          ...(approvedAt ? { approvedAt: approvedAt.at.toISOString() } : {}),
        });
        if (!r.ok) throw new AppError('invalid-transition', r.message, { details: { code: r.code } });
        const created = await createEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { org: { id: current.orgId, path: current.orgPath }, document: r.document });
        await recordEvent(trx, { region: user.region, actorId: user.id, action: 'goal.derive', subjectType: 'evaluation', subjectId: id, evaluationId: id, diff: { stage, derived: created.id, baselineVersion: current.version }, requestId: c.get('requestId') });
        return { id: created.id, stage, title: r.document.header.title, baseline: { id, version: current.version } };
      });
      return json(c, out, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/goals/{id}/derived',
      tags: ['goals'],
      summary: 'The monitoring and self-evaluation documents created from a goal document (header.baseline), not deleted, in the caller’s scope, newest first',
      middleware: g.read,
      request: { params: IdParam },
      responses: {
        200: { description: 'derived documents', content: { 'application/json': { schema: z.object({ items: z.array(DerivedSchema) }) } } },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await requireGoal(deps, user, id, 'read');
      const scope = readScope(user);
      let q = db
        .selectFrom('evaluations')
        .select(['id', 'stage', 'title', 'status', 'version', 'created_at', sql<string | null>`document -> 'header' -> 'baseline' ->> 'version'`.as('baseline_version')])
        .where('region', '=', user.region)
        .where('deleted_at', 'is', null)
        .where('stage', 'in', ['monitoring', 'self-evaluation'])
        .where(sql<string>`document -> 'header' -> 'baseline' ->> 'id'`, '=', id);
      if (scope.kind === 'org') q = q.where('org_id', '=', scope.orgId);
      if (scope.kind === 'subtree') q = q.where('org_path', 'like', `${likeEscape(scope.pathPrefix)}%`);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500).execute();
      const items = rows.map((r) => {
        const baselineVersion = r.baseline_version === null ? undefined : Number(r.baseline_version);
        return {
          id: r.id,
          stage: r.stage as 'monitoring' | 'self-evaluation',
          title: r.title,
          status: r.status,
          statusLabel: STATE_LABELS[r.status],
          version: r.version,
          ...(baselineVersion !== undefined && Number.isInteger(baselineVersion) ? { baselineVersion } : {}),
          createdAt: r.created_at.toISOString(),
        };
      });
      return json(c, { items });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/goals/{id}/adjustments',
      tags: ['goals'],
      summary: 'Target adjustment requests of a goal document, with the original beside the adjusted value',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'adjustments', content: { 'application/json': { schema: AdjustmentsResponse } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      const { current, doc } = await requireGoal(deps, user, c.req.valid('param').id, 'read');
      return json(c, adjustmentsOf(doc, current.version));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{id}/adjustments',
      tags: ['goals'],
      summary: 'Ask for a target (or weight) adjustment of an approved goal document (its unit)',
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: RequestBody } }, required: true } },
      responses: {
        201: { description: 'recorded (pending)', content: { 'application/json': { schema: z.object({ adjustment: Adjustment, version: z.number().int() }) } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const out = await db.transaction().execute(async (trx) => {
        const { current, doc } = await requireGoal(deps, user, id, 'goals.adjustment.request', { tx: trx, lock: true, refusal: notApproved });
        const r = requestAdjustment(doc, { id: uuidv7(), ...body, requestedBy: user.id, requestedAt: new Date().toISOString() });
        if (!r.ok) throw adjustmentError(r.code, r.message);
        const saved = await saveEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { current, expectedVersion: current.version, document: r.document, action: 'goal.adjustment.request', note: { adjustment: r.adjustment } });
        return { adjustment: r.adjustment, version: saved.version };
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      return json(c, out, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/goals/{id}/adjustments/{adjustmentId}/decision',
      tags: ['goals'],
      summary: 'Approve or reject an adjustment request (a reviewer in scope or the finance office; never the requester)',
      middleware: g.write,
      request: { params: AdjustmentParam, body: { content: { 'application/json': { schema: DecisionBody } }, required: true } },
      responses: {
        200: { description: 'decided', content: { 'application/json': { schema: z.object({ adjustment: Adjustment, version: z.number().int() }) } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id, adjustmentId } = c.req.valid('param');
      const body = c.req.valid('json');
      const out = await db.transaction().execute(async (trx) => {
        const { current, doc } = await requireGoal(deps, user, id, 'goals.adjustment.decide', { tx: trx, lock: true, refusal: () => '只有主管部门审核人或财政绩效科可以审批已审核目标的调整申请' });
        const r = decideAdjustment(doc, adjustmentId, { decision: body.decision, by: user.id, at: new Date().toISOString(), ...(body.reason !== undefined ? { reason: body.reason } : {}) });
        if (!r.ok) throw adjustmentError(r.code, r.message);
        const saved = await saveEvaluation(trx, { region: user.region, id: user.id, requestId: c.get('requestId') }, { current, expectedVersion: current.version, document: r.document, action: 'goal.adjustment.decide', note: { adjustment: r.adjustment } });
        return { adjustment: r.adjustment, version: saved.version };
      });
      deps.evaluations.invalidate(`${user.region}:${id}`);
      return json(c, out);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/goals/{id}/quality',
      tags: ['goals'],
      summary: 'Goal quality (绩效目标审核): the SMART, across-years and declaration findings of core’s goalQuality',
      middleware: g.read,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'findings, and each target’s position among the peers’ targets of the same library entry',
          content: { 'application/json': { schema: z.object({ findings: z.array(QualityFinding), counts: Counts, ruleSet: z.string(), peers: z.number().int(), positions: z.array(PeerPosition) }) } },
        },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { doc } = await requireGoal(deps, user, c.req.valid('param').id, 'read');
      const [last, peers, built] = await Promise.all([lastYearEvaluation(deps, user, doc), peerGoals(deps, user, doc), deps.library.get(user.region)]);
      const r = goalQuality(doc, { ...(last ? { history: [last.document] } : {}), peers });
      return json(c, { findings: r.findings.map((f) => JSON.parse(JSON.stringify(f)) as unknown), counts: r.counts, ruleSet: r.ruleSet, peers: peers.length, positions: positionsOf(doc, built.library, last?.document) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/goals/{id}/prior-record',
      tags: ['goals'],
      summary: 'The project’s record before these goals: last year’s self-evaluation of the same project and organisation (when found)',
      middleware: g.read,
      request: { params: IdParam },
      responses: {
        200: {
          description: 'the prior record (core’s priorRecord)',
          content: {
            'application/json': {
              schema: z.object({ lastYearEvaluationId: z.string().nullable(), lastYearMonitoringId: z.string().nullable().openapi({ description: 'last year’s monitoring document of the same project, whose latest assessment is in record.monitoring' }), record: z.record(z.string(), z.unknown()) }),
            },
          },
        },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { doc } = await requireGoal(deps, user, c.req.valid('param').id, 'read');
      const [last, monitoring] = await Promise.all([lastYearEvaluation(deps, user, doc), lastYearMonitoring(deps, user, doc)]);
      const record = priorRecord(doc, last?.document, monitoring?.assessment);
      return json(c, { lastYearEvaluationId: last?.id ?? null, lastYearMonitoringId: monitoring?.id ?? null, record });
    },
  );

  return app;
}

function adjustmentsOf(doc: EvaluationDocument, version: number) {
  const applied = applyAdjustments(doc);
  return { items: doc.adjustments ?? [], views: applied.views, issues: applied.issues, version };
}

function adjustmentError(code: string, message: string): AppError {
  if (code === 'unknown-adjustment' || code === 'unknown-indicator') return new AppError('not-found', message, { details: { code } });
  if (code === 'not-pending' || code === 'pending-exists' || code === 'stale' || code === 'same-person') return new AppError('invalid-transition', message, { details: { code } });
  return new AppError('invalid-request', message, { details: { code } });
}

/**
 * Last year's self-evaluation of the same project by the same organisation (the goal document's
 * organisation, same project name), the latest saved, within the caller's region. The goal document is
 * already in the caller's scope and so is its organisation's evaluation.
 */
async function lastYearEvaluation(deps: Deps, user: AuthUser, doc: EvaluationDocument): Promise<{ id: string; document: EvaluationDocument } | undefined> {
  const goalId = doc.id;
  if (goalId === undefined) return undefined;
  const project = doc.header.projectName ?? doc.header.title;
  const r = await sql<{ id: string; document: EvaluationDocument; status: WorkflowState }>`
    SELECT e.id, e.document, e.status FROM evaluations e
    JOIN evaluations g ON g.region = e.region AND g.id = ${goalId}::uuid
    WHERE e.region = ${user.region} AND e.org_id = g.org_id AND e.deleted_at IS NULL
      AND e.year = ${doc.header.year - 1} AND e.stage = 'self-evaluation'
      AND coalesce(e.document -> 'header' ->> 'projectName', e.title) = ${project}
    ORDER BY e.updated_at DESC, e.id DESC LIMIT 1`.execute(deps.db);
  const row = r.rows[0];
  return row ? { id: row.id, document: row.document } : undefined;
}

/**
 * Other goal declarations of the same year the caller may read (their own unit's, the department's
 * subtree, or the region's), to find indicators copied from another project (GOAL-COPIED-PEER). Only
 * documents in the caller's scope, since the finding names the source project and unit; the library
 * positions below compare with every unit's targets without naming anyone.
 */
async function peerGoals(deps: Deps, user: AuthUser, doc: EvaluationDocument): Promise<EvaluationDocument[]> {
  const scope = readScope(user);
  let q = deps.db
    .selectFrom('evaluations')
    .select(['id', 'document'])
    .where('region', '=', user.region)
    .where('deleted_at', 'is', null)
    .where('stage', '=', 'goals')
    .where('year', '=', doc.header.year);
  if (doc.id !== undefined) q = q.where('id', '<>', doc.id);
  if (scope.kind === 'org') q = q.where('org_id', '=', scope.orgId);
  if (scope.kind === 'subtree') q = q.where('org_path', 'like', `${likeEscape(scope.pathPrefix)}%`);
  const rows = await q.orderBy('updated_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...(r.document as EvaluationDocument), id: r.id }));
}

/** Each leaf target's position among the region's targets of the same library entry (core's `targetPosition`), with last year's actual when known. */
function positionsOf(doc: EvaluationDocument, library: Library, last: EvaluationDocument | undefined) {
  const lastActual = new Map<string, string>();
  if (last) {
    for (const t of indicatorTrees(last)) {
      for (const v of walkIndicators(t.roots, t.basePath)) if (isLeaf(v.node) && v.node.actual) lastActual.set(normalizeIndicatorName(v.node.name), v.node.actual);
    }
  }
  const out = [];
  for (const t of indicatorTrees(doc)) {
    for (const v of walkIndicators(t.roots, t.basePath)) {
      const target = v.node.target?.trim();
      if (!isLeaf(v.node) || !target) continue;
      const { key } = libraryKey(v.node.name, target);
      const entry = libraryEntry(library, key);
      const actual = lastActual.get(normalizeIndicatorName(v.node.name));
      const base = { indicatorId: v.node.id, location: humanPath(v.names), target, key, ...(actual !== undefined ? { lastYearActual: actual } : {}) };
      if (!entry) {
        out.push({ ...base, inLibrary: false, standing: 'no-entry', reasons: [] });
        continue;
      }
      const p = targetPosition(entry, target, actual, v.node.direction ? { direction: v.node.direction } : {});
      out.push({
        ...base,
        key: entry.key,
        inLibrary: true,
        standing: p.standing,
        ...(p.percentile !== undefined ? { percentile: p.percentile } : {}),
        ...(p.ambition !== undefined ? { ambition: p.ambition } : {}),
        ...(p.peers !== undefined ? { peers: JSON.parse(JSON.stringify(p.peers)) as Record<string, unknown> } : {}),
        ...(p.belowLastYear !== undefined ? { belowLastYear: p.belowLastYear } : {}),
        reasons: p.reasons.map((r) => ({ code: r.code, message: r.message })),
      });
    }
  }
  return out;
}

/**
 * Last year's monitoring document of the same project by the same organisation, assessed as of its
 * latest snapshot (or the end of that year when it has none): the latest assessment of the project.
 */
async function lastYearMonitoring(deps: Deps, user: AuthUser, doc: EvaluationDocument): Promise<{ id: string; assessment: ProjectAssessment } | undefined> {
  const goalId = doc.id;
  if (goalId === undefined) return undefined;
  const project = doc.header.projectName ?? doc.header.title;
  const r = await sql<{ id: string; document: EvaluationDocument }>`
    SELECT e.id, e.document FROM evaluations e
    JOIN evaluations g ON g.region = e.region AND g.id = ${goalId}::uuid
    WHERE e.region = ${user.region} AND e.org_id = g.org_id AND e.deleted_at IS NULL
      AND e.year = ${doc.header.year - 1} AND e.stage = 'monitoring'
      AND coalesce(e.document -> 'header' ->> 'projectName', e.title) = ${project}
    ORDER BY e.updated_at DESC, e.id DESC LIMIT 1`.execute(deps.db);
  const row = r.rows[0];
  if (!row) return undefined;
  const snaps = (await deps.db.selectFrom('monitoring_snapshots').select('snapshot').where('region', '=', user.region).where('evaluation_id', '=', row.id).execute()).map((x) => x.snapshot as MonitoringSnapshot);
  const latest = snaps.reduce<string | undefined>((m, x) => (m === undefined || x.asOf > m ? x.asOf : m), undefined);
  const asOf = latest ?? `${doc.header.year - 1}-12-31`;
  const assessment = assessMonitoring({ ...row.document, id: row.id }, snaps, undefined, asOf, { calendar: CN_WORK_CALENDAR }).projects[0];
  return assessment ? { id: row.id, assessment } : undefined;
}
