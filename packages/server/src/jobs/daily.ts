/**
 * @module The daily job (每日任务), one idempotent function `runDaily(deps, today)`:
 *
 * 1. Monitoring cases that time alone asks for: every monitoring document of every region is assessed as
 *    of `today` (core's `assessMonitoring`, China's working-day calendar); when the assessment asks the
 *    unit to answer and the document has no case for that period yet, the case is opened (audit event
 *    `monitoring.case.open` with no actor). Snapshots open their cases when reported; this catches what
 *    the passing of time changes (e.g. a checkpoint passed with no new report, for a rule set whose
 *    `respondTo` lists `MON-NO-SNAPSHOT`) and data stored without a report (imports).
 * 2. Reminders: core's `reminders` for the warning cases (answer due soon or overdue → the unit's staff or
 *    the department's reviewers; answered → the reviewers) and the open rectification tasks due within
 *    the rule set's `reminderWorkingDays` working days (→ the owner) or overdue (→ the owner and the
 *    reviewers).
 * 3. Each reminder and recipient is recorded once in `sent_reminders` (key: kind, subject, due date,
 *    user) before anything is sent: a second run the same day, or a second replica, sends nothing again.
 *    With a mailer (SMTP_URL) a recipient with an e-mail address gets the reminder by e-mail; the row keeps
 *    when it was mailed or why it failed.
 *
 * The schedule: on PostgreSQL a pg-boss cron schedule (`daily-job` queue, tz Asia/Shanghai) at
 * DAILY_JOB_HOUR; on PGlite (in-process, one replica) a plain timer calling the same function, since the
 * embedded database does not run pg-boss's cron clock. Either also runs once shortly after start-up to
 * catch up on a missed day.
 */
import {
  CN_WORK_CALENDAR,
  assessMonitoring,
  defaultRuleSetFor,
  openCase,
  periodOf,
  reminders,
  workingDaysBetween,
} from '@jixiao/core';
import type { EvaluationDocument, MonitoringSnapshot, RuleSet, WarningCase } from '@jixiao/core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent } from '../audit-trail/events.js';
import { uuidv7 } from '../db/ids.js';
import type { DB } from '../db/types.js';
import type { Mailer } from '../mail/mailer.js';
import { reminderMail } from '../mail/mailer.js';
import { chinaToday } from '../monitoring/routes.js';
import type { JobQueue } from './queue.js';

export interface DailyDeps {
  db: Kysely<DB>;
  log: Logger;
  /** Sends e-mail; absent when SMTP is not configured. */
  mailer?: Mailer | undefined;
  /** Makes links in e-mails absolute. */
  baseUrl?: string | undefined;
  /** Assess monitoring under this rule set instead of each document's own (tests, a province's own rules). */
  ruleSet?: RuleSet | undefined;
}

export interface DailyReport {
  today: string;
  casesOpened: Array<{ region: string; id: string; evaluationId: string; period: string }>;
  /** Reminders recorded by this run (new ones only). */
  reminders: number;
  mailed: number;
  mailFailed: number;
}

interface Recipient {
  id: string;
  name: string;
  email: string | null;
}

interface PendingReminder {
  region: string;
  kind: string;
  title: string;
  subjectType: 'monitoring-case' | 'rectification-task';
  subjectId: string;
  project: string;
  due: string;
  message: string;
  link: string;
  to: Recipient[];
}

const TASK_TEXT = {
  'task-due-soon': (what: string, project: string, due: string, left: number) => `整改任务“${what}”（${project}）须在${due}前完成（还剩${left}个工作日），请及时整改并上传整改佐证材料。`,
  'task-overdue': (what: string, project: string, due: string) => `整改任务“${what}”（${project}）已于${due}到期，尚未完成整改。`,
} as const;

const TITLES: Record<string, string> = {
  'due-soon': '监控预警即将到期',
  overdue: '监控预警逾期未答复',
  'awaiting-review': '监控预警待审核',
  'task-due-soon': '整改任务即将到期',
  'task-overdue': '整改任务已逾期',
};

/** Unit staff (preparers, unit heads) of an organisation, and the reviewers above an organisation path. */
async function people(db: Kysely<DB>, region: string) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'u.region').onRef('o.id', '=', 'u.org_id'))
    .select(['u.id', 'u.display_name', 'u.email', 'u.role', 'u.org_id', 'o.path'])
    .where('u.region', '=', region)
    .where('u.disabled', '=', false)
    .where('u.role', 'in', ['preparer', 'unit-head', 'reviewer', 'finance'])
    .orderBy('u.username')
    .execute();
  const person = (r: (typeof rows)[number]): Recipient => ({ id: r.id, name: r.display_name, email: r.email });
  return {
    unit: (orgId: string) => rows.filter((r) => (r.role === 'preparer' || r.role === 'unit-head') && r.org_id === orgId).map(person),
    user: (id: string) => rows.filter((r) => r.id === id).map(person),
    /** The reviewers whose department holds `orgPath`; the finance office when there are none. */
    reviewers: (orgPath: string) => {
      const found = rows.filter((r) => r.role === 'reviewer' && orgPath.startsWith(r.path));
      return (found.length > 0 ? found : rows.filter((r) => r.role === 'finance')).map(person);
    },
  };
}

/** Opens the warning cases today's assessment asks for and that do not exist yet; collects the case reminders. */
async function monitoringStep(deps: DailyDeps, region: string, today: string, report: DailyReport, out: PendingReminder[], who: Awaited<ReturnType<typeof people>>) {
  const { db } = deps;
  const docs = await db
    .selectFrom('evaluations')
    .select(['id', 'document', 'org_id', 'org_path', 'title'])
    .where('region', '=', region)
    .where('deleted_at', 'is', null)
    .where('stage', '=', 'monitoring')
    .orderBy('id')
    .execute();
  if (docs.length === 0) return;
  const ids = docs.map((d) => d.id);
  const snaps = (await db.selectFrom('monitoring_snapshots').select('snapshot').where('region', '=', region).where('evaluation_id', 'in', ids).execute()).map((r) => r.snapshot as MonitoringSnapshot);
  const assessment = assessMonitoring(
    docs.map((d) => ({ ...(d.document as EvaluationDocument), id: d.id })),
    snaps,
    deps.ruleSet,
    today,
    { calendar: CN_WORK_CALENDAR },
  );
  for (const project of assessment.projects) {
    if (!project.response) continue;
    const period = project.snapshot?.period ?? periodOf(today, 'quarter')!;
    const warning = openCase(project, uuidv7());
    if (!warning) continue;
    const data = { ...warning, period };
    const opened = await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('monitoring_cases')
        .values({ region, id: warning.id, evaluation_id: project.id, period, issued_at: warning.issuedAt, due: warning.due, status: 'awaiting-unit', data: JSON.stringify(data) })
        .onConflict((oc) => oc.columns(['region', 'evaluation_id', 'period']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await recordEvent(trx, { region, actorId: null, action: 'monitoring.case.open', subjectType: 'monitoring-case', subjectId: warning.id, evaluationId: project.id, diff: { ...data, openedBy: 'daily-job' } });
      return true;
    });
    if (opened) report.casesOpened.push({ region, id: warning.id, evaluationId: project.id, period });
  }

  const cases = await db.selectFrom('monitoring_cases').select(['id', 'evaluation_id', 'data']).where('region', '=', region).where('status', '<>', 'closed').where('evaluation_id', 'in', ids).execute();
  const docOf = new Map(docs.map((d) => [d.id, d]));
  const rs = deps.ruleSet ?? defaultRuleSetFor('project');
  for (const r of reminders(cases.map((c) => c.data as WarningCase), today, rs, CN_WORK_CALENDAR)) {
    const doc = docOf.get(r.project);
    if (!doc) continue;
    const project = (cases.find((c) => c.id === r.caseId)?.data as WarningCase | undefined)?.projectName ?? doc.title;
    out.push({
      region,
      kind: r.kind,
      title: TITLES[r.kind] ?? '提醒',
      subjectType: 'monitoring-case',
      subjectId: r.caseId,
      project,
      due: r.due,
      message: r.message,
      link: `/monitoring/${r.project}`,
      to: r.to === 'unit' ? who.unit(doc.org_id) : who.reviewers(doc.org_path),
    });
  }
}

/** Reminders of open rectification tasks due soon or overdue. */
async function taskStep(deps: DailyDeps, region: string, today: string, out: PendingReminder[], who: Awaited<ReturnType<typeof people>>) {
  const soon = (deps.ruleSet ?? defaultRuleSetFor('project')).monitoring.reminderWorkingDays;
  const tasks = await deps.db
    .selectFrom('rectification_tasks as t')
    .innerJoin('evaluations as e', (j) => j.onRef('e.region', '=', 't.region').onRef('e.id', '=', 't.evaluation_id'))
    .select(['t.id', 't.deadline', 't.owner_org_id', 't.owner_user_id', 't.data', 'e.title', 'e.org_path'])
    .where('t.region', '=', region)
    .where('t.status', '<>', 'closed')
    .where('e.deleted_at', 'is', null)
    .orderBy('t.deadline')
    .execute();
  for (const t of tasks) {
    const what = (t.data as { location?: string }).location ?? '';
    const owner = t.owner_user_id ? who.user(t.owner_user_id) : who.unit(t.owner_org_id);
    const base = { region, subjectType: 'rectification-task' as const, subjectId: t.id, project: t.title, due: t.deadline, link: `/results/tasks?task=${t.id}` };
    if (t.deadline < today) {
      const to = [...owner, ...who.reviewers(t.org_path)];
      out.push({ ...base, kind: 'task-overdue', title: TITLES['task-overdue']!, message: TASK_TEXT['task-overdue'](what, t.title, t.deadline), to });
      continue;
    }
    const left = workingDaysBetween(today, t.deadline, CN_WORK_CALENDAR);
    if (left <= soon) out.push({ ...base, kind: 'task-due-soon', title: TITLES['task-due-soon']!, message: TASK_TEXT['task-due-soon'](what, t.title, t.deadline, left), to: owner });
  }
}

/** Records each reminder once per recipient, then mails the new ones to recipients with an address. */
async function deliver(deps: DailyDeps, today: string, pending: readonly PendingReminder[], report: DailyReport) {
  for (const p of pending) {
    const seen = new Set<string>();
    for (const person of p.to) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      const key = `${p.kind}:${p.subjectId}:${p.due}:${person.id}`;
      const inserted = await deps.db
        .insertInto('sent_reminders')
        .values({ region: p.region, key, user_id: person.id, kind: p.kind, subject_type: p.subjectType, subject_id: p.subjectId, day: today, message: p.message, link: p.link, email: person.email })
        .onConflict((oc) => oc.columns(['region', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (!inserted) continue;
      report.reminders++;
      if (!deps.mailer || !person.email) continue;
      const mail = reminderMail({ name: person.name, title: p.title, project: p.project, message: p.message, due: p.due, link: p.link, baseUrl: deps.baseUrl });
      try {
        await deps.mailer.send({ to: person.email, ...mail });
        await deps.db.updateTable('sent_reminders').set({ mailed_at: new Date() }).where('region', '=', p.region).where('key', '=', key).execute();
        report.mailed++;
      } catch (err) {
        report.mailFailed++;
        deps.log.warn({ err, key }, 'reminder e-mail failed');
        await deps.db.updateTable('sent_reminders').set({ mail_error: String((err as Error).message ?? err).slice(0, 500) }).where('region', '=', p.region).where('key', '=', key).execute();
      }
    }
  }
}

/** The daily job: idempotent, `today` an ISO date (China time). */
export async function runDaily(deps: DailyDeps, today: string): Promise<DailyReport> {
  const report: DailyReport = { today, casesOpened: [], reminders: 0, mailed: 0, mailFailed: 0 };
  const regions = await deps.db.selectFrom('regions').select('region').orderBy('region').execute();
  for (const { region } of regions) {
    const who = await people(deps.db, region);
    const pending: PendingReminder[] = [];
    await monitoringStep(deps, region, today, report, pending, who);
    await taskStep(deps, region, today, pending, who);
    await deliver(deps, today, pending, report);
  }
  return report;
}

export const DAILY_QUEUE = 'daily-job';

/** Milliseconds from `now` to the next `hour`:00 in China time. */
export function msUntilHour(now: Date, hour: number): number {
  const china = new Date(now.getTime() + 8 * 3600_000);
  const next = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), hour) - 8 * 3600_000;
  const at = next > now.getTime() ? next : next + 24 * 3600_000;
  return at - now.getTime();
}

/**
 * Starts the schedule: pg-boss cron on PostgreSQL (one run per day across replicas), a timer on PGlite.
 * Returns a function that stops the timer (pg-boss stops with the queue).
 */
export async function startDailyJob(deps: DailyDeps & { storage: 'pglite' | 'postgres'; hour: number; firstRunMs?: number | undefined }, jobs: JobQueue | undefined): Promise<() => void> {
  const run = async () => {
    try {
      const r = await runDaily(deps, chinaToday());
      deps.log.info({ today: r.today, casesOpened: r.casesOpened.length, reminders: r.reminders, mailed: r.mailed, mailFailed: r.mailFailed }, 'daily job done');
    } catch (err) {
      deps.log.error({ err }, 'daily job failed');
      throw err;
    }
  };
  if (deps.storage === 'postgres' && jobs) {
    await jobs.boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 60, expireInSeconds: 3600 });
    await jobs.boss.schedule(DAILY_QUEUE, `0 ${deps.hour} * * *`, {}, { tz: 'Asia/Shanghai' });
    await jobs.boss.work(DAILY_QUEUE, async () => run());
    await jobs.boss.send(DAILY_QUEUE, {}, { singletonKey: `start-${chinaToday()}` });
    return () => {};
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const loop = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run()
        .catch(() => undefined)
        .finally(() => loop(msUntilHour(new Date(), deps.hour)));
    }, ms);
    timer.unref();
  };
  loop(deps.firstRunMs ?? 30_000);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
