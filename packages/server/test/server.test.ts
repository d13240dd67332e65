/** Start-up: first-start data (demo on the embedded default, one admin on PostgreSQL), restart, readiness, shutdown, the OpenAPI document. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config.js';
import { DEMO_USERS } from '../src/demo/seed.js';
import { startServer } from '../src/server.js';
import { Client, openTestDatabase, TEST_DATABASE_URL } from './helpers.js';
import type { TestDatabase } from './helpers.js';

function httpClient(base: string): Client {
  return new Client({ request: (input: string, init?: RequestInit) => fetch(`${base}${input}`, init) });
}

describe('the embedded default (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'jixiao-data-'));

  it('seeds the demo on first start, prints the URL and the logins, keeps the data across a restart', async () => {
    let printed = '';
    const config = testConfig({ DATA_DIR: dataDir, PORT: 0, demo: true, JOB_POLL_SECONDS: 0.5 });
    const first = await startServer(config, { print: (t) => (printed += t) });
    try {
      expect(first.bootstrap.kind).toBe('demo');
      expect(printed).toMatch(/绩效（jixiao）服务已启动：http:\/\/127\.0\.0\.1:\d+/);
      for (const u of DEMO_USERS) expect(printed).toContain(u.username);
      expect(printed).toContain('密码均为：jixiao-demo');
      expect(printed).toContain('警告');
      const c = httpClient(first.url ?? '');
      expect((await fetch(`${first.url}/api/ready`)).status).toBe(200);
      expect((await c.login('finance', 'jixiao-demo')).status).toBe(200);
      const all = await c.get('/api/evaluations');
      expect(all.body.total).toBe(5);
      const statuses = all.body.items.map((i: { status: string }) => i.status).sort();
      expect(statuses).toEqual(['draft', 'draft', 'draft', 'published', 'submitted']);
      const p2 = httpClient(first.url ?? '');
      await p2.login('preparer2', 'jixiao-demo');
      expect((await p2.get('/api/evaluations')).body.total).toBe(1);
      const rev = httpClient(first.url ?? '');
      await rev.login('reviewer', 'jixiao-demo');
      expect((await rev.get('/api/evaluations')).body.total).toBe(3);
      const pub = await fetch(`${first.url}/api/public/evaluations`);
      expect(((await pub.json()) as { total: number }).total).toBe(1);
    } finally {
      await first.close();
    }
    const second = await startServer(config, { print: () => {} });
    try {
      expect(second.bootstrap.kind).toBe('existing');
      const c = httpClient(second.url ?? '');
      expect((await c.login('admin', 'jixiao-demo')).status).toBe(200);
      expect((await c.get('/api/evaluations')).body.total).toBe(5);
    } finally {
      await second.close();
    }
  }, 300_000);

  it('refuses a second process on the same data directory', async () => {
    const config = testConfig({ DATA_DIR: dataDir, PORT: 0, demo: false });
    const { openPglite } = await import('../src/db/database.js');
    const held = await openPglite({ dataDir });
    try {
      // Pretend another live process holds the lock.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(dataDir, 'jixiao.lock'), String(process.ppid));
      await expect(startServer(config, { print: () => {} })).rejects.toThrow(/正被进程/);
    } finally {
      await held.close();
    }
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('a server on PostgreSQL (DATABASE_URL)', () => {
  let d: TestDatabase;
  afterAll(async () => d?.dispose());

  it('starts empty with one admin whose one-time password is printed, and no demo data', async () => {
    d = await openTestDatabase('postgres');
    let printed = '';
    const config = testConfig({ DATABASE_URL: d.url, storage: 'postgres', PORT: 0, demo: false, REGION_CODE: '430900', REGION_NAME: '益阳市' });
    const s = await startServer(config, { database: d, print: (t) => (printed += t) });
    try {
      expect(s.bootstrap.kind).toBe('admin');
      const otp = /一次性密码：(\S+)/.exec(printed)?.[1] ?? '';
      expect(otp).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(printed).not.toContain('jixiao-demo');
      const c = httpClient(s.url ?? '');
      expect((await c.login('admin', otp)).status).toBe(200);
      expect((await c.get('/api/evaluations')).body.error.code).toBe('password-change-required');
      await c.post('/api/auth/password', { currentPassword: otp, newPassword: 'a-real-password' });
      expect((await c.get('/api/evaluations')).body.total).toBe(0);
      const orgs = await c.get('/api/orgs');
      expect(orgs.body.items).toEqual([expect.objectContaining({ kind: 'bureau', name: '益阳市财政局' })]);
      expect((await httpClient(s.url ?? '').login('preparer', 'jixiao-demo')).status).toBe(401);

      // Readiness goes down first when stopping.
      const closing = s.close();
      expect(s.deps.state.shuttingDown).toBe(true);
      await closing;
    } finally {
      await s.close();
    }
  }, 120_000);
});

describe('the OpenAPI document', () => {
  it('is generated from the route schemas and describes every route with its errors', async () => {
    const d = await openTestDatabase('pglite');
    try {
      const s = await startServer(testConfig({ PORT: 0 }), { database: d, listen: false, jobs: false });
      const r = await s.app.request('/api/openapi.json');
      expect(r.status).toBe(200);
      const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>>; components: { schemas: Record<string, unknown> } };
      expect(doc.openapi).toBe('3.1.0');
      const ops = Object.entries(doc.paths).flatMap(([p, item]) => Object.entries(item).map(([m, op]) => ({ p, m, op })));
      expect(ops.length).toBeGreaterThan(35);
      for (const { p, m, op } of ops) {
        expect(op.summary, `${m} ${p}`).toBeTruthy();
        expect(Object.keys(op.responses).some((code) => code.startsWith('2') || code === '304'), `${m} ${p}`).toBe(true);
        if (!['/api/health', '/api/ping'].includes(p)) expect(op.responses['500'], `${m} ${p}`).toBeDefined();
      }
      for (const name of ['Evaluation', 'Error', 'User', 'Session', 'IndicatorNode', 'ImportBatch', 'AuditEvent', 'Comment', 'Evidence']) {
        expect(doc.components.schemas, name).toHaveProperty(name);
      }
      expect(doc.paths['/api/evaluations/{id}/actions/{action}']).toBeDefined();
    } finally {
      await d.dispose();
    }
  }, 120_000);
});
