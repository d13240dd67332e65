/**
 * Hostile requests: oversized and chunked bodies, malformed and deeply nested JSON, SQL and script in
 * every text field and parameter, path traversal in file names, missing or forged CSRF tokens on every
 * state-changing route, expired sessions on every signed-in route. Each gets a clean 4xx in our error
 * shape (never a 5xx, never a hang) and changes nothing it should not.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, Client, createTestServer, smallDocument } from './helpers.js';
import type { TestResponse, TestServer } from './helpers.js';

const SQL = `'; DROP TABLE users; --`;
const PAYLOADS = [
  SQL,
  `1' OR '1'='1`,
  `") OR 1=1; SELECT pg_sleep(5); --`,
  `<script>alert(document.cookie)</script>`,
  `"><img src=x onerror=alert(1)>`,
  `{{constructor.constructor('return process')()}}`,
  `../../../../etc/passwd`,
  `%00%27%22`,
  `\u202e\u0001\u007f𠀀`,
];

const TABLES = ['regions', 'orgs', 'users', 'evaluations', 'indicators', 'evaluation_versions', 'comments', 'evidence_files', 'import_batches', 'workflow_transitions'] as const;

async function counts(s: TestServer): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number((await s.deps.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return out;
}

function expectClean4xx(r: TestResponse, label: string) {
  expect(r.status, `${label}: ${r.status} ${r.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(r.status, label).toBeLessThan(500);
  expect(r.body?.error?.code, `${label}: ${r.text.slice(0, 300)}`).toMatch(/^[a-z-]+$/);
  expect(typeof r.body.error.message).toBe('string');
  expect(r.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules|SELECT |syntax error/i);
}

/** Every string leaf of a value, by path. */
function stringPaths(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function setAt(root: unknown, path: Array<string | number>, v: string) {
  let here = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) here = here[k] as Record<string | number, unknown>;
  here[path[path.length - 1] as string | number] = v;
}

function getAt(root: unknown, path: Array<string | number>): unknown {
  let here = root as Record<string | number, unknown>;
  for (const k of path) here = here[k] as Record<string | number, unknown>;
  return here;
}

/** Fills path parameters of an OpenAPI path with plausible values. */
function fill(path: string, id: string): string {
  return path
    .replace('{id}', id)
    .replace('{action}', 'submit')
    .replace('{version}', '1')
    .replace('{indicatorId}', 'i1')
    .replace('{evidenceId}', '01900000-0000-7000-8000-000000000000');
}

describe.each(BACKENDS)('hostile requests on %s', (backend) => {
  let s: TestServer;
  let routes: Array<{ method: string; path: string; secured: boolean }>;

  beforeAll(async () => {
    s = await createTestServer(backend, { config: { MAX_JSON_BYTES: 256 * 1024 } });
    const doc = (await s.client().get('/api/openapi.json')).body;
    routes = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(item)) routes.push({ method: method.toUpperCase(), path: `${path}`, secured: !(Array.isArray(op.security) && op.security.length === 0) });
    }
  }, 120_000);
  afterAll(async () => s?.close());

  it('refuses an oversized body (declared and chunked) before reading it all', async () => {
    const c = await s.as('preparer1');
    const before = await counts(s);
    const big = JSON.stringify({ document: { ...smallDocument(), notes: ['x'.repeat(300 * 1024)] } });
    const declared = await c.request('POST', '/api/evaluations', { body: big, headers: { 'content-type': 'application/json' } });
    expectClean4xx(declared, 'declared');
    expect(declared.status).toBe(413);
    const stream = new ReadableStream({
      start(ctl) {
        for (let i = 0; i < 40; i++) ctl.enqueue(new TextEncoder().encode('x'.repeat(10_000)));
        ctl.close();
      },
    });
    const chunked = await s.app.request('/api/evaluations', {
      method: 'POST',
      headers: { cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '', 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await counts(s)).toEqual(before);
  });

  it('refuses malformed JSON, wrong content types and deep nesting', async () => {
    const c = await s.as('preparer1');
    const before = await counts(s);
    for (const body of ['{', '{"document": }', 'null', '[]', '"x"', '{"document": {"schemaVersion": 1,}}', '\u0000']) {
      const r = await c.request('POST', '/api/evaluations', { body, headers: { 'content-type': 'application/json' } });
      expectClean4xx(r, `body ${JSON.stringify(body)}`);
    }
    const bad = await c.request('POST', '/api/evaluations', { body: '{', headers: { 'content-type': 'application/json' } });
    expect(bad.body.error.code).toBe('invalid-json');
    const text = await c.request('POST', '/api/evaluations', { body: JSON.stringify({ document: smallDocument() }), headers: { 'content-type': 'text/plain' } });
    expectClean4xx(text, 'text/plain');
    const deep = `{"document":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const nested = await c.request('POST', '/api/evaluations', { body: deep, headers: { 'content-type': 'application/json' } });
    expectClean4xx(nested, 'deep');
    const tree = smallDocument();
    let node: { children?: unknown[] } = tree.indicators[0] as { children?: unknown[] };
    for (let i = 0; i < 200; i++) {
      const child = { id: `d${i}`, name: '深', children: [] as unknown[] };
      node.children = [child];
      node = child;
    }
    expectClean4xx(await c.post('/api/evaluations', { document: tree }), 'deep indicator tree');
    expect(await counts(s)).toEqual(before);
  });

  it('stores SQL and script in every text field of a document verbatim, as data', async () => {
    const c = await s.as('preparer1');
    const base = smallDocument('注入测试');
    const paths = stringPaths(base).filter((p) => p[0] !== 'schemaVersion');
    expect(paths.length).toBeGreaterThan(20);
    let stored = 0;
    for (const [i, path] of paths.entries()) {
      const payload = PAYLOADS[i % PAYLOADS.length] ?? SQL;
      const doc = structuredClone(base);
      setAt(doc, path, payload);
      const usersBefore = await counts(s);
      const r = await c.post('/api/evaluations', { document: doc });
      if (r.status === 201) {
        stored++;
        expect(getAt(r.body.document, path), path.join('.')).toBe(payload);
        const again = await c.get(`/api/evaluations/${r.body.id}`);
        expect(getAt(again.body.document, path)).toBe(payload);
        expect(again.headers.get('content-type')).toMatch(/^application\/json/);
      } else {
        // Fields with a format (decimals, enums, ids) refuse the text cleanly.
        expectClean4xx(r, path.join('.'));
        expect(await counts(s)).toEqual(usersBefore);
      }
      const after = await counts(s);
      expect(after['users']).toBe(usersBefore['users']);
      expect(after['regions']).toBe(usersBefore['regions']);
    }
    expect(stored).toBeGreaterThan(10);
    // Script comes back JSON-encoded under a JSON content type with nosniff and a CSP that runs nothing.
    const r = await c.post('/api/evaluations', { document: { ...base, header: { ...base.header, title: PAYLOADS[3] } } });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('refuses a NUL character in a text column cleanly', async () => {
    const c = await s.as('preparer1');
    const before = await counts(s);
    const r = await c.post('/api/evaluations', { document: smallDocument('标题\u0000截断') });
    expectClean4xx(r, 'NUL in title');
    expect(await counts(s)).toEqual(before);
  });

  it('refuses SQL and script in every query and path parameter', async () => {
    const c = await s.as('finance1');
    const before = await counts(s);
    for (const p of PAYLOADS) {
      const q = encodeURIComponent(p);
      for (const url of [
        `/api/evaluations?year=${q}`,
        `/api/evaluations?org=${q}`,
        `/api/evaluations?level=${q}`,
        `/api/evaluations?status=${q}`,
        `/api/evaluations?hasErrors=${q}`,
        `/api/evaluations?page=${q}`,
        `/api/evaluations?pageSize=${q}`,
        `/api/evaluations/${q}`,
        `/api/evaluations/${q}/history`,
        `/api/users/${q}`,
        `/api/public/evaluations?region=${q}`,
        `/api/public/evaluations/${q}`,
      ]) {
        const r = await c.get(url);
        expect(r.status, url).not.toBe(200);
        expectClean4xx(r, url);
      }
      // Free text and grade filters are parameters, never SQL: they match exactly the rows holding that text.
      const literal = Number(
        (
          await s.deps.db
            .selectFrom('evaluations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('region', '=', 'r1')
            .where('deleted_at', 'is', null)
            .where(sql<boolean>`strpos(title, ${p}) > 0`)
            .executeTakeFirstOrThrow()
        ).n,
      );
      const byText = await c.get(`/api/evaluations?q=${q}`);
      expect(byText.status).toBe(200);
      expect(byText.body.total, p).toBe(literal);
      const byGrade = await c.get(`/api/evaluations?grade=${encodeURIComponent(p.slice(0, 10))}`);
      expect(byGrade.status).toBe(200);
      expect(byGrade.body.total).toBe(0);
    }
    const wildcard = await c.get(`/api/evaluations?q=${encodeURIComponent('%_%')}`);
    expect(wildcard.body.total).toBe(0);
    expect(await counts(s)).toEqual(before);
  });

  it('refuses SQL in the login fields without a hint', async () => {
    for (const p of PAYLOADS) {
      for (const body of [{ username: p, password: 'x' }, { username: 'preparer3', password: p }, { username: `preparer3' --`, password: p }]) {
        const r = await s.client().login(body.username, body.password);
        // 423 once repeated failures lock preparer1's account: a lock-out, not a hint.
        expect([400, 401, 423]).toContain(r.status);
        expectClean4xx(r, JSON.stringify(body));
      }
    }
  });

  it('refuses path traversal in every file name it accepts', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('文件名') });
    const before = await counts(s);
    for (const name of ['../../etc/passwd.pdf', '..\\..\\windows\\win.ini.pdf', '/etc/shadow.pdf', 'C:\\boot.pdf', 'a/../../b.json', '....//x.json', 'x\u0000.pdf']) {
      const ev = new FormData();
      ev.set('file', new File([new TextEncoder().encode('%PDF-1.4\n')], name));
      ev.set('indicatorId', 'i1');
      expectClean4xx(await c.request('POST', `/api/evaluations/${created.body.id}/evidence`, { body: ev }), `evidence ${name}`);
      const one = new FormData();
      one.set('file', new File([JSON.stringify(smallDocument())], name));
      expectClean4xx(await c.request('POST', '/api/evaluations/import', { body: one }), `import ${name}`);
      expectClean4xx(await c.request('POST', '/api/import/preview', { body: one }), `preview ${name}`);
    }
    expect(await counts(s)).toEqual(before);
  });

  it('refuses every state-changing route without the CSRF token, or with a forged one, changing nothing', async () => {
    const c = await s.as('preparer1');
    const created = await c.post('/api/evaluations', { document: smallDocument('CSRF 全覆盖') });
    const unsafe = routes.filter((r) => r.secured && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    expect(unsafe.length).toBeGreaterThan(15);
    const before = await counts(s);
    for (const r of unsafe) {
      for (const token of [undefined, 'forged-token', c.csrf?.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))]) {
        const res = await c.request(r.method, fill(r.path, created.body.id), {
          json: { document: smallDocument(), reason: 'x', body: 'x', score: '1', username: 'x', displayName: 'x', role: 'preparer', orgId: s.fixture.orgs.U1.id, parentId: s.fixture.orgs.D1.id, name: 'x', currentPassword: 'x', newPassword: 'yyyyyyyyyy' },
          csrf: false,
          ...(token ? { headers: { 'x-csrf-token': token } } : {}),
        });
        expect(res.status, `${r.method} ${r.path} token=${token}`).toBe(403);
        expect(res.body.error.code).toBe('csrf-failed');
      }
    }
    expect(await counts(s)).toEqual(before);
  });

  it('refuses every signed-in route with an expired session (401), changing nothing', async () => {
    const c = new Client(s.app);
    await c.login('head1', 'test-password-1');
    const created = await c.post('/api/evaluations', { document: smallDocument('过期会话') });
    await s.deps.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 60_000) }).where('user_id', '=', s.fixture.users['head1']?.id ?? '').execute();
    const before = await counts(s);
    const secured = routes.filter((r) => r.secured);
    expect(secured.length).toBeGreaterThan(30);
    for (const r of secured) {
      const res = await c.request(r.method, fill(r.path, created.body.id), r.method === 'GET' ? {} : { json: { document: smallDocument() } });
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.body.error.code).toBe('session-expired');
    }
    expect(await counts(s)).toEqual(before);
  });

  it('answers unknown routes and methods in the error shape', async () => {
    const c = await s.as('preparer1');
    expectClean4xx(await c.get('/api/nope'), 'unknown');
    expectClean4xx(await c.request('PATCH', '/api/evaluations', { json: {} }), 'PATCH list');
    expectClean4xx(await c.get('/api/../../etc/passwd'), 'dot-dot');
    const r = await s.app.request('/api/health', { headers: { 'x-request-id': 'bad id\twith tabs' } });
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
