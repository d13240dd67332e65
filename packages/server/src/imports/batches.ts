/**
 * @module Bulk import: a batch of files, one queue job per file. Each file is read and scored outside
 * the transaction, then its evaluations, the item's state and the batch's counters are written in one
 * transaction: a crash leaves a file either fully imported or not at all, and the retried job skips
 * files already done. A job that keeps failing reaches the dead-letter queue, which marks the file
 * failed, so a batch always ends `completed` or `failed`, never half-applied and stuck.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { recordEvent } from '../audit-trail/events.js';
import type { Config } from '../config.js';
import { uuidv7 } from '../db/ids.js';
import type { DB } from '../db/types.js';
import { analyse } from '../evaluations/analysis.js';
import type { Analysis } from '../evaluations/analysis.js';
import { createEvaluation } from '../evaluations/store.js';
import { AppError } from '../http/errors.js';
import type { JobQueue } from '../jobs/queue.js';
import { QUEUES } from '../jobs/queue.js';
import { readUpload } from './read.js';

type Tx = Transaction<DB> | Kysely<DB>;

export interface ItemJob {
  region: string;
  batchId: string;
  seq: number;
}

export interface NewBatchFile {
  name: string;
  bytes: Uint8Array;
}

/** Creates a batch, its items and one job per item, atomically. */
export async function createBatch(
  tx: Tx,
  jobs: JobQueue,
  actor: { region: string; id: string; requestId?: string | undefined },
  org: { id: string },
  files: readonly NewBatchFile[],
): Promise<string> {
  const id = uuidv7();
  await tx.insertInto('import_batches').values({ region: actor.region, id, org_id: org.id, status: 'queued', total: files.length, created_by: actor.id }).execute();
  for (const [seq, f] of files.entries()) {
    await tx.insertInto('import_items').values({ region: actor.region, batch_id: id, seq, file_name: f.name, size: f.bytes.length, content: f.bytes }).execute();
  }
  await jobs.insertIn<ItemJob>(
    tx,
    files.map((_, seq) => ({ name: QUEUES.importItem, data: { region: actor.region, batchId: id, seq } })),
  );
  await recordEvent(tx, {
    region: actor.region,
    actorId: actor.id,
    action: 'import.create',
    subjectType: 'import-batch',
    subjectId: id,
    diff: { orgId: org.id, files: files.map((f) => ({ name: f.name, size: f.bytes.length })) },
    requestId: actor.requestId,
  });
  return id;
}

type Prepared =
  | { ok: true; documents: Array<{ document: Parameters<typeof analyse>[0]; analysis: Analysis }> }
  | { ok: false; error: { code: string; message: string; where?: string } };

/** Processes one file of a batch. Idempotent: a file already done or failed is skipped. */
export async function processItem(db: Kysely<DB>, config: Config, log: Logger, job: ItemJob): Promise<void> {
  const item = await db
    .selectFrom('import_items as i')
    .innerJoin('import_batches as b', (j) => j.onRef('b.region', '=', 'i.region').onRef('b.id', '=', 'i.batch_id'))
    .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'b.region').onRef('o.id', '=', 'b.org_id'))
    .select(['i.status', 'i.file_name', 'i.content', 'b.created_by', 'b.org_id', 'o.path as org_path'])
    .where('i.region', '=', job.region)
    .where('i.batch_id', '=', job.batchId)
    .where('i.seq', '=', job.seq)
    .executeTakeFirst();
  if (!item || item.status !== 'pending' || !item.content) return;

  // Reading and scoring happen before the transaction: they are the slow part and hold no locks.
  const prepared = await prepare(item.content, item.file_name, config);

  await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('import_items')
      .select(['status'])
      .where('region', '=', job.region)
      .where('batch_id', '=', job.batchId)
      .where('seq', '=', job.seq)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || locked.status !== 'pending') return;
    const actor = { region: job.region, id: item.created_by };
    if (prepared.ok) {
      const ids: string[] = [];
      for (const d of prepared.documents) {
        const r = await createEvaluation(trx, actor, { org: { id: item.org_id, path: item.org_path }, document: d.document, analysis: d.analysis, importBatchId: job.batchId });
        ids.push(r.id);
      }
      await finishItem(trx, job, { status: 'done', evaluationIds: ids });
    } else {
      await finishItem(trx, job, { status: 'failed', error: prepared.error });
    }
  });
  log.debug({ batch: job.batchId, seq: job.seq, ok: prepared.ok }, 'import item processed');
}

async function prepare(bytes: Uint8Array, fileName: string, config: Config): Promise<Prepared> {
  const r = await readUpload(bytes, fileName, config.MAX_IMPORT_FILE_BYTES);
  if (!r.ok) return r;
  const documents: Array<{ document: Parameters<typeof analyse>[0]; analysis: Analysis }> = [];
  for (const d of r.documents) {
    try {
      documents.push({ document: d.document, analysis: analyse(d.document) });
    } catch (err) {
      const message = err instanceof AppError ? err.message : '文档无法评分';
      return { ok: false, error: { code: 'invalid-document', message } };
    }
  }
  return { ok: true, documents };
}

/** Marks an item done or failed and moves the batch's counters and status, in the caller's transaction. */
export async function finishItem(
  trx: Tx,
  job: ItemJob,
  result: { status: 'done'; evaluationIds: string[] } | { status: 'failed'; error: { code: string; message: string; where?: string } },
): Promise<void> {
  await trx
    .updateTable('import_items')
    .set({
      status: result.status,
      attempts: sql`attempts + 1`,
      content: null,
      evaluation_ids: JSON.stringify(result.status === 'done' ? result.evaluationIds : []),
      error: result.status === 'failed' ? JSON.stringify(result.error) : null,
      updated_at: new Date(),
    })
    .where('region', '=', job.region)
    .where('batch_id', '=', job.batchId)
    .where('seq', '=', job.seq)
    .execute();
  const b = await trx
    .updateTable('import_batches')
    .set(result.status === 'done' ? { done: sql`done + 1`, updated_at: new Date() } : { failed: sql`failed + 1`, updated_at: new Date() })
    .where('region', '=', job.region)
    .where('id', '=', job.batchId)
    .returning(['done', 'failed', 'total'])
    .executeTakeFirstOrThrow();
  const finished = b.done + b.failed >= b.total;
  await trx
    .updateTable('import_batches')
    .set(
      finished
        ? { status: b.done === 0 && b.total > 0 ? 'failed' : 'completed', finished_at: new Date() }
        : { status: 'running' },
    )
    .where('region', '=', job.region)
    .where('id', '=', job.batchId)
    .execute();
}

/** The dead-letter handler: a file whose job kept failing (crashes, timeouts) is marked failed. */
export async function failItem(db: Kysely<DB>, job: ItemJob): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('import_items')
      .select('status')
      .where('region', '=', job.region)
      .where('batch_id', '=', job.batchId)
      .where('seq', '=', job.seq)
      .forUpdate()
      .executeTakeFirst();
    if (!locked || locked.status !== 'pending') return;
    await finishItem(trx, job, { status: 'failed', error: { code: 'job-failed', message: '导入任务多次中断或超时，已标记为失败；请重新导入该文件' } });
  });
}

/** Starts the workers of the import queues. */
export async function startImportWorkers(db: Kysely<DB>, jobs: JobQueue, config: Config, log: Logger): Promise<void> {
  await jobs.work<ItemJob>(QUEUES.importItem, async (job) => processItem(db, config, log, job.data));
  await jobs.work<ItemJob>(QUEUES.importItemDead, async (job) => failItem(db, job.data));
}
