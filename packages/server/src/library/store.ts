/**
 * @module The indicator library (指标库) of each region, computed in this replica from the stored documents
 * with core's `LibraryBuilder`, the region's curation replayed on it (`applyCuration`), and kept in memory.
 *
 * Freshness: a cheap stamp (evaluation count, latest change, latest curation) is read at most once per
 * `checkMs` per region; when it moved, the library is rebuilt in the background while requests keep being
 * answered from the previous build (one rebuild per region at a time). The replica that curates rebuilds
 * its own copy before answering, so a finance officer sees their change at once. The first request of a
 * region waits for the first build.
 */
import { LibraryBuilder, applyCuration } from '@jixiao/core';
import type { CurationAction, EvaluationDocument, Library } from '@jixiao/core';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/types.js';

export interface BuiltLibrary {
  library: Library;
  stamp: string;
  builtAt: Date;
}

interface RegionState {
  current?: BuiltLibrary | undefined;
  building?: Promise<BuiltLibrary> | undefined;
  checkedAt: number;
  checking?: Promise<void> | undefined;
}

const BATCH = 500;

/** The stamp of what a region's library is built from: changes whenever an evaluation or the curation changes. */
export async function libraryStamp(db: Kysely<DB> | Transaction<DB>, region: string): Promise<string> {
  const { rows } = await sql<{ n: string; at: Date | null; seq: number | null }>`
    SELECT (SELECT count(*) FROM evaluations WHERE region = ${region})::text AS n,
           (SELECT max(updated_at) FROM evaluations WHERE region = ${region}) AS at,
           (SELECT max(seq) FROM library_curation WHERE region = ${region}) AS seq`.execute(db);
  const r = rows[0];
  return `${r?.n ?? 0}:${r?.at ? new Date(r.at).toISOString() : '-'}:${r?.seq ?? 0}`;
}

/** The region's curation actions, in order. */
export async function curationActions(db: Kysely<DB> | Transaction<DB>, region: string): Promise<CurationAction[]> {
  const rows = await db.selectFrom('library_curation').select(['action']).where('region', '=', region).orderBy('seq').execute();
  return rows.map((r) => r.action as CurationAction);
}

/**
 * Builds a region's library from every stored (not deleted) document, streamed in batches by id, on top
 * of the region's `base` when it has one (a generated seed set, copied, never changed).
 */
export async function buildRegionLibrary(db: Kysely<DB>, region: string, base?: LibraryBuilder): Promise<BuiltLibrary> {
  const stamp = await libraryStamp(db, region);
  const b = base ? base.clone() : new LibraryBuilder();
  let after: string | undefined;
  for (;;) {
    let q = db.selectFrom('evaluations').select(['id', 'document']).where('region', '=', region).where('deleted_at', 'is', null);
    if (after !== undefined) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    for (const r of rows) {
      const doc = r.document as EvaluationDocument;
      b.add(doc);
    }
    if (rows.length < BATCH) break;
    after = rows[rows.length - 1]?.id;
  }
  const library = b.build();
  const curation = await curationActions(db, region);
  const curated = curation.length > 0 ? applyCuration(library, curation).library : library;
  return { library: curated, stamp, builtAt: new Date() };
}

/** Per region, the documents its library starts from before the stored ones (made once, on first use). */
export type LibraryBases = Readonly<Record<string, () => LibraryBuilder>>;

export class LibraryCache {
  private readonly regions = new Map<string, RegionState>();
  private readonly made = new Map<string, LibraryBuilder>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly checkMs = 1000,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly bases: LibraryBases = {},
  ) {}

  private base(region: string): LibraryBuilder | undefined {
    const make = Object.hasOwn(this.bases, region) ? this.bases[region] : undefined;
    if (!make) return undefined;
    let b = this.made.get(region);
    if (!b) this.made.set(region, (b = make()));
    return b;
  }

  private state(region: string): RegionState {
    let s = this.regions.get(region);
    if (!s) this.regions.set(region, (s = { checkedAt: 0 }));
    return s;
  }

  private rebuild(region: string): Promise<BuiltLibrary> {
    const s = this.state(region);
    if (s.building) return s.building;
    const p = Promise.resolve()
      .then(() => buildRegionLibrary(this.db, region, this.base(region)))
      .then((built) => {
        if (!s.current || s.current.builtAt <= built.builtAt) s.current = built;
        return built;
      })
      .finally(() => {
        if (s.building === p) s.building = undefined;
      });
    s.building = p;
    return p;
  }

  /** The region's library: the current build, checked for changes at most once per `checkMs`. */
  async get(region: string): Promise<BuiltLibrary> {
    const s = this.state(region);
    if (!s.current) return s.building ?? this.rebuild(region);
    const now = Date.now();
    if (now - s.checkedAt >= this.checkMs && !s.checking && !s.building) {
      s.checkedAt = now;
      const current = s.current;
      s.checking = libraryStamp(this.db, region)
        .then((stamp) => {
          if (stamp !== current.stamp) void this.rebuild(region).catch(this.onError);
        })
        .catch(this.onError)
        .finally(() => {
          s.checking = undefined;
        });
    }
    return s.current;
  }

  /** Rebuilds now (after this replica changed the curation) and returns the new build. */
  async refresh(region: string): Promise<BuiltLibrary> {
    const s = this.state(region);
    if (s.building) await s.building.catch(() => undefined);
    return this.rebuild(region);
  }

  /** Forgets every region (tests, shutdown). */
  clear(): void {
    this.regions.clear();
  }
}
