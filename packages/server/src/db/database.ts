/**
 * @module Opening storage: PGlite (embedded PostgreSQL 18, the default, data in DATA_DIR) or a
 * PostgreSQL server (DATABASE_URL). Both are reached through node-postgres — PGlite through its
 * in-process `node-postgres` connection with a pool of one — so Kysely, the migrations and the job
 * queue run the same SQL on both.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types.js';

/** How a query result can reach pg-boss and raw SQL: anything with node-postgres' `query`. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>>; rowCount: number | null }>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Kysely<DB>;
  /** The node-postgres pool beneath Kysely (one connection on PGlite). */
  pool: pg.Pool;
  /** Where the data lives, for the start-up message (never includes a password). */
  describe: string;
  /**
   * Listens on a NOTIFY channel. `onLost` is called if the listening connection drops (PostgreSQL),
   * after which nothing more is heard until `listen` is called again. Returns a function that stops.
   */
  listen(channel: string, onPayload: (payload: string) => void, onLost: (err?: unknown) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** int8 (counts) as numbers; NUMERIC stays a decimal string, timestamps are Dates, json is parsed. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

function kysely(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

export interface PgliteOptions {
  /** Directory for the data; in memory when absent. */
  dataDir?: string | undefined;
  /** A data directory dump (from `dumpDataDir`) to start from instead of running initdb. */
  loadDataDir?: Blob | File | undefined;
}

/**
 * Opens PGlite. With a data directory, the database lives in `<dir>/pgdata` and a lock file beside it
 * keeps a second process from opening it too.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<Database & { pglite: PGlite }> {
  let releaseLock = () => {};
  let pgdata: string | undefined;
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    releaseLock = lockDataDir(dir);
    pgdata = join(dir, 'pgdata');
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(pgdata ? { dataDir: pgdata } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (err) {
    releaseLock();
    throw err;
  }
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, types });
  const db = kysely(pool);
  return {
    kind: 'pglite',
    db,
    pool,
    pglite,
    describe: options.dataDir ? `PGlite（嵌入式 PostgreSQL），数据目录 ${resolve(options.dataDir)}` : 'PGlite（内存）',
    async listen(channel, onPayload) {
      const stop = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await stop();
      };
    },
    async close() {
      await db.destroy();
      await pglite.close();
      releaseLock();
    },
  };
}

/** Connects to a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, application_name: 'jixiao' });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it. Queries report their own errors.
  });
  const db = kysely(pool);
  const u = new URL(url);
  return {
    kind: 'postgres',
    db,
    pool,
    describe: `PostgreSQL ${u.hostname}:${u.port || '5432'}${u.pathname}`,
    async listen(channel, onPayload, onLost) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      const client = new pg.Client({ connectionString: url, application_name: 'jixiao-listen' });
      let stopped = false;
      const lost = (err?: unknown) => {
        if (!stopped) {
          stopped = true;
          onLost(err);
        }
      };
      client.on('notification', (msg) => {
        if (msg.channel === channel && msg.payload !== undefined) onPayload(msg.payload);
      });
      client.on('error', lost);
      client.on('end', () => lost());
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      return async () => {
        stopped = true;
        await client.end().catch(() => {});
      };
    },
    async close() {
      await db.destroy();
    },
  };
}

/**
 * A lock file with the owner's pid. A stale lock (its process is gone) is taken over; a live one
 * stops the start with a clear message, since two processes must never open one PGlite directory.
 */
function lockDataDir(dir: string): () => void {
  const file = join(dir, 'jixiao.lock');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
      throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用；同一数据目录只能由一个服务进程打开。`);
    }
  }
  writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
    } catch {
      // Best effort: a stale lock is taken over at the next start.
    }
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
