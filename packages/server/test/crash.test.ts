/**
 * The crash test (PostgreSQL): start the built server, start a bulk import, SIGKILL the process
 * mid-way, restart it. No partial evaluation is ever visible, and the batch is resumed to the end
 * (or its files marked failed), with every file imported exactly once.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, openTestDatabase, readSeed, TEST_DATABASE_URL } from './helpers.js';
import type { TestDatabase } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/**
 * Builds the server when dist is missing or older than the sources (`npm test` builds first anyway).
 * A failed rebuild with a dist present (a sibling package mid-edit) runs the dist there is.
 */
function ensureBuilt() {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const newest = Number(execFileSync('bash', ['-c', `find ${src} -name '*.ts' ! -name '*.test.ts' -printf '%T@\\n' | sort -n | tail -1`]).toString().trim()) * 1000;
  if (!existsSync(main) || statSync(main).mtimeMs < newest) {
    try {
      execFileSync('npx', ['tsc', '-b', 'packages/server'], { cwd: root, stdio: 'pipe' });
    } catch (err) {
      if (!existsSync(main)) throw err;
      console.warn(`crash test: rebuilding failed, using the existing dist: ${String(err)}`);
    }
  }
}

interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function startProcess(env: Record<string, string>): Promise<Proc> {
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const check = setInterval(() => {
      const m = /服务已启动：(http:\/\/[^\s]+)/.exec(out);
      if (m?.[1]) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** A client against a real listener. */
function httpClient(base: string): Client {
  return new Client({ request: (input: string, init?: RequestInit) => fetch(`${base}${input}`, init) });
}

describe.skipIf(!TEST_DATABASE_URL)('crash during a bulk import (PostgreSQL)', () => {
  let d: TestDatabase;
  let proc: Proc | undefined;
  const env = () => ({
    DATABASE_URL: d.url ?? '',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PASSWORD_HASH_COST: '10',
    JOB_EXPIRE_SECONDS: '3',
    JOB_MAINTENANCE_SECONDS: '1',
    JOB_POLL_SECONDS: '0.5',
    JOB_RETRY_LIMIT: '3',
    RATE_LIMIT_API_PER_MINUTE: '0',
  });

  beforeAll(async () => {
    ensureBuilt();
    d = await openTestDatabase('postgres');
  }, 600_000);
  afterAll(async () => {
    if (proc && proc.child.exitCode === null) proc.child.kill('SIGKILL');
    await d?.dispose();
  });

  it('leaves no partial evaluation and resumes the batch after SIGKILL', async () => {
    proc = await startProcess(env());
    const password = /一次性密码：(\S+)/.exec(proc.output())?.[1];
    expect(password).toBeDefined();
    const admin = httpClient(proc.url);
    expect((await admin.login('admin', password ?? '')).status).toBe(200);
    expect((await admin.post('/api/auth/password', { currentPassword: password, newPassword: 'crash-test-admin' })).status).toBe(204);
    const orgs = await admin.get('/api/orgs');
    const bureau = orgs.body.items[0].id;
    const dept = await admin.post('/api/orgs', { parentId: bureau, name: '崩溃测试主管部门' });
    const unit = await admin.post('/api/orgs', { parentId: dept.body.id, name: '崩溃测试单位' });

    const seeds = ['000', '001', '002', '003', '004'].map((n) => JSON.stringify(readSeed(n)));
    const files = new FormData();
    const total = 60;
    for (let i = 0; i < total; i++) files.append('files', new File([seeds[i % seeds.length] ?? ''], `seed-${i}.json`));
    files.set('orgId', unit.body.id);
    const batch = await admin.request('POST', '/api/imports', { body: files });
    expect(batch.status, batch.text).toBe(202);
    const batchId: string = batch.body.id;

    // Wait until the batch is under way with a job running, then kill the process without warning.
    const db = d.db;
    for (;;) {
      const p = await admin.get(`/api/imports/${batchId}`);
      const active = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'import-item' AND state = 'active'`.execute(db);
      if (p.body.done >= 5 && (active.rows[0]?.n ?? 0) > 0) {
        expect(p.body.done).toBeLessThan(total);
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    proc.child.kill('SIGKILL');
    await new Promise((r) => proc?.child.once('exit', r));
    const activeAtKill = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'import-item' AND state = 'active'`.execute(db);

    // Nothing half-written: every evaluation of the batch is whole, and belongs to a file marked done.
    const checkWhole = async () => {
      const evals = await db.selectFrom('evaluations').select(['id', 'version']).where('import_batch_id', '=', batchId).execute();
      for (const e of evals) {
        const ind = await db.selectFrom('indicators').select(sql<number>`count(*)`.as('n')).where('evaluation_id', '=', e.id).executeTakeFirstOrThrow();
        const ver = await db.selectFrom('evaluation_versions').select('version').where('evaluation_id', '=', e.id).execute();
        const ev = await db.selectFrom('audit_events').select('action').where('evaluation_id', '=', e.id).execute();
        expect(Number(ind.n), e.id).toBeGreaterThan(0);
        expect(ver.map((v) => v.version)).toEqual([1]);
        expect(ev.map((x) => x.action)).toEqual(['evaluation.create']);
      }
      const items = await db.selectFrom('import_items').select(['seq', 'status', 'evaluation_ids']).where('batch_id', '=', batchId).orderBy('seq').execute();
      const claimed = items.flatMap((i) => i.evaluation_ids);
      expect(new Set(claimed).size).toBe(claimed.length);
      expect(claimed.sort()).toEqual(evals.map((e) => e.id).sort());
      expect(items.filter((i) => i.status !== 'done').every((i) => i.evaluation_ids.length === 0)).toBe(true);
      const b = await db.selectFrom('import_batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
      expect(b.done).toBe(items.filter((i) => i.status === 'done').length);
      expect(b.failed).toBe(items.filter((i) => i.status === 'failed').length);
      return { items, batch: b };
    };
    const afterKill = await checkWhole();
    expect(afterKill.batch.status).not.toBe('completed');
    const pendingAtKill = afterKill.items.filter((i) => i.status === 'pending').length;
    expect(pendingAtKill).toBeGreaterThan(0);

    // Restart: the queue picks the batch up again (an interrupted job expires and is retried).
    proc = await startProcess(env());
    const again = httpClient(proc.url);
    expect((await again.login('admin', 'crash-test-admin')).status).toBe(200);
    const started = Date.now();
    let final;
    for (;;) {
      final = await again.get(`/api/imports/${batchId}`);
      if (final.body.status === 'completed' || final.body.status === 'failed') break;
      if (Date.now() - started > 120_000) throw new Error(`batch not resumed: ${final.text}\n${proc.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(final.body.done + final.body.failed).toBe(total);
    expect(final.body.done).toBe(total);
    const end = await checkWhole();
    expect(end.items.every((i) => i.status === 'done')).toBe(true);
    // Exactly one evaluation per file: nothing imported twice.
    const n = await db.selectFrom('evaluations').select(sql<number>`count(*)`.as('n')).where('import_batch_id', '=', batchId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(total);

    // The job that was running when the process died was expired by the queue and retried. The batch can
    // finish before that retry runs (the other jobs complete the files), so wait until the queue is drained.
    const drainedBy = Date.now() + 60_000;
    for (;;) {
      const open = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'import-item' AND state IN ('created', 'retry', 'active')`.execute(db);
      if ((open.rows[0]?.n ?? 0) === 0) break;
      if (Date.now() > drainedBy) throw new Error(`queue not drained: ${open.rows[0]?.n} import jobs still open\n${proc.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const retried = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'import-item' AND retry_count > 0`.execute(db);
    expect(retried.rows[0]?.n).toBe(activeAtKill.rows[0]?.n);

    // Graceful stop on SIGTERM.
    proc.child.kill('SIGTERM');
    const code = await new Promise((r) => proc?.child.once('exit', r));
    expect(code).toBe(0);
    expect(proc.output()).toContain('服务已停止');
  }, 300_000);
});
