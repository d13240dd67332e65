/**
 * @module Starting and stopping the server: storage, migrations, first-start data, the job queue,
 * the HTTP listener, and a graceful shutdown that stops taking requests, lets running ones and the
 * current jobs finish, then closes the database.
 */
import { LibraryCache } from './library/store.js';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { ServerType } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { pino } from 'pino';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { generatePassword } from './auth/password.js';
import { SessionStore } from './auth/sessions.js';
import { createUser, prepareUser } from './auth/users.js';
import type { Config } from './config.js';
import { openPglite, openPostgres } from './db/database.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { Deps } from './deps.js';
import { provinceBase } from '@jixiao/core';
import { DEMO_REGION, DEMO_USERS, seedDemo } from './demo/seed.js';
import { CHANGE_CHANNEL, EvaluationCache } from './evaluations/cache.js';
import type { AppEnv } from './http/env.js';
import { RateLimiter } from './http/rate-limit.js';
import { webApp, webDirFor } from './http/web.js';
import { startImportWorkers } from './imports/batches.js';
import { startJobQueue } from './jobs/queue.js';
import { startDailyJob } from './jobs/daily.js';
import { createMailer } from './mail/mailer.js';
import { createRegion } from './organisations/store.js';

export interface StartOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database | undefined;
  /** Start the job queue and its workers (default true). */
  jobs?: boolean | undefined;
  /** Listen on PORT (default true); otherwise use `app.request` in process. */
  listen?: boolean | undefined;
  log?: Logger | undefined;
  /** Where the start-up text goes (default stdout). */
  print?: ((text: string) => void) | undefined;
}

export interface RunningServer {
  app: OpenAPIHono<AppEnv>;
  deps: Deps;
  /** http://host:port when listening. */
  url: string | undefined;
  /** What happened on this start: the first-start data created, if any. */
  bootstrap: Bootstrap;
  close(): Promise<void>;
}

export type Bootstrap =
  | { kind: 'existing' }
  | { kind: 'demo'; usernames: string[]; password: string }
  | { kind: 'admin'; username: string; password: string; region: string };

export function createDeps(database: Database, config: Config, log: Logger): Deps {
  return {
    database,
    db: database.db,
    config,
    log,
    evaluations: new EvaluationCache(),
    library: new LibraryCache(
      database.db,
      1000,
      (err) => log.warn({ err }, 'indicator library rebuild failed'),
      // The demo region's library also holds the province-scale generated set, as a seeded installation would.
      config.demo && config.DEMO_LIBRARY_DOCUMENTS > 0 ? { [DEMO_REGION]: () => provinceBase({ evaluations: config.DEMO_LIBRARY_DOCUMENTS }) } : {},
    ),
    sessions: new SessionStore(database.db, { ttlHours: config.SESSION_TTL_HOURS, cacheSeconds: config.SESSION_CACHE_SECONDS }),
    limiters: {
      login: new RateLimiter(config.RATE_LIMIT_LOGIN_PER_MINUTE),
      loginUser: new RateLimiter(config.RATE_LIMIT_LOGIN_PER_MINUTE > 0 ? config.RATE_LIMIT_LOGIN_PER_MINUTE * 3 : 0),
      public: new RateLimiter(config.RATE_LIMIT_PUBLIC_PER_MINUTE),
      api: new RateLimiter(config.RATE_LIMIT_API_PER_MINUTE),
    },
    jobs: {},
    state: { ready: false, shuttingDown: false },
  };
}

/** First start: demo data (embedded default or --demo) or one admin with a one-time password. */
export async function bootstrap(deps: Deps): Promise<Bootstrap> {
  const { db, config } = deps;
  const any = await db.selectFrom('regions').select('region').limit(1).executeTakeFirst();
  if (any) return { kind: 'existing' };
  if (config.demo) {
    const usernames = await seedDemo(db, { password: config.DEMO_PASSWORD, hashCost: config.PASSWORD_HASH_COST });
    return { kind: 'demo', usernames, password: config.DEMO_PASSWORD };
  }
  const password = generatePassword();
  await db.transaction().execute(async (trx) => {
    const bureau = await createRegion(trx, { region: config.REGION_CODE, name: config.REGION_NAME, bureauName: `${config.REGION_NAME}财政局` });
    const prepared = await prepareUser(
      { username: 'admin', displayName: '系统管理员', role: 'admin', org: bureau, password, mustChangePassword: true },
      config.PASSWORD_HASH_COST,
    );
    await createUser(trx, { id: null }, prepared);
  });
  return { kind: 'admin', username: 'admin', password, region: config.REGION_CODE };
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? pino({ level: config.LOG_LEVEL, base: { service: 'jixiao' } });
  const database =
    options.database ??
    (config.storage === 'postgres' && config.DATABASE_URL
      ? await openPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE)
      : await openPglite({ dataDir: config.DATA_DIR }));
  const ownsDatabase = options.database === undefined;
  try {
    const m = await migrate(database.db);
    if (m.applied.length > 0) log.info({ applied: m.applied, version: m.version }, 'migrations applied');
    const deps = createDeps(database, config, log);
    const boot = await bootstrap(deps);
    const app = createApp(deps);
    const stopWatching = await watchEvaluationChanges(deps);
    if (options.jobs !== false) {
      const jobs = await startJobQueue(database, config, log);
      deps.jobs.current = jobs;
      await startImportWorkers(database.db, jobs, config, log);
    }
    const mailer = createMailer(config);
    const stopDaily = config.DAILY_JOB && options.jobs !== false
      ? await startDailyJob({ db: database.db, log, mailer, baseUrl: config.PUBLIC_URL, storage: config.storage, hour: config.DAILY_JOB_HOUR }, deps.jobs.current)
      : () => {};
    const sweeper = setInterval(() => {
      deps.sessions.sweep().catch((err: unknown) => log.warn({ err }, 'session sweep failed'));
    }, 3600_000);
    sweeper.unref();

    let server: ServerType | undefined;
    let url: string | undefined;
    if (options.listen !== false) {
      server = await listen(app, config);
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;
    }
    deps.state.ready = true;
    if (url) (options.print ?? ((t: string) => process.stdout.write(t)))(startupText(url, database, boot, config));

    let closing: Promise<void> | undefined;
    const close = () => {
      closing ??= (async () => {
        deps.state.shuttingDown = true;
        clearInterval(sweeper);
        stopDaily();
        if (server) await stopListening(server, config.SHUTDOWN_TIMEOUT_SECONDS * 1000);
        if (deps.jobs.current) await deps.jobs.current.stop().catch((err: unknown) => log.warn({ err }, 'job queue stop failed'));
        await stopWatching();
        mailer?.close();
        if (ownsDatabase) await database.close();
      })();
      return closing;
    };
    return { app, deps, url, bootstrap: boot, close };
  } catch (err) {
    if (ownsDatabase) await database.close().catch(() => {});
    throw err;
  }
}

/**
 * Keeps this replica's evaluation cache honest: listens for the change notifications of migration
 * 0002 and turns the cache on only while listening (reconnecting after a lost connection).
 */
export async function watchEvaluationChanges(deps: Deps): Promise<() => Promise<void>> {
  if (!deps.config.READ_CACHE) {
    deps.evaluations.setEnabled(false);
    return async () => {};
  }
  let stop: (() => Promise<void>) | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    try {
      stop = await deps.database.listen(
        CHANGE_CHANNEL,
        (payload) => deps.evaluations.invalidate(payload),
        (err) => {
          deps.evaluations.setEnabled(false);
          deps.log.warn({ err }, 'change listener lost; evaluation cache off until it reconnects');
          if (!closed) retry = setTimeout(() => void connect(), 1000);
        },
      );
      deps.evaluations.setEnabled(true);
    } catch (err) {
      deps.evaluations.setEnabled(false);
      deps.log.warn({ err }, 'change listener failed; evaluation cache off');
      if (!closed) retry = setTimeout(() => void connect(), 2000);
    }
  };
  await connect();
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    deps.evaluations.setEnabled(false);
    await stop?.();
  };
}

function listen(app: OpenAPIHono<AppEnv>, config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(server));
    server.once('error', reject);
  });
}

/** Stops accepting connections, closes idle keep-alive ones and waits for running requests (up to `timeoutMs`). */
function stopListening(server: ServerType, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      resolve();
    }, timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
}

export function startupText(url: string, database: Database, boot: Bootstrap, config: Config): string {
  const lines = [
    '',
    `绩效（jixiao）服务已启动：${url}`,
    `  API 文档（OpenAPI）：${url}/api/openapi.json`,
    `  健康检查：${url}/api/health    就绪检查：${url}/api/ready`,
    `  存储：${database.describe}`,
  ];
  if (webApp(webDirFor(config))) lines.splice(2, 0, `  网页界面：${url}/`);
  if (boot.kind === 'demo') {
    lines.push(
      '',
      `已创建演示数据（地区 ${DEMO_REGION}：示范市财政局、两个主管部门、四个单位、五份评价文档）。演示账号：`,
      ...DEMO_USERS.map((u) => `  ${u.username.padEnd(10)} ${u.displayName}`),
      `  密码均为：${boot.password}`,
      boot.password === 'jixiao-demo'
        ? '  ⚠ 警告：这是公开的默认演示密码，只可用于本机演示；对外提供服务前请设置 DEMO_PASSWORD 或改用 DATABASE_URL 部署。'
        : '  ⚠ 警告：演示账号仅供演示使用。',
      '',
      '登录示例：',
      `  curl -c cookies.txt -H 'Content-Type: application/json' -d '{"username":"preparer","password":"${boot.password}"}' ${url}/api/auth/login`,
      `  curl -b cookies.txt ${url}/api/evaluations`,
    );
  } else if (boot.kind === 'admin') {
    lines.push(
      '',
      `首次启动：已创建地区 ${boot.region}（${config.REGION_NAME}）和管理员账号。`,
      `  用户名：${boot.username}`,
      `  一次性密码：${boot.password}`,
      '  该密码只显示这一次；首次登录后必须修改密码（POST /api/auth/password），然后才能使用其他接口。',
      '',
      '登录示例：',
      `  curl -c cookies.txt -H 'Content-Type: application/json' -d '{"username":"admin","password":"${boot.password}"}' ${url}/api/auth/login`,
    );
  }
  lines.push('', '按 Ctrl+C 停止服务。', '');
  return lines.join('\n');
}
