/**
 * @module The audit trail: one append-only event per change, written by the command in the same
 * transaction as the change. A database trigger refuses UPDATE, DELETE and TRUNCATE on the table, and
 * no route writes to it other than through `recordEvent`.
 */
import type { Kysely, Transaction } from 'kysely';
import { uuidv7 } from '../db/ids.js';
import type { DB } from '../db/types.js';

/** Action names are `resource.verb`. */
export type AuditAction =
  | 'evaluation.create'
  | 'evaluation.update'
  | 'evaluation.delete'
  | 'evaluation.rescore'
  | 'evaluation.submit'
  | 'evaluation.return'
  | 'evaluation.approve'
  | 'evaluation.recheck'
  | 'evaluation.publish'
  | 'comment.create'
  | 'evidence.upload'
  | 'evidence.delete'
  | 'import.create'
  | 'user.create'
  | 'user.update'
  | 'user.password-reset'
  | 'user.password-change'
  | 'user.locked'
  | 'auth.login'
  | 'auth.logout'
  | 'org.create'
  | 'region.create'
  | 'library.curate'
  | 'goal.derive'
  | 'goal.adjustment.request'
  | 'goal.adjustment.decide'
  | 'monitoring.snapshot'
  | 'monitoring.case.open'
  | 'monitoring.case.response'
  | 'monitoring.case.review'
  | 'rectification.create'
  | 'rectification.start'
  | 'rectification.evidence'
  | 'rectification.close'
  | 'rectification.reopen'
  | 'rectification.reassign';

export interface AuditEventInput {
  region: string;
  actorId: string | null;
  action: AuditAction;
  subjectType: 'evaluation' | 'comment' | 'evidence' | 'import-batch' | 'user' | 'session' | 'org' | 'region' | 'library' | 'monitoring-case' | 'rectification-task';
  subjectId?: string | undefined;
  evaluationId?: string | undefined;
  /** What changed: a list of `{ path, before?, after? }` for documents, a small object otherwise. */
  diff: unknown;
  requestId?: string | undefined;
}

export async function recordEvent(trx: Transaction<DB> | Kysely<DB>, e: AuditEventInput): Promise<string> {
  const id = uuidv7();
  await trx
    .insertInto('audit_events')
    .values({
      region: e.region,
      id,
      actor_id: e.actorId,
      action: e.action,
      subject_type: e.subjectType,
      subject_id: e.subjectId ?? null,
      evaluation_id: e.evaluationId ?? null,
      diff: JSON.stringify(e.diff ?? null),
      request_id: e.requestId ?? null,
    })
    .execute();
  return id;
}
