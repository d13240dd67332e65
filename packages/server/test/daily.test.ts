/**
 * The daily job with fixed dates: warning cases opened when today's assessment asks for them (once),
 * reminders of warning cases and rectification tasks recorded once per recipient, and e-mailed through an
 * in-process SMTP server to users with an address — the mail arrives in Chinese with the project, what is
 * due and when, and the link. Without SMTP nothing is sent and nothing fails.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { addWorkingDays, CN_WORK_CALENDAR, getRuleSet, parseRuleSet } from '@jixiao/core';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config.js';
import { msUntilHour, runDaily, startDailyJob } from '../src/jobs/daily.js';
import { startJobQueue } from '../src/jobs/queue.js';
import type { DailyDeps } from '../src/jobs/daily.js';
import { createMailer } from '../src/mail/mailer.js';
import { BACKENDS, createTestServer, monitoringDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** RFC 2047 encoded words and the two transfer encodings nodemailer uses, enough to read our mails back. */
function decodeWords(s: string): string {
  return s.replace(/\s*=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

function parseMail(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r\n\r\n/);
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const encoding = (/^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1] ?? '').trim().toLowerCase();
  const body = rest.join('\r\n\r\n');
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : body;
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

async function startSmtp(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(BACKENDS)('daily job on %s', (backend) => {
  let s: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let deps: DailyDeps;
  let red = '';
  let stale = '';
  let task = '';

  const snapshot = (evaluationId: string, period: string, asOf: string, executed: string, indicators?: Array<{ id: string; progress: string }>) =>
    s.deps.db
      .insertInto('monitoring_snapshots')
      .values({ region: 'r1', evaluation_id: evaluationId, period, as_of: asOf, snapshot: JSON.stringify({ project: evaluationId, period, asOf, executed, ...(indicators ? { indicators } : {}) }), reported_by: s.fixture.users['preparer1']!.id })
      .execute();

  beforeAll(async () => {
    s = await createTestServer(backend);
    smtp = await startSmtp();
    deps = { db: s.deps.db, log: pino({ level: 'silent' }), mailer: createMailer({ SMTP_URL: smtp.url, MAIL_FROM: '绩效管理系统 <noreply@example.org>' }), baseUrl: 'https://jixiao.example.org' };
    const p = await s.as('preparer1');
    red = (await p.post('/api/evaluations', { document: monitoringDocument('红灯项目监控') })).body.id;
    stale = (await p.post('/api/evaluations', { document: monitoringDocument('逾期未报项目监控') })).body.id;
    // Stored as an import would (no report through the API, so no case yet): 10% executed by the end of June.
    await snapshot(red, '2024-Q2', '2024-06-30', '10');
    // On track at the end of May (execution ahead of the schedule, output in step with it).
    await snapshot(stale, '2024-05', '2024-05-31', '45', [{ id: 'i1', progress: '50家' }, { id: 'i3', progress: '95%' }]);
  }, 120_000);
  afterAll(async () => {
    deps?.mailer?.close();
    await smtp?.close();
    await s?.close();
  });

  it('takes e-mail addresses in the users admin API', async () => {
    const admin = await s.as('admin1');
    expect((await admin.patch(`/api/users/${s.fixture.users['preparer1']!.id}`, { email: '不是地址' })).status).toBe(400);
    const r = await admin.patch(`/api/users/${s.fixture.users['preparer1']!.id}`, { email: 'preparer1@example.org' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.email).toBe('preparer1@example.org');
    expect((await admin.patch(`/api/users/${s.fixture.users['reviewer1']!.id}`, { email: 'reviewer1@example.org' })).body.email).toBe('reviewer1@example.org');
    const created = await admin.post('/api/users', { username: 'mailtest', displayName: '邮件测试', role: 'preparer', orgId: s.fixture.orgs.U2.id, password: 'a-long-password-1', email: 'mailtest@example.org' });
    expect(created.status, created.text).toBe(201);
    expect(created.body.user.email).toBe('mailtest@example.org');
    expect((await admin.patch(`/api/users/${created.body.user.id}`, { email: null })).body.email).toBeNull();
  });

  it('opens the warning case today’s assessment asks for, once', async () => {
    const first = await runDaily(deps, '2024-07-01');
    expect(first.casesOpened).toEqual([{ region: 'r1', id: expect.any(String), evaluationId: red, period: '2024-Q2' }]);
    const again = await runDaily(deps, '2024-07-01');
    expect(again.casesOpened).toEqual([]);
    expect(again.reminders).toBe(0);
    const cases = await s.deps.db.selectFrom('monitoring_cases').selectAll().where('evaluation_id', '=', red).execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ issued_at: '2024-07-01', due: addWorkingDays('2024-07-01', 10, CN_WORK_CALENDAR), status: 'awaiting-unit' });
    const events = await s.deps.db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', cases[0]!.id).execute();
    expect(events).toEqual([{ action: 'monitoring.case.open', actor_id: null }]);
  });

  it('opens a case when time alone makes the assessment ask for one (a checkpoint passed with no new report)', async () => {
    const base = getRuleSet('national-project')!;
    const strict = parseRuleSet({ ...base, id: 'strict-test', monitoring: { ...base.monitoring, respondTo: ['MON-NO-SNAPSHOT'] } });
    expect(strict.ok).toBe(true);
    const ruleSet = strict.ok ? strict.ruleSet : undefined;
    // June 15: the last checkpoint passed (April) is covered by the May report.
    expect((await runDaily({ ...deps, mailer: undefined, ruleSet }, '2024-06-14')).casesOpened.filter((c) => c.evaluationId === stale)).toEqual([]);
    // July 2: the June checkpoint passed, no report since May.
    const r = await runDaily({ ...deps, mailer: undefined, ruleSet }, '2024-07-02');
    expect(r.casesOpened.filter((c) => c.evaluationId === stale)).toEqual([{ region: 'r1', id: expect.any(String), evaluationId: stale, period: '2024-05' }]);
    expect((await runDaily({ ...deps, mailer: undefined, ruleSet }, '2024-07-02')).casesOpened).toEqual([]);
    // Keep the rest of this file about the red project only.
    await s.deps.db.deleteFrom('sent_reminders').execute();
    await s.deps.db.updateTable('monitoring_cases').set({ status: 'closed' }).where('evaluation_id', '=', stale).execute();
  });

  it('reminds the unit before the answer is due, by e-mail to those with an address, once', async () => {
    const cases = await s.deps.db.selectFrom('monitoring_cases').select(['id', 'due']).where('evaluation_id', '=', red).execute();
    const due = cases[0]!.due;
    const day = addWorkingDays(due, -2, CN_WORK_CALENDAR);
    const r = await runDaily(deps, day);
    // The unit's preparer and unit head; only the preparer has an address.
    expect(r.reminders).toBe(2);
    expect(r.mailed).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['preparer1@example.org']);
    expect(mail.subject).toBe(`【绩效管理】监控预警即将到期：测试项目（${due}到期）`);
    expect(mail.text).toContain('测试 preparer1，您好：');
    expect(mail.text).toContain(`须在${due}前答复（还剩2个工作日）`);
    expect(mail.text).toContain(`期限：${due}`);
    expect(mail.text).toContain(`办理地址：https://jixiao.example.org/monitoring/${red}`);
    const again = await runDaily(deps, day);
    expect(again).toMatchObject({ reminders: 0, mailed: 0 });
    expect(smtp.received).toHaveLength(1);
    const rows = await s.deps.db.selectFrom('sent_reminders').select(['user_id', 'kind', 'mailed_at', 'email']).orderBy('key').execute();
    expect(rows.map((x) => x.kind)).toEqual(['due-soon', 'due-soon']);
    expect(rows.filter((x) => x.mailed_at !== null).map((x) => x.email)).toEqual(['preparer1@example.org']);
  });

  it('tells the reviewers once the answer is overdue', async () => {
    const due = (await s.deps.db.selectFrom('monitoring_cases').select('due').where('evaluation_id', '=', red).executeTakeFirstOrThrow()).due;
    const r = await runDaily(deps, addWorkingDays(due, 1, CN_WORK_CALENDAR));
    expect(r.reminders).toBe(1);
    expect(smtp.received.at(-1)).toMatchObject({ to: ['reviewer1@example.org'] });
    expect(smtp.received.at(-1)!.subject).toContain('监控预警逾期未答复');
    expect(smtp.received.at(-1)!.text).toContain(`已于${due}到期未答复`);
  });

  it('reminds the owner of a rectification task before its deadline and both owner and reviewer after', async () => {
    const evaluation = (await (await s.as('preparer1')).post('/api/evaluations', { document: { ...monitoringDocument('整改来源'), header: { ...monitoringDocument().header, title: '整改来源自评表', stage: 'self-evaluation' } } })).body.id;
    const created = await (await s.as('reviewer1')).post('/api/results/tasks', { evaluationId: evaluation, items: [{ location: '资金管理', message: '补充拨付凭证' }], deadline: '2025-03-14', ownerUserId: s.fixture.users['preparer1']!.id });
    expect(created.status, created.text).toBe(201);
    task = created.body.items[0].id;
    const before = smtp.received.length;
    expect((await runDaily(deps, '2025-03-03')).reminders).toBe(0);
    const soon = await runDaily(deps, '2025-03-12');
    expect(soon.reminders).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['preparer1@example.org']);
    expect(mail.subject).toBe('【绩效管理】整改任务即将到期：整改来源自评表（2025-03-14到期）');
    expect(mail.text).toContain('整改任务“资金管理”（整改来源自评表）须在2025-03-14前完成（还剩2个工作日）');
    expect(mail.text).toContain(`/results/tasks?task=${task}`);
    const late = await runDaily(deps, '2025-03-17');
    expect(late.reminders).toBe(2);
    expect(smtp.received.slice(before + 1).flatMap((m) => m.to).sort()).toEqual(['preparer1@example.org', 'reviewer1@example.org']);
    expect((await runDaily(deps, '2025-03-18')).reminders).toBe(0);
  });

  it('without SMTP sends nothing and fails nothing; a mail server that refuses is recorded, not fatal', async () => {
    expect(createMailer(testConfig())).toBeUndefined();
    await s.deps.db.deleteFrom('sent_reminders').execute();
    const count = smtp.received.length;
    const quiet = await runDaily({ ...deps, mailer: undefined }, '2025-03-17');
    // The task (owner and reviewer) and the red project's overdue case (reviewer).
    expect(quiet).toMatchObject({ reminders: 3, mailed: 0, mailFailed: 0 });
    expect(smtp.received).toHaveLength(count);
    await s.deps.db.deleteFrom('sent_reminders').execute();
    const broken = createMailer({ SMTP_URL: 'smtp://127.0.0.1:1', MAIL_FROM: 'x <x@example.org>' });
    const r = await runDaily({ ...deps, mailer: broken }, '2025-03-17');
    broken?.close();
    expect(r).toMatchObject({ reminders: 3, mailed: 0, mailFailed: 3 });
    const rows = await s.deps.db.selectFrom('sent_reminders').select(['mail_error', 'mailed_at']).execute();
    expect(rows.every((x) => x.mail_error !== null && x.mailed_at === null)).toBe(true);
  });

  it('starts on its schedule: pg-boss cron on PostgreSQL, a timer on PGlite, both running the job once at start-up', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const config = { ...testConfig({ JOB_POLL_SECONDS: 0.5, JOB_MAINTENANCE_SECONDS: 1 }), storage: backend, DAILY_JOB: true };
    const jobs = backend === 'postgres' ? await startJobQueue(s.database, config, log) : undefined;
    const stop = await startDailyJob({ db: s.deps.db, log, storage: backend, hour: 7, firstRunMs: 10 }, jobs);
    try {
      await expect.poll(() => lines.filter((l) => l.includes('daily job done')).length, { timeout: 30_000, interval: 200 }).toBe(1);
      if (jobs) {
        const scheduled = await sql<{ name: string; cron: string; timezone: string }>`SELECT name, cron, timezone FROM pgboss.schedule`.execute(s.deps.db);
        expect(scheduled.rows).toEqual([{ name: 'daily-job', cron: '0 7 * * *', timezone: 'Asia/Shanghai' }]);
      }
    } finally {
      stop();
      await jobs?.stop();
    }
  });

  it('schedules the next run at the configured hour, China time', () => {
    expect(msUntilHour(new Date('2024-07-01T22:00:00Z'), 7)).toBe(1 * 3600_000); // 06:00 in China → 07:00
    expect(msUntilHour(new Date('2024-07-01T23:30:00Z'), 7)).toBe(23.5 * 3600_000);
  });
});
