/**
 * Two app replicas on one database: each caches evaluations, and a change made through one is seen
 * through the other (NOTIFY from the database drops the other's copy), while a writer always reads
 * its own write.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { testConfig } from '../src/config.js';
import { createDeps, watchEvaluationChanges } from '../src/server.js';
import { BACKENDS, Client, PASSWORD, createTestServer, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('not within time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(BACKENDS)('replicas on %s', (backend) => {
  let s: TestServer;
  let second: { client: Client; stop: () => Promise<void>; deps: ReturnType<typeof createDeps> };

  beforeAll(async () => {
    s = await createTestServer(backend);
    const deps = createDeps(s.database, testConfig(), pino({ level: 'silent' }));
    const app = createApp(deps);
    const stop = await watchEvaluationChanges(deps);
    deps.state.ready = true;
    const client = new Client(app);
    await client.login('reviewer1', PASSWORD);
    second = { client, stop, deps };
  }, 120_000);
  afterAll(async () => {
    await second?.stop();
    await s?.close();
  });

  it('serves a changed evaluation fresh on the other replica', async () => {
    expect(s.deps.evaluations.isEnabled).toBe(true);
    expect(second.deps.evaluations.isEnabled).toBe(true);
    const writer = await s.as('preparer1');
    const created = await writer.post('/api/evaluations', { document: smallDocument('两个副本') });
    const id = created.body.id;
    const first = await second.client.get(`/api/evaluations/${id}`);
    expect(first.body.version).toBe(1);
    expect(second.deps.evaluations.size).toBeGreaterThan(0);
    // Cached: the second read needs no database.
    expect((await second.client.get(`/api/evaluations/${id}`)).body.version).toBe(1);

    const doc = created.body.document;
    doc.header.title = '两个副本（改）';
    const saved = await writer.put(`/api/evaluations/${id}`, { document: doc }, { 'if-match': 'W/"1-draft"' });
    expect(saved.body.title).toBe('两个副本（改）');
    // The writer reads its own write at once.
    expect((await writer.get(`/api/evaluations/${id}`)).body.version).toBe(2);
    // The other replica hears of it through NOTIFY.
    await eventually(async () => (await second.client.get(`/api/evaluations/${id}`)).body.version === 2);

    await writer.post(`/api/evaluations/${id}/actions/submit`);
    await eventually(async () => (await second.client.get(`/api/evaluations/${id}`)).body.status === 'submitted');
    const r = await second.client.post(`/api/evaluations/${id}/actions/approve`);
    expect(r.body.status).toBe('approved');
    await eventually(async () => (await writer.get(`/api/evaluations/${id}`)).body.status === 'approved');
  });

  it('drops every cached copy when a name they show changes', async () => {
    const writer = await s.as('preparer1');
    const created = await writer.post('/api/evaluations', { document: smallDocument('改名') });
    const id = created.body.id;
    await second.client.get(`/api/evaluations/${id}`);
    const admin = await s.as('admin1');
    await admin.patch(`/api/users/${s.fixture.users['preparer1']?.id}`, { displayName: '新名字' });
    await eventually(async () => (await second.client.get(`/api/evaluations/${id}`)).body.updatedBy.name === '新名字');
  });
});
