/**
 * @module Reading evaluations: one evaluation as a ready JSON text (the stored document, score and
 * findings are spliced in as they are, without parsing), and filtered, paged lists within the
 * reader's scope.
 */
import { gzipSync } from 'node:zlib';
import { STATE_LABELS } from '@jixiao/core';
import type { WorkflowState } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { DB, EvaluationStatus } from '../db/types.js';
import type { AuthUser } from '../http/env.js';
import { allow, readScope, workflowActionsFor } from '../permissions/policy.js';
import type { EvaluationSubject, ReadScope } from '../permissions/policy.js';
import type { CachedRow, Entry, EvaluationCache } from './cache.js';
import { filterWhere, likeEscape, orderBy } from './filters.js';
import type { EvaluationFilter, SortKey } from './filters.js';

type Tx = Transaction<DB> | Kysely<DB>;

export interface EvaluationView {
  subject: EvaluationSubject;
  version: number;
  status: EvaluationStatus;
  etag: string;
  /** The full representation as UTF-8 JSON. */
  body: Buffer;
  /** The same, gzipped (computed once per version and set of rights, then cached). */
  gzip(): Buffer;
}

/**
 * ETag of an evaluation: the document version and the workflow status. Weak, because the same
 * representation is served plain or gzipped.
 */
export function etagOf(version: number, status: string): string {
  return `W/"${version}-${status}"`;
}

/** The version in an If-Match header: `W/"12-draft"`, `"12-draft"`, `"12"` or `12`; undefined when absent or malformed. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})(?:-[a-z]+)?"?$/.exec(header.trim());
  return m ? Number(m[1]) : undefined;
}

/** Whether an If-None-Match header matches an ETag (weak comparison, lists and `*` allowed). */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  const want = bare(etag);
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === want);
}

export interface ReadRow {
  region: string;
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  year: number;
  level: string;
  stage: string;
  title: string;
  status: EvaluationStatus;
  version: number;
  rule_set: string;
  total: string | null;
  grade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  created_at: Date;
  created_by: string;
  updated_at: Date;
  updated_by: string;
  updated_by_name: string;
  published_at: Date | null;
  import_batch_id: string | null;
  document: string | null;
  score: string | null;
  findings: string | null;
}

/** The read path as one prepared statement. */
const READ_SQL = `
  SELECT e.region, e.id, e.org_id, e.org_path, o.name AS org_name, e.year, e.level, e.stage, e.title, e.status,
         e.version, e.rule_set, e.total, e.grade, e.errors, e.warnings, e.infos, e.created_at, e.created_by,
         e.updated_at, e.updated_by, u.display_name AS updated_by_name, e.published_at, e.import_batch_id,
         e.document::text AS document, e.score::text AS score, e.findings::text AS findings
  FROM evaluations e
  JOIN orgs o ON o.region = e.region AND o.id = e.org_id
  JOIN users u ON u.region = e.region AND u.id = e.updated_by
  WHERE e.region = $1 AND e.id = $2 AND e.deleted_at IS NULL`;

export interface ReadSource {
  database: Pick<Database, 'pool'>;
  evaluations: EvaluationCache;
}

/**
 * Reads one evaluation; undefined when it does not exist in the region or was deleted. A copy cached
 * on this replica is used when there is one (see `EvaluationCache` for why it is never stale).
 */
export async function readEvaluation(src: ReadSource, user: AuthUser, id: string): Promise<EvaluationView | undefined> {
  const key = `${user.region}:${id}`;
  const hit = src.evaluations.get(key);
  if (hit) return present(user, hit, (bytes) => src.evaluations.grew(key, hit, bytes));
  // One fetch per key at a time: a burst of readers of an uncached evaluation shares it. A fetch that
  // began before a change (the generation moved since) is not joined, so a writer reads its own write.
  let byKey = inflight.get(src.evaluations);
  if (!byKey) inflight.set(src.evaluations, (byKey = new Map()));
  const map = byKey;
  const generation = src.evaluations.generation();
  let pending = map.get(key);
  if (!pending || pending.generation !== generation) {
    const fetch = { generation, promise: fetchEntry(src, key, user.region, id, generation) };
    pending = fetch;
    map.set(key, fetch);
    void fetch.promise
      .finally(() => {
        if (map.get(key) === fetch) map.delete(key);
      })
      .catch(() => {});
  }
  const entry = await pending.promise;
  if (!entry) return undefined;
  return present(user, entry, (bytes) => src.evaluations.grew(key, entry, bytes));
}

const inflight = new WeakMap<EvaluationCache, Map<string, { generation: number; promise: Promise<Entry | undefined> }>>();

async function fetchEntry(src: ReadSource, key: string, region: string, id: string, generation: number): Promise<Entry | undefined> {
  const { rows } = await src.database.pool.query<ReadRow>({ name: 'jixiao.read-evaluation', text: READ_SQL, values: [region, id] });
  const r = rows[0];
  if (!r) return undefined;
  const { document, score, findings, ...row } = r;
  // Encoded once: a cached read only encodes the small per-user head.
  const tail = Buffer.from(`,"document":${document},"score":${score},"findings":${findings}}`, 'utf8');
  const entry: Entry = { row, tail, variants: new Map() };
  src.evaluations.set(key, generation, entry);
  return entry;
}

/** The response for one user: the shared row and text, with the user's rights; whole bodies are reused per set of rights. */
function present(user: AuthUser, entry: Entry, grew: (bytes: number) => void): EvaluationView {
  const r = entry.row;
  const subject: EvaluationSubject = { type: 'evaluation', region: r.region, orgId: r.org_id, orgPath: r.org_path, status: r.status, createdBy: r.created_by };
  const rights = {
    permissions: {
      update: allow(user, 'update', subject),
      delete: allow(user, 'delete', subject),
      rescore: allow(user, 'rescore', subject),
      comment: allow(user, 'comment', subject),
      uploadEvidence: allow(user, 'evidence.upload', subject),
    },
    actions: workflowActionsFor(user, subject),
  };
  const variantKey = JSON.stringify(rights);
  let variant = entry.variants.get(variantKey);
  if (!variant) {
    variant = { body: renderBody(r, rights, entry.tail) };
    entry.variants.set(variantKey, variant);
    grew(variant.body.length);
  }
  const v = variant;
  return {
    subject,
    version: r.version,
    status: r.status,
    etag: etagOf(r.version, r.status),
    body: v.body,
    gzip() {
      if (!v.gzip) {
        v.gzip = gzipSync(v.body, { level: 6 });
        grew(v.gzip.length);
      }
      return v.gzip;
    },
  };
}

function renderBody(r: CachedRow, rights: { permissions: Record<string, boolean>; actions: string[] }, tail: Buffer): Buffer {
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
    ...rights,
  };
  const head = Buffer.from(JSON.stringify(meta).slice(0, -1), 'utf8');
  return Buffer.concat([head, tail], head.length + tail.length);
}

export interface ListFilters extends EvaluationFilter {
  /** Only documents of this stage (`goals`, `monitoring`, `self-evaluation` …). */
  stage?: string | undefined;
  sort?: SortKey | undefined;
  order?: 'asc' | 'desc' | undefined;
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
  /** Null when the document is not scorable (不可评分). */
  total: string | null;
  grade: string | null;
  scorable: boolean;
  counts: { error: number; warning: number; info: number };
  updatedAt: string;
}

export { likeEscape };

interface ListRow {
  id: string;
  org_id: string;
  org_name: string;
  year: number;
  level: string;
  title: string;
  status: EvaluationStatus;
  version: number;
  total: string | null;
  grade: string | null;
  scorable: boolean;
  errors: number;
  warnings: number;
  infos: number;
  updated_at: Date;
  full_count: string;
}

/**
 * Lists evaluations in the reader's scope with filters, sorting (default: newest change first; the id
 * breaks ties, so pages never overlap) and paging.
 */
export async function listEvaluations(tx: Tx, user: AuthUser, f: ListFilters): Promise<{ items: ListItem[]; total: number }> {
  const scope: ReadScope = readScope(user);
  // `stage` (one, from the goal and monitoring routes) narrows `stages` (from the query).
  const stages = f.stage === undefined ? f.stages : (f.stages ?? [f.stage]).filter((x) => x === f.stage);
  const filter: EvaluationFilter = { ...f, stages };
  const where = filterWhere(scope, filter);
  const order = orderBy(f.sort ?? 'updated', f.order ?? 'desc');
  const { rows } = await sql<ListRow>`
    SELECT e.id, e.org_id, o.name AS org_name, e.year, e.level, e.title, e.status, e.version, e.total::text AS total, e.grade,
           e.scorable, e.errors, e.warnings, e.infos, e.updated_at, count(*) OVER () AS full_count
    FROM evaluations e
    JOIN orgs o ON o.region = e.region AND o.id = e.org_id
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`.execute(tx);
  let total = rows[0]?.full_count;
  if (total === undefined) {
    const c = await sql<{ n: string }>`SELECT count(*) AS n FROM evaluations e WHERE ${where}`.execute(tx);
    total = c.rows[0]?.n ?? '0';
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
      scorable: r.scorable,
      counts: { error: r.errors, warning: r.warnings, info: r.infos },
      updatedAt: r.updated_at.toISOString(),
    })),
  };
}

/** Whether the client takes gzip (Accept-Encoding lists it without q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The response for an evaluation: gzipped when the client takes it, with its ETag. */
export function evaluationResponse(acceptEncoding: string | undefined, view: EvaluationView): { body: Buffer; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8', ETag: view.etag, Vary: 'Cookie, Accept-Encoding' };
  if (acceptsGzip(acceptEncoding)) return { body: view.gzip(), headers: { ...headers, 'Content-Encoding': 'gzip' } };
  return { body: view.body, headers };
}
