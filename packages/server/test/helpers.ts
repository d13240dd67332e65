/**
 * Test support: databases (PGlite always, PostgreSQL when TEST_DATABASE_URL is set, one fresh database
 * per test file), a fixture with two regions, and an HTTP client that keeps the session cookie and the
 * CSRF token. Requests go through `app.request` in process unless a test starts a real listener.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../src/app.js';
import { createUser, prepareUser } from '../src/auth/users.js';
import { testConfig } from '../src/config.js';
import type { Config } from '../src/config.js';
import { openPglite, openPostgres } from '../src/db/database.js';
import type { Database } from '../src/db/database.js';
import { loadMigrations, migrate } from '../src/db/migrate.js';
import type { OrgRow, Role } from '../src/db/types.js';
import type { Deps } from '../src/deps.js';
import type { AppEnv } from '../src/http/env.js';
import { startImportWorkers } from '../src/imports/batches.js';
import { startJobQueue } from '../src/jobs/queue.js';
import { createOrg, createRegion } from '../src/organisations/store.js';
import { createDeps, watchEvaluationChanges } from '../src/server.js';

export type Backend = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export const BACKENDS: Backend[] = ['pglite', ...(TEST_DATABASE_URL ? (['postgres'] as const) : [])];

export const PASSWORD = 'test-password-1';

export interface TestDatabase extends Database {
  /** Closes and, for PostgreSQL, drops the database. */
  dispose(): Promise<void>;
  /** The connection URL (PostgreSQL only). */
  url?: string;
}

/**
 * A migrated PGlite, started from a cached dump of a freshly migrated database when there is one
 * (keyed by the migrations' hashes), so test files skip initdb and the migrations.
 */
async function pgliteFromCache(): Promise<Database> {
  const key = createHash('sha256')
    .update(loadMigrations().map((m) => m.sha256).join(','))
    .digest('hex')
    .slice(0, 16);
  const file = join(tmpdir(), `jixiao-pglite-${key}.tar.gz`);
  if (existsSync(file)) {
    try {
      const db = await openPglite({ loadDataDir: new Blob([readFileSync(file)]) });
      await migrate(db.db);
      return db;
    } catch {
      // A damaged cache: fall through and rebuild it.
    }
  }
  const db = await openPglite();
  await migrate(db.db);
  const dump = await db.pglite.dumpDataDir('gzip');
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return db;
}

export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await pgliteFromCache();
    return { ...db, dispose: () => db.close() };
  }
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `jixiao_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const db = await openPostgres(url, 10);
  await migrate(db.db);
  return {
    ...db,
    url,
    async dispose() {
      await db.close();
      const a = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface FixtureUser {
  id: string;
  username: string;
  role: Role;
  org: OrgRow;
  region: string;
}

/**
 * Two regions. r1: bureau → dept D1 (units U1, U2) and dept D2 (unit U3). r2: bureau → dept E1 (unit V1).
 * Users (password PASSWORD): in r1 admin1, finance1, reviewer1 (D1), reviewer2 (D2), preparer1 and
 * head1 (U1), preparer2 (U2), preparer3 (U3), deptprep (D1 itself); in r2 admin2, finance2, reviewer9 (E1), preparer9 (V1).
 */
export interface Fixture {
  orgs: Record<'B1' | 'D1' | 'D2' | 'U1' | 'U2' | 'U3' | 'B2' | 'E1' | 'V1', OrgRow>;
  users: Record<string, FixtureUser>;
}

export async function createFixture(deps: Deps): Promise<Fixture> {
  const { db, config } = deps;
  const orgs = await db.transaction().execute(async (trx) => {
    const sys = (region: string) => ({ region, id: null });
    const B1 = await createRegion(trx, { region: 'r1', name: '一号地区', bureauName: '一号财政局' });
    const D1 = await createOrg(trx, sys('r1'), B1, { name: '一号主管部门' });
    const D2 = await createOrg(trx, sys('r1'), B1, { name: '二号主管部门' });
    const U1 = await createOrg(trx, sys('r1'), D1, { name: '单位甲' });
    const U2 = await createOrg(trx, sys('r1'), D1, { name: '单位乙' });
    const U3 = await createOrg(trx, sys('r1'), D2, { name: '单位丙' });
    const B2 = await createRegion(trx, { region: 'r2', name: '二号地区', bureauName: '二号财政局' });
    const E1 = await createOrg(trx, sys('r2'), B2, { name: '外地主管部门' });
    const V1 = await createOrg(trx, sys('r2'), E1, { name: '外地单位' });
    return { B1, D1, D2, U1, U2, U3, B2, E1, V1 };
  });
  const specs: Array<[string, Role, OrgRow]> = [
    ['admin1', 'admin', orgs.B1],
    ['finance1', 'finance', orgs.B1],
    ['reviewer1', 'reviewer', orgs.D1],
    ['reviewer2', 'reviewer', orgs.D2],
    ['preparer1', 'preparer', orgs.U1],
    ['head1', 'unit-head', orgs.U1],
    ['preparer2', 'preparer', orgs.U2],
    ['preparer3', 'preparer', orgs.U3],
    ['deptprep', 'preparer', orgs.D1],
    ['admin2', 'admin', orgs.B2],
    ['finance2', 'finance', orgs.B2],
    ['reviewer9', 'reviewer', orgs.E1],
    ['preparer9', 'preparer', orgs.V1],
  ];
  const prepared = await Promise.all(
    specs.map(([username, role, org]) =>
      prepareUser({ username, displayName: `测试 ${username}`, role, org, password: PASSWORD, mustChangePassword: false }, config.PASSWORD_HASH_COST),
    ),
  );
  const users: Record<string, FixtureUser> = {};
  await db.transaction().execute(async (trx) => {
    for (const p of prepared) {
      const u = await createUser(trx, { id: null }, p);
      users[u.username] = { id: u.id, username: u.username, role: u.role, org: p.org, region: u.region };
    }
  });
  return { orgs, users };
}

export interface TestServer {
  backend: Backend;
  database: TestDatabase;
  deps: Deps;
  app: OpenAPIHono<AppEnv>;
  fixture: Fixture;
  client(): Client;
  /** A client already logged in as `username`. */
  as(username: string): Promise<Client>;
  close(): Promise<void>;
}

export async function createTestServer(backend: Backend, options: { config?: Partial<Config>; jobs?: boolean; fixture?: boolean } = {}): Promise<TestServer> {
  const database = await openTestDatabase(backend);
  const config = testConfig({ JOB_POLL_SECONDS: 0.5, JOB_MAINTENANCE_SECONDS: 1, ...options.config });
  const log = pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
  const deps = createDeps(database, config, log);
  const app = createApp(deps);
  const stopWatching = await watchEvaluationChanges(deps);
  if (options.jobs) {
    const jobs = await startJobQueue(database, config, log);
    deps.jobs.current = jobs;
    await startImportWorkers(database.db, jobs, config, log);
  }
  deps.state.ready = true;
  const fixture = options.fixture === false ? ({ orgs: {}, users: {} } as unknown as Fixture) : await createFixture(deps);
  const clients = new Map<string, Client>();
  return {
    backend,
    database,
    deps,
    app,
    fixture,
    client: () => new Client(app),
    async as(username: string) {
      const cached = clients.get(username);
      if (cached) return cached;
      const c = new Client(app);
      const r = await c.login(username, PASSWORD);
      if (r.status !== 200) throw new Error(`login as ${username} failed: ${r.status} ${r.text}`);
      clients.set(username, c);
      return c;
    },
    async close() {
      deps.state.shuttingDown = true;
      if (deps.jobs.current) await deps.jobs.current.stop();
      await stopWatching();
      await database.dispose();
    },
  };
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

type Fetcher = { request(input: string, init?: RequestInit): Response | Promise<Response> };

/** An HTTP client with a cookie jar of one session and its CSRF token. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly app: Fetcher) {}

  async login(username: string, password: string): Promise<TestResponse> {
    const r = await this.request('POST', '/api/auth/login', { json: { username, password }, csrf: false });
    if (r.status === 200) {
      this.csrf = r.body.csrfToken;
    }
    return r;
  }

  async request(
    method: string,
    path: string,
    options: { json?: unknown; body?: RequestInit["body"]; headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers['cookie'] = this.cookie;
    if (options.csrf !== false && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /jixiao_session=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `jixiao_session=${m[1]}` : undefined;
    }
    const text = await res.text();
    let parsed: unknown = undefined;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, text, body: parsed };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, headers ? { headers } : {});
  }
  post(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, { ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) });
  }
  put(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request('PUT', path, { ...(json !== undefined ? { json } : {}), ...(headers ? { headers } : {}) });
  }
  patch(path: string, json?: unknown) {
    return this.request('PATCH', path, { json });
  }
  delete(path: string, headers?: Record<string, string>) {
    return this.request('DELETE', path, headers ? { headers } : {});
  }
}

/** A seed document by number ('000' … '004'), parsed. */
export { readSeed } from '../src/demo/seed.js';

/** A small valid project document. */
export function smallDocument(title = '测试项目绩效自评表', year = 2023) {
  return {
    schemaVersion: 1 as const,
    header: { title, level: 'project' as const, year, organisation: '单位甲', projectName: '测试项目' },
    funding: {
      unit: '万元' as const,
      tables: [
        {
          id: 'f1',
          kind: 'project-funding' as const,
          unit: '万元' as const,
          rows: [{ label: '年度资金总额', role: 'total' as const, amounts: { annualBudget: '100', executed: '95' } }],
        },
      ],
      execution: { weight: '10' },
    },
    indicators: [
      {
        id: 'out',
        name: '产出指标',
        declaredWeight: '50',
        children: [
          {
            id: 'qty',
            name: '数量指标',
            children: [{ id: 'i1', name: '检查企业数', weight: '50', target: '≥100家', actual: '120家', printedScore: '50' }],
          },
        ],
      },
      {
        id: 'ben',
        name: '效益指标',
        declaredWeight: '30',
        children: [{ id: 'i2', name: '社会效益', weight: '30', target: '持续向好', actual: '达成', printedScore: '30' }],
      },
      {
        id: 'sat',
        name: '满意度指标',
        declaredWeight: '10',
        children: [{ id: 'i3', name: '服务对象满意度', weight: '10', target: '≥90%', actual: '95%', printedScore: '10' }],
      },
    ],
  };
}

/** A small monitoring-stage document (targets, no actuals). */
export function monitoringDocument(title = '测试项目绩效运行监控表', year = 2024) {
  const d = smallDocument(title, year);
  const strip = (nodes: unknown[]): unknown[] =>
    nodes.map((n) => {
      const { actual: _a, printedScore: _p, children, ...rest } = n as Record<string, unknown> & { children?: unknown[] };
      return children ? { ...rest, children: strip(children) } : rest;
    });
  return { ...d, header: { ...d.header, stage: 'monitoring' as const }, indicators: strip(d.indicators) };
}

/** A small goal-stage document (绩效目标申报). */
export function goalDocumentFor(title = '测试项目绩效目标申报表', year = 2024) {
  const d = smallDocument(title, year);
  return { ...d, header: { ...d.header, stage: 'goals' as const } };
}
