/**
 * @module Results routes (结果应用): the year-end list per department (core's `resultsList` over the
 * stored summary columns, under each evaluation's rule set), its xlsx for the budget office, and
 * rectification tasks (整改) opened by a reviewer or the finance office from an evaluation's audit findings
 * or their own items, worked on by the owner unit (start, evidence) and closed only with evidence,
 * reopened with a reason or reassigned by the reviewer. Every step is an audit event.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { addEvidence, closeTask, defaultRuleSetFor, getRuleSet, isIsoDate, reassignTask, reopenTask, startTask, tasksFromFindings } from '@jixiao/core';
import type { FindingJson, RectificationTask, TaskResult } from '@jixiao/core';
import { exportResultsXlsx, resultsTitle } from '@jixiao/documents';
import type { Kysely, Transaction } from 'kysely';
import { createHash } from 'node:crypto';
import { recordEvent } from '../audit-trail/events.js';
import type { AuditAction } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB } from '../db/types.js';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { AUTHED_READ, AUTHED_WRITE, IdParam, Uuid, errors, json, raw, router } from '../http/openapi.js';
import { allow } from '../permissions/policy.js';
import { checkFile, contentDisposition, EVIDENCE_KINDS } from '../evidence/files.js';
import { formatBytes } from '../http/middleware.js';
import { requireEvaluation } from '../evaluations/store.js';
import { chinaToday } from '../monitoring/routes.js';
import { resultsFor } from './summaries.js';
import { checkOwner, countTasks, findTask, listTasks, subjectOfTask, taskView, writeTask } from './tasks.js';
import type { TaskRow } from './tasks.js';

const Loose = z.record(z.string(), z.unknown());
const IsoDay = z.string().refine(isIsoDate, '应为日期，如 2024-09-30');
const Severity = z.enum(['error', 'warning', 'info']);

const ListQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  department: Uuid.optional().openapi({ description: 'an organisation id: that department (or unit) and everything under it' }),
});

const ResultsAnswer = z
  .object({
    year: z.number().int().nullable(),
    evaluations: z.number().int(),
    departments: z.array(z.object({ department: z.string(), departmentId: z.string().nullable(), items: z.array(Loose), counts: Loose, evaluations: z.number().int() })),
    unscored: z.array(z.object({ id: z.string(), title: z.string(), org: z.string(), department: z.string() })),
    ruleSets: z.array(z.string()),
  })
  .openapi('ResultsList');

const TaskSchema = z
  .object({
    id: z.string(),
    evaluationId: z.string(),
    evaluationTitle: z.string(),
    ownerOrgId: z.string(),
    ownerOrgName: z.string(),
    ownerUserId: z.string().nullable(),
    findingCode: z.string(),
    location: z.string(),
    deadline: z.string(),
    status: z.enum(['open', 'in-progress', 'closed']),
    statusLabel: z.string(),
    overdue: z.boolean(),
    evidence: z.array(Loose),
    history: z.array(Loose),
    actions: z.array(z.string()),
    evaluationReadable: z.boolean().openapi({ description: 'whether the caller may open the evaluation and its evidence files' }),
  })
  .passthrough()
  .openapi('RectificationTask');

const TasksQuery = z.object({
  evaluation: Uuid.optional(),
  status: z.enum(['open', 'in-progress', 'closed']).optional(),
  overdue: z.enum(['true', 'false']).optional().openapi({ description: 'true: not closed and past the deadline (today in China)' }),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  owner: Uuid.optional().openapi({ description: 'the owner organisation' }),
});

const CreateBody = z
  .object({
    evaluationId: Uuid,
    severities: z.array(Severity).min(1).max(3).optional().openapi({ description: 'the stored audit findings of these severities become tasks' }),
    items: z
      .array(z.object({ location: z.string().trim().min(1).max(500), message: z.string().trim().min(1).max(2000) }))
      .max(100)
      .optional()
      .openapi({ description: 'the reviewer’s own items' }),
    ownerOrgId: Uuid.optional().openapi({ description: 'the owner unit; default the evaluation’s organisation' }),
    ownerUserId: Uuid.optional().openapi({ description: 'a preparer or unit head of the owner unit' }),
    deadline: IsoDay.optional().openapi({ description: 'default: today plus the rule set’s results.rectificationDays' }),
  })
  .openapi('CreateRectificationTasks');

const NoteBody = z.object({ note: z.string().trim().max(2000).optional() });
const EvidenceFileForm = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: `one file: ${EVIDENCE_KINDS.map((k) => k.extension).join(', ')}` }),
    note: z.string().trim().max(2000).optional().openapi({ description: 'what the file shows' }),
  })
  .openapi('TaskEvidenceUpload');
const EvidenceBody = z
  .object({ evidenceId: Uuid.optional().openapi({ description: 'an evidence file of the evaluation' }), note: z.string().trim().min(1).max(2000).optional() })
  .refine((b) => b.evidenceId !== undefined || b.note !== undefined, { message: '请选择佐证材料或填写整改说明', path: ['note'] })
  .openapi('RectificationEvidence');
const ReopenBody = z.object({ reason: z.string().trim().min(1).max(2000) }).openapi('RectificationReopen');
const ReassignBody = z
  .object({ ownerOrgId: Uuid.optional(), ownerUserId: Uuid.nullable().optional(), deadline: IsoDay.optional(), note: z.string().trim().max(2000).optional() })
  .refine((b) => b.ownerOrgId !== undefined || b.ownerUserId !== undefined || b.deadline !== undefined, { message: '请指定新的责任单位、责任人或期限', path: ['deadline'] })
  .openapi('RectificationReassign');

function taskError(r: Extract<TaskResult, { ok: false }>): AppError {
  const request = r.code === 'reason-required' || r.code === 'owner-required' || r.code === 'invalid-deadline' || r.code === 'invalid-evidence';
  return new AppError(request ? 'invalid-request' : 'invalid-transition', r.message, { details: { code: r.code } });
}

export function resultsRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const db = deps.db;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/results',
      tags: ['results'],
      summary: 'The year-end list (结果应用清单) per department: treatments by grade, low execution and serious findings, with reasons',
      middleware: g.read,
      request: { query: ListQuery },
      responses: { 200: { description: 'the list', content: { 'application/json': { schema: ResultsAnswer } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => json(c, await resultsFor(db, c.get('user'), c.req.valid('query'))),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/results/export.xlsx',
      tags: ['results'],
      summary: 'The year-end list as an xlsx workbook for the budget office (same filters)',
      middleware: g.read,
      request: { query: ListQuery },
      responses: {
        200: { description: 'the workbook', content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const qy = c.req.valid('query');
      const r = await resultsFor(db, c.get('user'), qy);
      const department = r.departments.length === 1 && qy.department ? r.departments[0]?.department : undefined;
      const title = `${department ?? ''}${resultsTitle(qy.year)}`;
      const body = await exportResultsXlsx(r.departments, { title, year: qy.year, generatedAt: new Date().toISOString(), note: `评价项目${r.evaluations}个，规则：${r.ruleSets.join('、') || '—'}；生成日期：${chinaToday()}` });
      return raw(c, body, 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Content-Disposition': contentDisposition(`${title}.xlsx`),
        'Cache-Control': 'private, no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/results/tasks',
      tags: ['results'],
      summary: 'Rectification tasks (整改) in scope: owned by the caller’s unit or about evaluations the caller may read',
      middleware: g.read,
      request: { query: TasksQuery },
      responses: {
        200: { description: 'tasks, nearest deadline first', content: { 'application/json': { schema: z.object({ today: z.string(), items: z.array(TaskSchema), counts: Loose }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const today = chinaToday();
      const rows = await listTasks(db, user, { ...qy, overdue: qy.overdue === undefined ? undefined : qy.overdue === 'true' }, today);
      const items = rows.map((r) => taskView(user, r, today));
      return json(c, { today, items, counts: countTasks(items) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/results/tasks/{id}',
      tags: ['results'],
      summary: 'One rectification task with its evidence and history',
      middleware: g.read,
      request: { params: IdParam },
      responses: { 200: { description: 'the task', content: { 'application/json': { schema: TaskSchema } } }, ...errors(...AUTHED_READ, 'not-found') },
    }),
    async (c) => {
      const user = c.get('user');
      return json(c, taskView(user, await findTask(db, user, c.req.valid('param').id), chinaToday()));
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/results/tasks',
      tags: ['results'],
      summary: 'Open rectification tasks on an evaluation from its audit findings of chosen severities and/or the reviewer’s own items (a reviewer of the subtree or the finance office)',
      middleware: g.write,
      request: { body: { content: { 'application/json': { schema: CreateBody } }, required: true } },
      responses: {
        201: { description: 'created (a finding that already has a task is skipped)', content: { 'application/json': { schema: z.object({ items: z.array(TaskSchema), skipped: z.number().int() }) } } },
        ...errors(...AUTHED_WRITE, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const body = c.req.valid('json');
      if (!body.severities && !body.items?.length) throw new AppError('invalid-request', '请选择要整改的问题级别或填写整改事项', { issues: [{ path: '$.items', message: '至少一项' }] });
      const today = chinaToday();
      const now = new Date().toISOString();
      const out = await db.transaction().execute(async (trx) => {
        const e = await requireEvaluation(trx, user, body.evaluationId, 'results.tasks.create', { refusal: () => '只有主管部门审核人或财政绩效科可以下达整改任务' });
        const row = await trx.selectFrom('evaluations').select(['findings', 'rule_set', 'level', 'title']).where('region', '=', user.region).where('id', '=', e.id).executeTakeFirstOrThrow();
        const owner = await checkOwner(trx, user, body.ownerOrgId ?? e.orgId, body.ownerUserId);
        const ruleSet = getRuleSet(row.rule_set) ?? defaultRuleSetFor(row.level);
        const common = { evaluationId: e.id, owner: owner.id, by: user.id, at: now, ruleSet, ...(body.deadline ? { deadline: body.deadline } : {}) };
        const fromFindings = body.severities ? tasksFromFindings(row.findings as FindingJson[], { ...common, severities: body.severities }) : [];
        // A reviewer's item is its own task even when worded like an earlier one.
        const fromItems = tasksFromFindings((body.items ?? []).map((i) => ({ code: 'REVIEW', location: i.location, message: i.message })), common).map((t) => ({ ...t, id: `${t.id}@${uuidv7()}` }));
        const tasks = [...fromFindings, ...fromItems];
        if (tasks.length === 0) throw new AppError('invalid-request', '该评价没有所选级别的审核问题，也没有填写整改事项', { issues: [{ path: '$.severities', message: '没有可生成任务的问题' }] });
        const created: string[] = [];
        for (const t of tasks) {
          const id = uuidv7();
          const task: RectificationTask = { ...t, id };
          const inserted = await trx
            .insertInto('rectification_tasks')
            .values({ region: user.region, id, task_key: t.id, evaluation_id: e.id, finding_code: t.findingCode, owner_org_id: owner.id, owner_user_id: body.ownerUserId ?? null, deadline: t.deadline, status: 'open', data: JSON.stringify(task), created_by: user.id })
            .onConflict((oc) => oc.columns(['region', 'task_key']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) continue;
          created.push(id);
          await recordEvent(trx, { region: user.region, actorId: user.id, action: 'rectification.create', subjectType: 'rectification-task', subjectId: id, evaluationId: e.id, diff: { task }, requestId: c.get('requestId') });
        }
        const rows = created.length === 0 ? [] : await listTasks(trx, user, { evaluation: e.id }, today);
        const byId = new Map(rows.map((r) => [r.id, r]));
        return { items: created.map((id) => byId.get(id)).filter((r): r is TaskRow => r !== undefined).map((r) => taskView(user, r, today)), skipped: tasks.length - created.length };
      });
      return json(c, out, 201);
    },
  );

  type Step = 'start' | 'evidence' | 'close' | 'reopen' | 'reassign';
  const WORK: ReadonlySet<Step> = new Set(['start', 'evidence']);
  const SCHEMAS = { start: NoteBody, evidence: EvidenceBody, close: NoteBody, reopen: ReopenBody, reassign: ReassignBody } as const;
  const SUMMARIES: Record<Step, string> = {
    start: 'The owner unit starts the rectification (open → in progress)',
    evidence: 'The owner unit attaches evidence: an evidence file of the evaluation or a written note',
    close: 'A reviewer of the subtree or the finance office closes the task (in progress → closed; needs evidence)',
    reopen: 'A reviewer of the subtree or the finance office reopens a closed task, with the reason',
    reassign: 'A reviewer of the subtree or the finance office gives the task another owner and/or deadline',
  };

  const step = (kind: Step) =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/results/tasks/{id}/${kind}`,
        tags: ['results'],
        summary: SUMMARIES[kind],
        middleware: g.write,
        request: { params: IdParam, body: { content: { 'application/json': { schema: SCHEMAS[kind] } }, required: kind !== 'start' && kind !== 'close' } },
        responses: { 200: { description: 'the task after the step', content: { 'application/json': { schema: TaskSchema } } }, ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition') },
      }),
      async (c) => {
        const user = c.get('user');
        const { id } = c.req.valid('param');
        const body = (c.req.valid('json') ?? {}) as Record<string, unknown>;
        const today = chinaToday();
        const out = await db.transaction().execute(async (trx) => {
          const row = await findTask(trx, user, id, { lock: true });
          const subject = subjectOfTask(user.region, row);
          if (WORK.has(kind) ? !allow(user, 'work', subject) : !allow(user, 'decide', subject)) {
            throw new AppError('forbidden', WORK.has(kind) ? '只有责任单位的填报人或单位负责人可以办理整改任务' : '只有主管部门审核人或财政绩效科可以办结、重新打开或改派整改任务');
          }
          const task = row.data as RectificationTask;
          const actor = { by: user.id, at: new Date().toISOString(), ...(typeof body['note'] === 'string' && body['note'] !== '' ? { note: body['note'] } : {}) };
          let r: TaskResult;
          let columns: { owner_org_id?: string; owner_user_id?: string | null } = {};
          switch (kind) {
            case 'start':
              r = startTask(task, actor);
              break;
            case 'evidence':
              r = addEvidence(task, await evidenceRef(trx, user, row, body), actor);
              break;
            case 'close':
              r = closeTask(task, actor);
              break;
            case 'reopen':
              r = reopenTask(task, { ...actor, reason: String(body['reason'] ?? '') });
              break;
            case 'reassign': {
              const b = body as z.infer<typeof ReassignBody>;
              const orgId = b.ownerOrgId ?? row.owner_org_id;
              const userId = b.ownerUserId === undefined ? (b.ownerOrgId !== undefined && b.ownerOrgId !== row.owner_org_id ? null : row.owner_user_id) : b.ownerUserId;
              const org = await checkOwner(trx, user, orgId, userId ?? undefined);
              columns = { owner_org_id: org.id, owner_user_id: userId };
              const names = await trx.selectFrom('orgs').select(['id', 'name']).where('region', '=', user.region).where('id', 'in', [row.owner_org_id, org.id]).execute();
              const nameOf = (x: string) => names.find((n) => n.id === x)?.name ?? x;
              const note = [
                org.id !== row.owner_org_id ? `责任单位由“${nameOf(row.owner_org_id)}”改为“${nameOf(org.id)}”` : '',
                userId !== row.owner_user_id ? '责任人已调整' : '',
                b.deadline !== undefined && b.deadline !== row.deadline ? `整改期限由${row.deadline}改为${b.deadline}` : '',
                b.note ?? '',
              ].filter(Boolean).join('；');
              r = reassignTask(task, { ...(org.id !== task.owner ? { owner: org.id } : {}), ...(b.deadline !== undefined ? { deadline: b.deadline } : {}) }, { ...actor, note: note || '改派' });
              break;
            }
          }
          if (!r.ok) throw taskError(r);
          await writeTask(trx, user.region, id, r.task, columns);
          const action = `rectification.${kind}` as AuditAction;
          const event = r.task.history[r.task.history.length - 1];
          await recordEvent(trx, { region: user.region, actorId: user.id, action, subjectType: 'rectification-task', subjectId: id, evaluationId: row.evaluation_id, diff: { event, ...(kind === 'evidence' ? { evidence: r.task.evidence[r.task.evidence.length - 1] } : {}), ...(kind === 'reassign' ? { before: { owner: row.owner_org_id, ownerUser: row.owner_user_id, deadline: row.deadline }, after: { owner: columns.owner_org_id, ownerUser: columns.owner_user_id, deadline: r.task.deadline } } : {}) }, requestId: c.get('requestId') });
          return taskView(user, await findTask(trx, user, id), today);
        });
        return json(c, out);
      },
    );
  for (const k of ['start', 'evidence', 'close', 'reopen', 'reassign'] as const) step(k);

  // A new file as evidence: rectification usually happens after publication, when the evaluation (and
  // its evidence list) can no longer change, so the file is stored with the evaluation's evidence but
  // belongs to the task (its indicator is `task:<id>`), not to an indicator of the document.
  app.openapi(
    createRoute({
      method: 'post',
      path: '/results/tasks/{id}/evidence/file',
      tags: ['results'],
      summary: `The owner unit uploads a new evidence file for the task (at most ${formatBytes(deps.config.MAX_EVIDENCE_BYTES)}; content must match the extension)`,
      middleware: g.write,
      request: { params: IdParam, body: { content: { 'multipart/form-data': { schema: EvidenceFileForm } }, required: true } },
      responses: { 200: { description: 'the task with the file among its evidence', content: { 'application/json': { schema: TaskSchema } } }, ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition', 'unsupported-media-type') },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      const form = c.req.valid('form');
      const file = form.file;
      if (file.size > deps.config.MAX_EVIDENCE_BYTES) throw new AppError('payload-too-large', `文件超过上限 ${formatBytes(deps.config.MAX_EVIDENCE_BYTES)}`);
      if (file.size === 0) throw new AppError('invalid-request', '文件为空', { issues: [{ path: 'form.file', message: '文件为空' }] });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkFile(file.name, bytes);
      if (!check.ok) {
        if (check.status === 'invalid-name') throw new AppError('invalid-request', check.message, { issues: [{ path: 'form.file', message: check.message }] });
        throw new AppError('unsupported-media-type', check.message);
      }
      const today = chinaToday();
      const out = await db.transaction().execute(async (trx) => {
        const row = await findTask(trx, user, id, { lock: true });
        if (!allow(user, 'work', subjectOfTask(user.region, row))) throw new AppError('forbidden', '只有责任单位的填报人或单位负责人可以办理整改任务');
        const fileId = uuidv7();
        const ref = { id: fileId, name: check.name, ref: `/api/evaluations/${row.evaluation_id}/evidence/${fileId}`, size: bytes.length, mediaType: check.kind.mediaType };
        const r = addEvidence(row.data as RectificationTask, ref, { by: user.id, at: new Date().toISOString(), ...(form.note ? { note: form.note } : {}) });
        if (!r.ok) throw taskError(r);
        await trx
          .insertInto('evidence_files')
          .values({
            region: user.region,
            id: fileId,
            evaluation_id: row.evaluation_id,
            indicator_id: `task:${id}`,
            file_name: check.name,
            media_type: check.kind.mediaType,
            size: bytes.length,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            content: bytes,
            uploaded_by: user.id,
          })
          .execute();
        await writeTask(trx, user.region, id, r.task, {});
        await recordEvent(trx, { region: user.region, actorId: user.id, action: 'rectification.evidence', subjectType: 'rectification-task', subjectId: id, evaluationId: row.evaluation_id, diff: { event: r.task.history[r.task.history.length - 1], evidence: ref }, requestId: c.get('requestId') });
        return taskView(user, await findTask(trx, user, id), today);
      });
      return json(c, out);
    },
  );

  return app;
}

/** Evidence for a task: one of the evaluation's evidence files (by id) or a written note. */
async function evidenceRef(trx: Kysely<DB> | Transaction<DB>, user: AuthUser, row: TaskRow, body: Record<string, unknown>) {
  const evidenceId = typeof body['evidenceId'] === 'string' ? body['evidenceId'] : undefined;
  if (evidenceId === undefined) return { id: uuidv7(), name: String(body['note'] ?? '') };
  const f = await trx
    .selectFrom('evidence_files')
    .select(['id', 'file_name', 'size', 'media_type'])
    .where('region', '=', user.region)
    .where('evaluation_id', '=', row.evaluation_id)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
  if (!f) throw new AppError('invalid-request', '佐证材料不存在（应为该评价文档已上传的佐证材料）', { issues: [{ path: '$.evidenceId', message: '不是该评价文档的佐证材料' }] });
  return { id: f.id, name: f.file_name, ref: `/api/evaluations/${row.evaluation_id}/evidence/${f.id}`, size: f.size, mediaType: f.media_type };
}
