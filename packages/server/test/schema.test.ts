/**
 * The schema, read from the live catalogue: every table's primary key, every foreign key (both ends)
 * and every unique constraint carries the region key, so distributing by region on Citus stays a
 * configuration step, not a migration. And the migrator: forward-only, hashed, refusing edits.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, MIGRATIONS_DIR, MigrationError, schemaVersion } from '../src/db/migrate.js';
import type { DB } from '../src/db/types.js';
import { BACKENDS, openTestDatabase } from './helpers.js';
import type { TestDatabase } from './helpers.js';

interface Constraint {
  table: string;
  name: string;
  type: 'p' | 'f' | 'u';
  cols: string[];
  refTable: string | null;
  refCols: string[] | null;
}

/** What stands in the way of `create_distributed_table(t, 'region')` for the tables of one schema. */
export async function regionKeyProblems(db: Kysely<DB>, schema: string): Promise<string[]> {
  const tables = await sql<{ table: string }>`
    SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
  const { rows } = await sql<Constraint>`
    SELECT t.relname AS table, c.conname AS name, c.contype AS type,
      ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.ord) AS cols,
      rt.relname AS "refTable",
      CASE WHEN c.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.ord) END AS "refCols"
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class rt ON rt.oid = c.confrelid
    WHERE n.nspname = ${schema} AND c.contype IN ('p', 'f', 'u')
    ORDER BY 1, 2`.execute(db);
  const uniqueIndexes = await sql<{ table: string; name: string; cols: string[] }>`
    SELECT t.relname AS table, i.relname AS name,
      ARRAY(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(n, ord)
            JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.ord) AS cols
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = ${schema} AND x.indisunique`.execute(db);

  const problems: string[] = [];
  for (const { table } of tables.rows) {
    const pk = rows.find((r) => r.table === table && r.type === 'p');
    if (!pk) problems.push(`${table}: no primary key`);
    else if (pk.cols[0] !== 'region') problems.push(`${table}: primary key (${pk.cols.join(', ')}) does not start with region`);
  }
  for (const c of rows.filter((r) => r.type === 'f')) {
    const i = c.cols.indexOf('region');
    if (i < 0) problems.push(`${c.table}.${c.name}: foreign key (${c.cols.join(', ')}) lacks region`);
    else if (c.refCols?.[i] !== 'region') problems.push(`${c.table}.${c.name}: foreign key maps region to ${c.refTable}.${c.refCols?.[i]}`);
  }
  for (const c of rows.filter((r) => r.type === 'u')) {
    if (!c.cols.includes('region')) problems.push(`${c.table}.${c.name}: unique (${c.cols.join(', ')}) lacks region`);
  }
  for (const ix of uniqueIndexes.rows) {
    if (!ix.cols.includes('region')) problems.push(`${ix.table}.${ix.name}: unique index (${ix.cols.join(', ')}) lacks region`);
  }
  return problems;
}

describe.each(BACKENDS)('schema on %s', (backend) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await openTestDatabase(backend);
  }, 120_000);
  afterAll(async () => d?.dispose());

  it('has the region key in every primary, foreign and unique key of every table', async () => {
    expect(await regionKeyProblems(d.db, 'public')).toEqual([]);
    const tables = await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(d.db);
    expect(tables.rows.map((r) => r.t)).toEqual([
      'audit_events',
      'comments',
      'evaluation_finding_counts',
      'evaluation_versions',
      'evaluations',
      'evidence_files',
      'import_batches',
      'import_items',
      'indicators',
      'library_curation',
      'monitoring_cases',
      'monitoring_snapshots',
      'orgs',
      'rectification_tasks',
      'regions',
      'sent_reminders',
      'sessions',
      'users',
      'workflow_transitions',
    ]);
  });

  it('would catch a table that breaks the rule (the check is not vacuous)', async () => {
    await d.db.transaction().execute(async (trx) => {
      await sql`CREATE SCHEMA scratch`.execute(trx);
      await sql`CREATE TABLE scratch.ok (region text, code text, PRIMARY KEY (region, code))`.execute(trx);
      await sql`CREATE TABLE scratch.no_pk (region text, id int)`.execute(trx);
      await sql`CREATE TABLE scratch.bad_pk (id int PRIMARY KEY, region text)`.execute(trx);
      await sql`CREATE TABLE scratch.bad_fk (region text, id int, ok_id int, PRIMARY KEY (region, id), UNIQUE (ok_id))`.execute(trx);
      await sql`CREATE TABLE scratch.bad_ref (region text, code text, PRIMARY KEY (region, code), FOREIGN KEY (code, region) REFERENCES scratch.ok (region, code))`.execute(trx);
      const problems = await regionKeyProblems(trx as unknown as Kysely<DB>, 'scratch');
      expect(problems.join('\n')).toMatch(/no_pk: no primary key/);
      expect(problems.join('\n')).toMatch(/bad_pk: primary key \(id\) does not start with region/);
      expect(problems.join('\n')).toMatch(/bad_fk.*unique \(ok_id\) lacks region/);
      expect(problems.join('\n')).toMatch(/bad_ref.*maps region to ok.code/);
      await sql`DROP SCHEMA scratch CASCADE`.execute(trx);
    });
  });

  it('stores money and scores as NUMERIC, never floating point', async () => {
    const { rows } = await sql<{ c: string }>`
      SELECT table_name || '.' || column_name AS c FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')`.execute(d.db);
    expect(rows).toEqual([]);
  });

  describe('migrations', () => {
    it('are applied once and recorded with their hashes', async () => {
      const again = await migrate(d.db);
      expect(again.applied).toEqual([]);
      expect(await schemaVersion(d.db)).toBe(loadMigrations().length);
      const ledger = await sql<{ version: number; sha256: string }>`SELECT version, sha256 FROM jixiao_meta.migrations ORDER BY version`.execute(d.db);
      expect(ledger.rows.map((r) => r.sha256)).toEqual(loadMigrations().map((m) => m.sha256));
    });

    it('refuses a migration edited after it was applied, and changes nothing', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-mig-'));
      for (const m of loadMigrations()) {
        const file = `${String(m.version).padStart(4, '0')}_${m.name}.sql`;
        const text = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
        writeFileSync(join(dir, file), m.version === 1 ? `${text}\n-- edited\n` : text);
      }
      writeFileSync(join(dir, `${String(loadMigrations().length + 1).padStart(4, '0')}_later.sql`), 'CREATE TABLE later (region text PRIMARY KEY);');
      await expect(migrate(d.db, loadMigrations(dir))).rejects.toThrow(/0001_init\.sql 在应用后被修改过/);
      const later = await sql<{ t: string | null }>`SELECT to_regclass('public.later')::text AS t`.execute(d.db);
      expect(later.rows[0]?.t).toBeNull();
    });

    it('refuses a database from a newer release, and a gap in the numbering', async () => {
      const fewer = loadMigrations().slice(0, 0);
      await expect(migrate(d.db, fewer)).rejects.toThrow(MigrationError);
      await expect(migrate(d.db, fewer)).rejects.toThrow(/比本程序（0）新/);
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-gap-'));
      writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
      writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
      expect(() => loadMigrations(dir)).toThrow(/迁移编号不连续/);
      writeFileSync(join(dir, '0002 bad name.sql'), 'SELECT 1;');
      expect(() => loadMigrations(dir)).toThrow(/不符合 NNNN_name\.sql/);
    });

    it('applies a new migration forward, in one transaction with the ledger', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-fwd-'));
      const base = loadMigrations();
      for (const m of base) writeFileSync(join(dir, `${String(m.version).padStart(4, '0')}_${m.name}.sql`), m.sql);
      const n = String(base.length + 1).padStart(4, '0');
      writeFileSync(join(dir, `${n}_broken.sql`), 'CREATE TABLE half_done (region text PRIMARY KEY); SELECT no_such_function();');
      await expect(migrate(d.db, loadMigrations(dir))).rejects.toThrow(/执行失败/);
      const half = await sql<{ t: string | null }>`SELECT to_regclass('public.half_done')::text AS t`.execute(d.db);
      expect(half.rows[0]?.t).toBeNull();
      expect(await schemaVersion(d.db)).toBe(base.length);
    });
  });
});
