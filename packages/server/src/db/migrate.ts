/**
 * @module The migrator: numbered SQL files (`migrations/NNNN_name.sql`), forward-only, applied in order
 * in one transaction under an advisory lock, each recorded with the SHA-256 of its text. At start-up it
 * refuses a database whose recorded migrations were edited, removed or come from a newer release.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DB } from './types.js';

/** The SQL files ship in `src/db/migrations`; this resolves from both `src/db` and `dist/db`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../src/db/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function hashSql(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex');
}

/** Reads and checks the migration files: names `NNNN_name.sql`, numbered 1, 2, 3 … without gaps. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const out: Migration[] = [];
  for (const file of files) {
    const m = FILE.exec(file);
    if (!m) throw new MigrationError(`迁移文件名 ${file} 不符合 NNNN_name.sql 格式`);
    const version = Number(m[1]);
    if (version !== out.length + 1) throw new MigrationError(`迁移编号不连续：期望 ${String(out.length + 1).padStart(4, '0')}，实际 ${file}`);
    const text = readFileSync(`${dir}/${file}`, 'utf8');
    out.push({ version, name: m[2] ?? '', sql: text, sha256: hashSql(text) });
  }
  return out;
}

export interface MigrateResult {
  /** Versions applied by this call. */
  applied: number[];
  /** The schema version after the call. */
  version: number;
}

interface LedgerRow {
  version: number;
  name: string;
  sha256: string;
}

/**
 * Applies pending migrations. All of them run in one transaction: either the schema moves to the
 * latest version or nothing changes. Concurrent starts wait on the advisory lock.
 */
export async function migrate(db: Kysely<DB>, migrations: readonly Migration[] = loadMigrations()): Promise<MigrateResult> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(7201, 1)`.execute(trx);
    await sql`CREATE SCHEMA IF NOT EXISTS jixiao_meta`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS jixiao_meta.migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`.execute(trx);
    const { rows } = await sql<LedgerRow>`SELECT version, name, sha256 FROM jixiao_meta.migrations ORDER BY version`.execute(trx);
    checkLedger(rows, migrations);
    const applied: number[] = [];
    for (const m of migrations.slice(rows.length)) {
      try {
        await sql.raw(m.sql).execute(trx);
      } catch (err) {
        throw new MigrationError(`迁移 ${fileName(m)} 执行失败：${(err as Error).message}`, { cause: err });
      }
      await sql`INSERT INTO jixiao_meta.migrations (version, name, sha256) VALUES (${m.version}, ${m.name}, ${m.sha256})`.execute(trx);
      applied.push(m.version);
    }
    return { applied, version: migrations.length };
  });
}

/** Compares what the database recorded with the files; throws on any difference. */
export function checkLedger(rows: readonly LedgerRow[], migrations: readonly Migration[]): void {
  if (rows.length > migrations.length) {
    const newest = rows[rows.length - 1];
    throw new MigrationError(
      `数据库的结构版本（${newest?.version}）比本程序（${migrations.length}）新：请使用更新的版本启动，迁移只能向前。`,
    );
  }
  rows.forEach((row, i) => {
    const m = migrations[i];
    if (!m || m.version !== row.version) throw new MigrationError(`数据库记录的迁移 ${row.version} 与迁移文件不对应`);
    if (m.sha256 !== row.sha256) {
      throw new MigrationError(
        `迁移 ${fileName(m)} 在应用后被修改过（记录的哈希 ${row.sha256.slice(0, 12)}…，文件 ${m.sha256.slice(0, 12)}…）。` +
          '已应用的迁移不可修改，请新增一个迁移文件。',
      );
    }
  });
}

/** The latest version recorded in the database, 0 when none. */
export async function schemaVersion(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ v: number | null }>`
    SELECT CASE WHEN to_regclass('jixiao_meta.migrations') IS NULL THEN 0 END AS v`.execute(db);
  if (rows[0]?.v === 0) return 0;
  const r = await sql<{ v: number }>`SELECT coalesce(max(version), 0)::int AS v FROM jixiao_meta.migrations`.execute(db);
  return r.rows[0]?.v ?? 0;
}

function fileName(m: Migration): string {
  return `${String(m.version).padStart(4, '0')}_${m.name}.sql`;
}
