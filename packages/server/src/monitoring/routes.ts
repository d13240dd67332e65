/**
 * @module Monitoring routes (绩效运行监控): snapshots of monitoring-stage documents (validated with core's
 * `parseSnapshot`), the traffic-light assessment of the projects in scope (`assessMonitoring`), warning
 * cases opened when a snapshot first makes the assessment ask the unit to answer (due date fixed then),
 * the unit's response and the reviewer's decision, reminders and the monitoring report, one project's
 * assessment, the 绩效监控表 workbook, and a payments list summed into execution per period (not stored).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CN_WORK_CALENDAR, aggregatePayments, assessMonitoring, caseStatus, defaultRuleSetFor, isIsoDate, monitoringReport, openCase, parseSnapshot, reminders, respondAsUnit, reviewCase } from '@jixiao/core';
import type { EvaluationDocument, MonitoringSnapshot, PaymentRow, WarningCase } from '@jixiao/core';
import { exportMonitoringXlsx, importPayments } from '@jixiao/documents';
import type { ImportedPayment } from '@jixiao/documents';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB } from '../db/types.js';
import type { Deps } from '../deps.js';
import type { AuthUser } from '../http/env.js';
import { AppError } from '../http/errors.js';
import { guards } from '../http/guards.js';
import { formatBytes } from '../http/middleware.js';
import { AUTHED_READ, AUTHED_WRITE, Uuid, errors, json, raw, router } from '../http/openapi.js';
import { readScope } from '../permissions/policy.js';
import { likeEscape } from '../evaluations/queries.js';
import { loadDocument, requireEvaluation } from '../evaluations/store.js';
import { contentDisposition, fileNameProblem } from '../evidence/files.js';
import { findOrg } from '../organisations/store.js';

type Tx = Kysely<DB> | Transaction<DB>;

/** Today in China (the working-day calendar's days). */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const EvaluationParam = z.object({ evaluationId: Uuid.openapi({ param: { name: 'evaluationId', in: 'path' } }) });
const CaseParam = z.object({ id: Uuid.openapi({ param: { name: 'id', in: 'path' } }) });
const Loose = z.record(z.string(), z.unknown());

const SnapshotBody = z
  .object({
    period: z.string().openapi({ example: '2024-Q2' }),
    asOf: z.string().openapi({ example: '2024-06-30' }),
    executed: z.string().openapi({ description: 'money executed so far this year, in the document money unit (a decimal string)', example: '120.5' }),
    budget: z.string().optional(),
    indicators: z.array(z.object({ id: z.string(), project: z.string().optional(), progress: z.string(), note: z.string().optional() })).optional(),
    note: z.string().max(2000).optional(),
  })
  .openapi('MonitoringSnapshot');

const ScopeQuery = z.object({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  org: Uuid.optional().openapi({ description: 'an organisation id: that organisation and everything under it' }),
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为日期，如 2024-06-30').refine(isIsoDate, '不是有效日期，如 2024-06-30').optional().openapi({ description: 'assess as of this date (default: today in China)' }),
});

const AsOfQuery = ScopeQuery.pick({ asOf: true });
const LevelQuery = ScopeQuery.extend({ level: z.enum(['organisation', 'department', 'region']).default('organisation') });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const PaymentsForm = z
  .object({
    file: z.instanceof(File).openapi({ type: 'string', format: 'binary', description: 'a payments list (支付明细): .csv (UTF-8 or GB18030) or .xlsx' }),
    granularity: z.enum(['month', 'quarter']).default('quarter').openapi({ description: 'sum per month or per quarter' }),
    through: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, '应为月份（2024-06）或季度（2024-Q2）')
      .optional()
      .openapi({ description: 'also list the periods without payments up to this one (same granularity)', example: '2024-Q2' }),
  })
  .openapi('PaymentsUpload');

const PaymentIssueSchema = z.object({ code: z.string(), message: z.string(), where: z.string().optional() });
const PaymentsAnswer = z
  .object({
    unit: z.string().openapi({ description: 'the document money unit: every amount is in it' }),
    granularity: z.enum(['month', 'quarter']),
    periods: z
      .array(z.object({ period: z.string(), asOf: z.string(), amount: z.string(), cumulative: z.string().openapi({ description: 'paid from the start of the year to the end of the period: a snapshot’s executed' }), payments: z.number().int() }))
      .openapi({ description: 'this project’s payments per period of the document year, in time order' }),
    counts: z.object({ rows: z.number().int(), counted: z.number().int(), otherProjects: z.number().int(), otherYears: z.number().int() }),
    issues: z.array(PaymentIssueSchema).openapi({ description: 'rows not counted and why (at most 200)' }),
    report: Loose.openapi({ description: 'the import report: format, units, columns, recognised / skipped / guessed with their cells' }),
  })
  .openapi('PaymentsSummary');

const MAX_PAYMENT_ISSUES = 200;

const CaseSchema = z
  .object({ id: z.string(), evaluationId: z.string(), period: z.string(), issuedAt: z.string(), due: z.string(), status: z.string(), label: z.string(), workingDaysLeft: z.number().int().optional(), late: z.boolean(), case: Loose })
  .openapi('WarningCase');

const ResponseBody = z.object({ choice: z.enum(['continue', 'reallocate', 'cancel']), reason: z.string().min(1).max(2000) }).openapi('UnitResponse');
const ReviewBody = z
  .object({ decision: z.enum(['continue', 'correct', 'suspend']), reason: z.string().min(1).max(2000), correctBy: z.string().optional().openapi({ description: 'deadline of a correction (ISO date)' }) })
  .openapi('ReviewResponse');

interface CaseRow {
  id: string;
  evaluation_id: string;
  period: string;
  issued_at: string;
  due: string;
  status: string;
  data: unknown;
}

function caseView(r: CaseRow, today: string) {
  const c = r.data as WarningCase;
  const s = caseStatus(c, today, CN_WORK_CALENDAR, defaultRuleSetFor('project').monitoring.reminderWorkingDays);
  return { id: r.id, evaluationId: r.evaluation_id, period: r.period, issuedAt: r.issued_at, due: r.due, status: s.status, label: s.label, ...(s.workingDaysLeft !== undefined ? { workingDaysLeft: s.workingDaysLeft } : {}), late: s.late, case: c };
}

/** Monitoring-stage documents in the caller's scope (with filters), at most 5,000. */
async function monitoringDocuments(db: Tx, user: AuthUser, f: { year?: number | undefined; org?: string | undefined }): Promise<Array<{ id: string; document: EvaluationDocument }>> {
  const scope = readScope(user);
  let q = db.selectFrom('evaluations as e').select(['e.id', 'e.document']).where('e.region', '=', scope.region).where('e.deleted_at', 'is', null).where('e.stage', '=', 'monitoring');
  if (scope.kind === 'org') q = q.where('e.org_id', '=', scope.orgId);
  if (scope.kind === 'subtree') q = q.where('e.org_path', 'like', `${likeEscape(scope.pathPrefix)}%`);
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.org !== undefined) {
    const org = f.org;
    q = q.where((eb) =>
      eb.exists(eb.selectFrom('orgs as o').select(sql`1`.as('one')).where('o.region', '=', scope.region).where('o.id', '=', org).whereRef('e.org_path', 'like', sql`replace(replace(replace(o.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`)),
    );
  }
  const rows = await q.orderBy('e.id').limit(5000).execute();
  return rows.map((r) => ({ id: r.id, document: { ...(r.document as EvaluationDocument), id: r.id } }));
}

async function snapshotsOf(db: Tx, region: string, ids: readonly string[]): Promise<MonitoringSnapshot[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('monitoring_snapshots').select(['snapshot']).where('region', '=', region).where('evaluation_id', 'in', ids).orderBy('evaluation_id').orderBy('period').execute();
  return rows.map((r) => r.snapshot as MonitoringSnapshot);
}

async function casesIn(db: Tx, region: string, ids: readonly string[]): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('monitoring_cases').select(['id', 'evaluation_id', 'period', 'issued_at', 'due', 'status', 'data']).where('region', '=', region).where('evaluation_id', 'in', ids).orderBy('issued_at').orderBy('id').execute();
}

/** A monitoring-stage document the user may read (404 for other stages), checked for `action`. */
async function requireMonitoring(tx: Tx, user: AuthUser, id: string, action: 'read' | 'monitoring.report' | 'monitoring.respond' | 'monitoring.review', options: { lock?: boolean } = {}) {
  const current = await requireEvaluation(tx, user, id, 'read', options);
  const doc = await loadDocument(tx, user.region, id);
  if (doc.header.stage !== 'monitoring') throw new AppError('not-found', '该文档不是绩效运行监控文档');
  if (action !== 'read') await requireEvaluation(tx, user, id, action, { refusal: () => (action === 'monitoring.review' ? '只有主管部门审核人或财政绩效科可以审核预警处理' : '只有本单位的填报人或单位负责人可以报送监控数据或答复预警') });
  return { current, doc: { ...doc, id } };
}

export function monitoringRoutes(deps: Deps) {
  const app = router();
  const g = guards(deps);
  const db = deps.db;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/monitoring/{evaluationId}/snapshots',
      tags: ['monitoring'],
      summary: 'Report a snapshot (one per period; a later one replaces it); opens a warning case when the assessment first asks for an answer',
      middleware: g.write,
      request: { params: EvaluationParam, body: { content: { 'application/json': { schema: SnapshotBody } }, required: true } },
      responses: {
        201: { description: 'stored', content: { 'application/json': { schema: z.object({ snapshot: Loose, assessment: Loose, case: CaseSchema.nullable() }) } } },
        ...errors(...AUTHED_WRITE, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { evaluationId } = c.req.valid('param');
      const parsed = parseSnapshot({ ...c.req.valid('json'), project: evaluationId });
      if (!parsed.ok) throw new AppError('invalid-request', `监控数据有误：${parsed.issues[0] ?? ''}`, { issues: parsed.issues.map((m) => ({ path: '$', message: m })) });
      const snapshot = parsed.snapshot;
      const today = chinaToday();
      // A report says what has happened: one dated after today is a typing error (or a guess).
      if (snapshot.asOf > today) {
        throw new AppError('invalid-request', `截止日期 ${snapshot.asOf} 晚于今天（${today}）：只能报送已经发生的执行数和完成情况`, { issues: [{ path: '$.asOf', message: `晚于今天（${today}）` }] });
      }
      const out = await db.transaction().execute(async (trx) => {
        const { doc } = await requireMonitoring(trx, user, evaluationId, 'monitoring.report', { lock: true });
        const before = await trx.selectFrom('monitoring_snapshots').select('snapshot').where('region', '=', user.region).where('evaluation_id', '=', evaluationId).where('period', '=', snapshot.period).executeTakeFirst();
        await trx
          .insertInto('monitoring_snapshots')
          .values({ region: user.region, evaluation_id: evaluationId, period: snapshot.period, as_of: snapshot.asOf, snapshot: JSON.stringify(snapshot), reported_by: user.id })
          .onConflict((oc) => oc.columns(['region', 'evaluation_id', 'period']).doUpdateSet({ as_of: snapshot.asOf, snapshot: JSON.stringify(snapshot), reported_by: user.id, reported_at: new Date() }))
          .execute();
        const requestId = c.get('requestId');
        await recordEvent(trx, { region: user.region, actorId: user.id, action: 'monitoring.snapshot', subjectType: 'evaluation', subjectId: evaluationId, evaluationId, diff: { period: snapshot.period, before: before?.snapshot ?? null, after: snapshot }, requestId });
        const assessment = assessMonitoring(doc, await snapshotsOf(trx, user.region, [evaluationId]), undefined, today, { calendar: CN_WORK_CALENDAR });
        const project = assessment.projects[0];
        let opened: CaseRow | undefined;
        const existing = await trx.selectFrom('monitoring_cases').select('id').where('region', '=', user.region).where('evaluation_id', '=', evaluationId).where('period', '=', snapshot.period).executeTakeFirst();
        const warning = project && !existing ? openCase(project, uuidv7()) : undefined;
        if (warning) {
          const period = warning.period ?? snapshot.period;
          opened = { id: warning.id, evaluation_id: evaluationId, period, issued_at: warning.issuedAt, due: warning.due, status: 'awaiting-unit', data: { ...warning, period } };
          await trx.insertInto('monitoring_cases').values({ region: user.region, id: opened.id, evaluation_id: evaluationId, period, issued_at: warning.issuedAt, due: warning.due, status: 'awaiting-unit', data: JSON.stringify(opened.data) }).execute();
          await recordEvent(trx, { region: user.region, actorId: user.id, action: 'monitoring.case.open', subjectType: 'monitoring-case', subjectId: opened.id, evaluationId, diff: opened.data, requestId });
        }
        return { snapshot, assessment: project ?? {}, case: opened ? caseView(opened, today) : null };
      });
      return json(c, out, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/{evaluationId}/snapshots',
      tags: ['monitoring'],
      summary: 'The snapshots of a monitoring document, by period',
      middleware: g.read,
      request: { params: EvaluationParam },
      responses: {
        200: { description: 'snapshots', content: { 'application/json': { schema: z.object({ items: z.array(z.object({ period: z.string(), asOf: z.string(), snapshot: Loose, reportedBy: z.string(), reportedAt: z.string() })) }) } } },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { evaluationId } = c.req.valid('param');
      await requireMonitoring(db, user, evaluationId, 'read');
      const rows = await db.selectFrom('monitoring_snapshots').selectAll().where('region', '=', user.region).where('evaluation_id', '=', evaluationId).orderBy('period').execute();
      return json(c, { items: rows.map((r) => ({ period: r.period, asOf: r.as_of, snapshot: r.snapshot, reportedBy: r.reported_by, reportedAt: r.reported_at.toISOString() })) });
    },
  );

  const assess = async (user: AuthUser, f: { year?: number | undefined; org?: string | undefined; asOf?: string | undefined }) => {
    const docs = await monitoringDocuments(db, user, f);
    const ids = docs.map((d) => d.id);
    const [snaps, cases] = await Promise.all([snapshotsOf(db, user.region, ids), casesIn(db, user.region, ids)]);
    const asOf = f.asOf ?? chinaToday();
    return { assessment: assessMonitoring(docs.map((d) => d.document), snaps, undefined, asOf, { calendar: CN_WORK_CALENDAR }), cases, asOf };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring',
      tags: ['monitoring'],
      summary: 'The assessment of every monitored project in scope: traffic lights, reasons, execution, and its warning cases',
      middleware: g.read,
      request: { query: ScopeQuery },
      responses: {
        200: { description: 'assessment', content: { 'application/json': { schema: z.object({ asOf: z.string(), ruleSet: z.string(), counts: Loose, projects: z.array(Loose) }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { assessment, cases, asOf } = await assess(user, c.req.valid('query'));
      const byProject = new Map<string, ReturnType<typeof caseView>[]>();
      for (const r of cases) byProject.set(r.evaluation_id, [...(byProject.get(r.evaluation_id) ?? []), caseView(r, asOf)]);
      return json(c, { ...assessment, projects: assessment.projects.map((p) => ({ ...p, cases: byProject.get(p.id) ?? [] })) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/cases',
      tags: ['monitoring'],
      summary: 'Warning cases of the monitored projects in scope, with where each stands today',
      middleware: g.read,
      request: { query: ScopeQuery },
      responses: { 200: { description: 'cases', content: { 'application/json': { schema: z.object({ items: z.array(CaseSchema) }) } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const docs = await monitoringDocuments(db, user, qy);
      const today = qy.asOf ?? chinaToday();
      return json(c, { items: (await casesIn(db, user.region, docs.map((d) => d.id))).map((r) => caseView(r, today)) });
    },
  );

  const decide = (kind: 'response' | 'review') =>
    app.openapi(
      createRoute({
        method: 'post',
        path: `/monitoring/cases/{id}/${kind}`,
        tags: ['monitoring'],
        summary: kind === 'response' ? 'The unit’s answer to a warning: continue, reallocate or cancel' : 'The reviewer’s decision on a warning: continue, correct (with a deadline) or suspend',
        middleware: g.write,
        request: { params: CaseParam, body: { content: { 'application/json': { schema: kind === 'response' ? ResponseBody : ReviewBody } }, required: true } },
        responses: { 200: { description: 'recorded', content: { 'application/json': { schema: CaseSchema } } }, ...errors(...AUTHED_WRITE, 'not-found', 'invalid-transition') },
      }),
      async (c) => {
        const user = c.get('user');
        const { id } = c.req.valid('param');
        const body = c.req.valid('json') as Record<string, unknown>;
        const today = chinaToday();
        const out = await db.transaction().execute(async (trx) => {
          const row = await trx.selectFrom('monitoring_cases').select(['id', 'evaluation_id', 'period', 'issued_at', 'due', 'status', 'data']).where('region', '=', user.region).where('id', '=', id).forUpdate().executeTakeFirst();
          if (!row) throw new AppError('not-found', '未找到该预警');
          await requireMonitoring(trx, user, row.evaluation_id, kind === 'response' ? 'monitoring.respond' : 'monitoring.review').catch((err: unknown) => {
            throw err instanceof AppError && err.code === 'not-found' ? new AppError('not-found', '未找到该预警') : err;
          });
          const input = { ...body, by: user.id, at: new Date().toISOString() };
          const r = kind === 'response' ? respondAsUnit(row.data as WarningCase, input) : reviewCase(row.data as WarningCase, input, today);
          if (!r.ok) throw new AppError(r.code === 'reason-required' || r.code === 'invalid' ? 'invalid-request' : 'invalid-transition', r.message, { details: { code: r.code, ...(r.issues ? { issues: r.issues } : {}) } });
          const status = r.case.review ? 'closed' : 'awaiting-review';
          await trx.updateTable('monitoring_cases').set({ data: JSON.stringify(r.case), status, updated_at: new Date() }).where('region', '=', user.region).where('id', '=', id).execute();
          await recordEvent(trx, { region: user.region, actorId: user.id, action: kind === 'response' ? 'monitoring.case.response' : 'monitoring.case.review', subjectType: 'monitoring-case', subjectId: id, evaluationId: row.evaluation_id, diff: kind === 'response' ? r.case.unitResponse : r.case.review, requestId: c.get('requestId') });
          return caseView({ ...row, status, data: r.case }, today);
        });
        return json(c, out);
      },
    );
  decide('response');
  decide('review');

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/reminders',
      tags: ['monitoring'],
      summary: 'Reminders due today in scope: answers due soon or overdue, answers awaiting review',
      middleware: g.read,
      request: { query: ScopeQuery },
      responses: { 200: { description: 'reminders', content: { 'application/json': { schema: z.object({ today: z.string(), items: z.array(Loose) }) } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const docs = await monitoringDocuments(db, user, qy);
      const today = qy.asOf ?? chinaToday();
      const cases = (await casesIn(db, user.region, docs.map((d) => d.id))).map((r) => r.data as WarningCase);
      return json(c, { today, items: reminders(cases, today, defaultRuleSetFor('project'), CN_WORK_CALENDAR) });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/report',
      tags: ['monitoring'],
      summary: 'The monitoring report of the projects in scope, grouped by organisation, department or region',
      middleware: g.read,
      request: { query: LevelQuery },
      responses: { 200: { description: 'report', content: { 'application/json': { schema: z.object({ asOf: z.string(), ruleSet: z.string(), by: z.string(), groups: z.array(Loose), total: Loose }) } } }, ...errors(...AUTHED_READ) },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const { assessment } = await assess(user, qy);
      return json(c, monitoringReport(assessment, qy.level));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/export.xlsx',
      tags: ['monitoring'],
      summary: 'The 绩效监控表 workbook of the projects in scope: summary by organisation, department or region, projects and indicators with their lights',
      middleware: g.read,
      request: { query: LevelQuery },
      responses: {
        200: { description: 'the workbook', content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errors(...AUTHED_READ),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const qy = c.req.valid('query');
      const { assessment, cases, asOf } = await assess(user, qy);
      const org = qy.org !== undefined ? await findOrg(db, user.region, qy.org) : undefined;
      const title = `${org?.name ?? ''}${qy.year ?? asOf.slice(0, 4)}年度绩效运行监控表（截至${asOf}）`;
      const body = await exportMonitoringXlsx(
        { assessment, report: monitoringReport(assessment, qy.level), cases: cases.map((r) => r.data as WarningCase) },
        { title, generatedAt: new Date().toISOString() },
      );
      return raw(c, body, 200, { 'Content-Type': XLSX, 'Content-Disposition': contentDisposition(`${title}.xlsx`), 'Cache-Control': 'private, no-store' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/monitoring/{evaluationId}/assessment',
      tags: ['monitoring'],
      summary: 'One monitored project’s assessment (as GET /monitoring assesses it) with its warning cases',
      middleware: g.read,
      request: { params: EvaluationParam, query: AsOfQuery },
      responses: {
        200: {
          description: 'the project’s assessment',
          content: { 'application/json': { schema: z.object({ asOf: z.string().openapi({ description: 'the date the project was assessed as of' }), ruleSet: z.string(), project: Loose }) } },
        },
        ...errors(...AUTHED_READ, 'not-found'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { evaluationId } = c.req.valid('param');
      const qy = c.req.valid('query');
      const { doc } = await requireMonitoring(db, user, evaluationId, 'read');
      const [snaps, cases] = await Promise.all([snapshotsOf(db, user.region, [evaluationId]), casesIn(db, user.region, [evaluationId])]);
      const today = qy.asOf ?? chinaToday();
      const a = assessMonitoring([doc], snaps, undefined, today, { calendar: CN_WORK_CALENDAR });
      const project = a.projects[0];
      if (!project) throw new AppError('not-found', '该文档不是绩效运行监控文档');
      return json(c, { asOf: a.asOf, ruleSet: a.ruleSet, project: { ...project, cases: cases.map((r) => caseView(r, today)) } });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/monitoring/{evaluationId}/payments',
      tags: ['monitoring'],
      summary: 'Sum a payments list (CSV or xlsx) into this project’s cumulative executed per month or quarter; nothing is stored',
      middleware: g.write,
      request: { params: EvaluationParam, body: { content: { 'multipart/form-data': { schema: PaymentsForm } }, required: true } },
      responses: {
        200: { description: 'execution per period, with the import report', content: { 'application/json': { schema: PaymentsAnswer } } },
        ...errors(...AUTHED_WRITE, 'not-found', 'invalid-file'),
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { evaluationId } = c.req.valid('param');
      const form = c.req.valid('form');
      const { doc } = await requireMonitoring(db, user, evaluationId, 'monitoring.report');
      const fileName = form.file.name.normalize('NFC').trim();
      const problem = fileNameProblem(fileName);
      if (problem) throw new AppError('invalid-request', `${form.file.name}：${problem}`, { issues: [{ path: 'form.file', message: problem }] });
      const max = deps.config.MAX_IMPORT_FILE_BYTES;
      if (form.file.size > max) throw new AppError('payload-too-large', `${fileName} 超过单个文件上限 ${formatBytes(max)}`);
      if (form.file.size === 0) throw new AppError('invalid-request', `${fileName} 是空文件`, { issues: [{ path: 'form.file', message: '空文件' }] });
      if (form.through !== undefined && (form.through.includes('Q') !== (form.granularity === 'quarter') || form.through.slice(0, 4) !== String(doc.header.year))) {
        const message = `应为本文档年度（${doc.header.year}年）的${form.granularity === 'quarter' ? '季度，如 ' + doc.header.year + '-Q2' : '月份，如 ' + doc.header.year + '-06'}`;
        throw new AppError('invalid-request', `汇总截止期间“${form.through}”有误：${message}`, { issues: [{ path: 'form.through', message }] });
      }
      const unit = doc.funding?.unit ?? '万元';
      const read = await importPayments(new Uint8Array(await form.file.arrayBuffer()), { fileName, limits: { maxBytes: max }, unit, project: evaluationId });
      if (!read.ok) {
        const e = read.error;
        throw new AppError('invalid-file', `${fileName}：${e.message}${e.where ? `（位置：${e.where}）` : ''}`, { details: { importCode: e.code, ...(e.where ? { where: e.where } : {}) } });
      }
      const summary = paymentsOfProject(read.rows, doc, evaluationId, { granularity: form.granularity, through: form.through });
      return json(c, { unit, granularity: form.granularity, ...summary, report: JSON.parse(JSON.stringify(read.report)) as Record<string, unknown> });
    },
  );

  return app;
}

/**
 * The rows of this project (no project column, or one naming the document: its id, 项目编码, 项目名称 or
 * title) summed per period of the document year with core's `aggregatePayments`; every other row is an
 * issue with its line in the file.
 */
function paymentsOfProject(rows: readonly ImportedPayment[], doc: EvaluationDocument, id: string, options: { granularity: 'month' | 'quarter'; through?: string | undefined }) {
  const names = new Set([id, doc.header.projectCode, doc.header.projectName, doc.header.title].map((x) => x?.trim() ?? '').filter((x) => x !== ''));
  const mine = (r: ImportedPayment) => names.has(r.project.trim()) || (r.projectCode !== undefined && names.has(r.projectCode.trim())) || (r.projectName !== undefined && names.has(r.projectName.trim()));
  const issues: Array<{ code: string; message: string; where?: string }> = [];
  const counted: ImportedPayment[] = [];
  let otherProjects = 0;
  for (const r of rows) {
    if (mine(r)) counted.push(r);
    else {
      otherProjects++;
      issues.push({ code: 'other-project', message: `${r.line}：项目“${r.project}”不是本项目，未计入。`, where: r.line });
    }
  }
  const input: PaymentRow[] = counted.map((r) => ({ date: r.date, amount: r.amount, project: id }));
  const agg = aggregatePayments(input, { granularity: options.granularity, year: doc.header.year, through: options.through });
  let otherYears = 0;
  for (const i of agg.issues) {
    if (i.code === 'other-year') otherYears++;
    const line = counted[i.row - 1]?.line;
    issues.push({ code: i.code, message: line ? `${line}：${i.message.replace(/^第\d+行：/, '')}` : i.message, ...(line ? { where: line } : {}) });
  }
  const periods = agg.periods.map(({ project: _p, ...p }) => p);
  return { periods, counts: { rows: rows.length, counted: counted.length - agg.issues.length, otherProjects, otherYears }, issues: issues.slice(0, MAX_PAYMENT_ISSUES) };
}
