import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestServer, smallDocument } from './helpers.js';
import type { TestServer } from './helpers.js';

describe.each(BACKENDS)('smoke on %s', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    const t = Date.now();
    s = await createTestServer(backend);
    console.log('setup', backend, Date.now() - t);
  }, 120_000);
  afterAll(async () => s?.close());

  it('logs in and creates, reads, updates an evaluation', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument() });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const read = await c.get(`/api/evaluations/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.document.header.title).toBe('测试项目绩效自评表');
    const etag = read.headers.get('etag');
    const doc = read.body.document;
    doc.header.title = '改名';
    const upd = await c.put(`/api/evaluations/${id}`, { document: doc }, { 'if-match': etag ?? '' });
    expect(upd.status, upd.text).toBe(200);
    expect(upd.body.version).toBe(2);
    const list = await c.get('/api/evaluations?year=2023');
    expect(list.status, list.text).toBe(200);
    expect(list.body.total).toBe(1);
  });
});
