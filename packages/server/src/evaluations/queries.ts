/**
 * @module Reading evaluations: one evaluation as a ready JSON text (the stored document, score and
 * findings are spliced in as they are, without parsing), and filtered, paged lists within the
 * reader's scope.
 */
import { STATE_LABELS } from '@jixiao/core';
import type { WorkflowState } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB, EvaluationStatus } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { allow, readScope, workflowActionsFor } from '../permissions/policy.js';
import type { EvaluationSubject, ReadScope } from '../permissions/policy.js';

type Tx = Transaction<DB> | Kysely<DB>;

export interface EvaluationView {
  subject: EvaluationSubject;
  version: number;
  status: EvaluationStatus;
  etag: string;
  /** The full representation as JSON text. */
  body: string;
}

/** ETag of an evaluation: the document version and the workflow status. */
export function etagOf(version: number, status: string): string {
  return `"${version}-${status}"`;
}

/** The version in an If-Match header: `"12-draft"`, `W/"12-draft"`, `"12"` or `12`; undefined when absent or malformed. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})(?:-[a-z]+)?"?$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

/** Reads one evaluation; undefined when it does not exist in the region or was deleted. */
export async function readEvaluation(tx: Tx, user: AuthUser, id: string): Promise<EvaluationView | undefined> {
  const r = await tx
    .selectFrom('evaluations as e')
    .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'e.region').onRef('o.id', '=', 'e.org_id'))
    .innerJoin('users as u', (j) => j.onRef('u.region', '=', 'e.region').onRef('u.id', '=', 'e.updated_by'))
    .select([
      'e.region',
      'e.id',
      'e.org_id',
      'e.org_path',
      'o.name as org_name',
      'e.year',
      'e.level',
      'e.stage',
      'e.title',
      'e.status',
      'e.version',
      'e.rule_set',
      'e.total',
      'e.grade',
      'e.errors',
      'e.warnings',
      'e.infos',
      'e.created_at',
      'e.created_by',
      'e.updated_at',
      'e.updated_by',
      'u.display_name as updated_by_name',
      'e.published_at',
      'e.import_batch_id',
      sql<string>`e.document::text`.as('document'),
      sql<string>`e.score::text`.as('score'),
      sql<string>`e.findings::text`.as('findings'),
    ])
    .where('e.region', '=', user.region)
    .where('e.id', '=', id)
    .where('e.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!r) return undefined;
  const subject: EvaluationSubject = { type: 'evaluation', region: r.region, orgId: r.org_id, orgPath: r.org_path, status: r.status, createdBy: r.created_by };
  const meta = {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    level: r.level,
    stage: r.stage,
    title: r.title,
    status: r.status,
    statusLabel: STATE_LABELS[r.status as WorkflowState],
    version: r.version,
    ruleSet: r.rule_set,
    total: r.total,
    grade: r.grade,
    counts: { error: r.errors, warning: r.warnings, info: r.infos },
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: { id: r.updated_by, name: r.updated_by_name },
    publishedAt: r.published_at?.toISOString() ?? null,
    importBatchId: r.import_batch_id,
    permissions: {
      update: allow(user, 'update', subject),
      delete: allow(user, 'delete', subject),
      rescore: allow(user, 'rescore', subject),
      comment: allow(user, 'comment', subject),
      uploadEvidence: allow(user, 'evidence.upload', subject),
    },
    actions: workflowActionsFor(user, subject),
  };
  const head = JSON.stringify(meta);
  const body = `${head.slice(0, -1)},"document":${r.document},"score":${r.score},"findings":${r.findings}}`;
  return { subject, version: r.version, status: r.status, etag: etagOf(r.version, r.status), body };
}

export interface ListFilters {
  year?: number | undefined;
  org?: string | undefined;
  level?: 'project' | 'department' | undefined;
  status?: EvaluationStatus | undefined;
  grade?: string | undefined;
  hasErrors?: boolean | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export interface ListItem {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  level: string;
  title: string;
  status: EvaluationStatus;
  statusLabel: string;
  version: number;
  total: string;
  grade: string;
  counts: { error: number; warning: number; info: number };
  updatedAt: string;
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/** Lists evaluations in the reader's scope with filters and paging, newest change first. */
export async function listEvaluations(tx: Tx, user: AuthUser, f: ListFilters): Promise<{ items: ListItem[]; total: number }> {
  const scope: ReadScope = readScope(user);
  let q = tx
    .selectFrom('evaluations as e')
    .innerJoin('orgs as o', (j) => j.onRef('o.region', '=', 'e.region').onRef('o.id', '=', 'e.org_id'))
    .where('e.region', '=', scope.region)
    .where('e.deleted_at', 'is', null);
  if (scope.kind === 'org') q = q.where('e.org_id', '=', scope.orgId);
  if (scope.kind === 'subtree') q = q.where('e.org_path', 'like', `${likeEscape(scope.pathPrefix)}%`);
  if (f.org !== undefined) {
    // The organisation and everything under it.
    const org = f.org;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orgs as f')
          .select(sql`1`.as('one'))
          .where('f.region', '=', scope.region)
          .where('f.id', '=', org)
          .whereRef('e.org_path', 'like', sql`replace(replace(replace(f.path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`),
      ),
    );
  }
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.level !== undefined) q = q.where('e.level', '=', f.level);
  if (f.status !== undefined) q = q.where('e.status', '=', f.status);
  if (f.grade !== undefined) q = q.where('e.grade', '=', f.grade);
  if (f.hasErrors === true) q = q.where('e.errors', '>', 0);
  if (f.hasErrors === false) q = q.where('e.errors', '=', 0);
  if (f.q !== undefined && f.q !== '') q = q.where('e.title', 'like', `%${likeEscape(f.q)}%`);

  const rows = await q
    .select([
      'e.id',
      'e.org_id',
      'o.name as org_name',
      'e.year',
      'e.level',
      'e.title',
      'e.status',
      'e.version',
      'e.total',
      'e.grade',
      'e.errors',
      'e.warnings',
      'e.infos',
      'e.updated_at',
      sql<number>`count(*) over ()`.as('full_count'),
    ])
    .orderBy('e.updated_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  let total = rows[0]?.full_count;
  if (total === undefined) {
    const c = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    total = Number(c?.n ?? 0);
  }
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      orgId: r.org_id,
      orgName: r.org_name,
      year: r.year,
      level: r.level,
      title: r.title,
      status: r.status,
      statusLabel: STATE_LABELS[r.status as WorkflowState],
      version: r.version,
      total: r.total,
      grade: r.grade,
      counts: { error: r.errors, warning: r.warnings, info: r.infos },
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}
