/**
 * @module Background jobs on pg-boss 10, a PostgreSQL job queue, in the same database as the data.
 *
 * pg-boss talks to the database through a small adapter over our node-postgres pool, so it runs the
 * same way on PostgreSQL and on PGlite (where the pool is PGlite's in-process connection: no server,
 * no socket). Jobs are enqueued inside the transaction that creates their work (`insertIn(trx, …)`),
 * so a batch and its jobs appear together or not at all.
 *
 * A worker that dies mid-job (crash, SIGKILL) leaves its job `active`; pg-boss's maintenance fails it
 * once it has run longer than JOB_EXPIRE_SECONDS and retries it (JOB_RETRY_LIMIT times), after which it
 * goes to the dead-letter queue, whose handler marks the work failed. Handlers are idempotent.
 */
import PgBoss from 'pg-boss';
import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { DB } from '../db/types.js';

export const QUEUES = {
  importItem: 'import-item',
  importItemDead: 'import-item-dead',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface JobInput<T extends object> {
  name: QueueName;
  data: T;
}

export type JobHandler<T> = (job: { id: string; data: T }) => Promise<void>;

export interface JobQueue {
  boss: PgBoss;
  /** Enqueues jobs inside a transaction: they exist only if it commits. */
  insertIn<T extends object>(trx: Transaction<DB> | Kysely<DB>, jobs: ReadonlyArray<JobInput<T>>): Promise<void>;
  /** Starts a worker for a queue, one job at a time. */
  work<T extends object>(name: QueueName, handler: JobHandler<T>): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss's database interface over a Kysely connection or transaction. */
export function bossDb(db: Kysely<DB> | Transaction<DB>): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const r = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: r.rows as unknown[] };
    },
  };
}

export async function startJobQueue(database: Database, config: Config, log: Logger): Promise<JobQueue> {
  const pool = database.pool;
  const boss = new PgBoss({
    db: {
      async executeSql(text: string, values?: unknown[]) {
        const r = await pool.query(text, values as unknown[] | undefined);
        // A multi-statement text returns one result per statement; pg-boss reads rows of single statements only.
        return Array.isArray(r) ? { rows: (r[r.length - 1] as { rows?: unknown[] } | undefined)?.rows ?? [] } : r;
      },
    },
    schema: 'pgboss',
    supervise: true,
    migrate: true,
    // Cron schedules (the daily job) only on PostgreSQL; on PGlite the daily job uses a plain timer (jobs/daily.ts).
    schedule: config.storage === 'postgres' && config.DAILY_JOB,
    maintenanceIntervalSeconds: config.JOB_MAINTENANCE_SECONDS,
    monitorStateIntervalSeconds: Math.max(60, config.JOB_MAINTENANCE_SECONDS),
  });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();

  const queueOptions = {
    retryLimit: config.JOB_RETRY_LIMIT,
    retryDelay: 1,
    expireInSeconds: config.JOB_EXPIRE_SECONDS,
    retentionMinutes: 60 * 24 * 7,
  };
  await boss.createQueue(QUEUES.importItemDead, { name: QUEUES.importItemDead, ...queueOptions });
  await boss.updateQueue(QUEUES.importItemDead, { name: QUEUES.importItemDead, ...queueOptions });
  await boss.createQueue(QUEUES.importItem, { name: QUEUES.importItem, ...queueOptions, deadLetter: QUEUES.importItemDead });
  await boss.updateQueue(QUEUES.importItem, { name: QUEUES.importItem, ...queueOptions, deadLetter: QUEUES.importItemDead });

  return {
    boss,
    async insertIn(trx, jobs) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((j) => ({ name: j.name, data: j.data })),
        { db: bossDb(trx) },
      );
    },
    async work(name, handler) {
      const worker: { id?: string } = {};
      worker.id = await boss.work<Record<string, unknown>>(
        name,
        { batchSize: 1, pollingIntervalSeconds: config.JOB_POLL_SECONDS },
        async (jobs) => {
          for (const job of jobs) await handler({ id: job.id, data: job.data as never });
          // A job was found: there may be more, so fetch again at once instead of waiting a polling interval.
          if (jobs.length > 0 && worker.id) boss.notifyWorker(worker.id);
        },
      );
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, close: false, timeout: config.SHUTDOWN_TIMEOUT_SECONDS * 1000 });
    },
  };
}
