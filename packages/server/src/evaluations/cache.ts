/**
 * @module The evaluation read cache of one replica: the stored row and the JSON text of the document,
 * score and findings, so that reading an unchanged evaluation needs no database round trip.
 *
 * Why a cached copy is never served stale:
 * - Every change to an evaluation row (and to the names it shows) fires a NOTIFY from a trigger
 *   (migration 0002), delivered to every replica's listener after commit; the listener drops the entry.
 * - The replica that made a change also drops the entry itself right after its commit, before it
 *   answers, so a writer always reads its own write.
 * - A read that fetched a row before a concurrent commit may not store it: every drop bumps a
 *   generation, and an entry is only stored if no drop happened since its read began.
 * - Until the listener is connected, and whenever it loses its connection, caching is off and the
 *   cache empty; reads go to the database.
 * What remains is the delivery delay of NOTIFY to other replicas (milliseconds): a reader on another
 * replica may see the previous version for that long. Edits carry the version (If-Match), so such a
 * read can never cause a lost update, only a 409.
 */
import type { ReadRow } from './queries.js';

export type CachedRow = Omit<ReadRow, 'document' | 'score' | 'findings'>;

/** A complete response body for one set of per-user fields (permissions, actions), plain and gzipped. */
export interface Variant {
  body: Buffer;
  gzip?: Buffer | undefined;
}

export interface Entry {
  row: CachedRow;
  /** `,"document":…,"score":…,"findings":…}` as UTF-8. */
  tail: Buffer;
  /** Whole bodies by the JSON of the per-user fields: readers with the same rights share one. */
  variants: Map<string, Variant>;
}

export class EvaluationCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private gen = 0;
  private enabled = false;

  constructor(private readonly maxBytes: number = 64 * 1024 * 1024) {}

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Turns caching on (the listener is connected) or off (it is not); either way the cache starts empty. */
  setEnabled(on: boolean): void {
    this.clear();
    this.enabled = on;
  }

  get(key: string): Entry | undefined {
    if (!this.enabled) return undefined;
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** Take before reading from the database; pass to `set`. */
  generation(): number {
    return this.gen;
  }

  set(key: string, generation: number, entry: Entry): void {
    if (!this.enabled || generation !== this.gen) return;
    const size = sizeOf(entry);
    this.remove(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [k] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(k);
    }
  }

  /** Drops one evaluation (`region:id`), or everything for '*'. */
  invalidate(key: string): void {
    this.gen++;
    if (key === '*') this.clear();
    else this.remove(key);
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Accounts for a body added to an entry's variants (a handful per entry at most). */
  grew(key: string, entry: Entry, bytes: number): void {
    if (this.entries.get(key) !== entry) return;
    this.bytes += bytes;
    if (entry.variants.size > 16) {
      const first = entry.variants.keys().next().value;
      if (first !== undefined) {
        const v = entry.variants.get(first);
        this.bytes -= (v?.body.length ?? 0) + (v?.gzip?.length ?? 0);
        entry.variants.delete(first);
      }
    }
  }

  private remove(key: string): void {
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.bytes -= sizeOf(e);
    }
  }
}

function sizeOf(e: Entry): number {
  let n = e.tail.length + 1024;
  for (const v of e.variants.values()) n += v.body.length + (v.gzip?.length ?? 0);
  return n;
}

export const CHANGE_CHANNEL = 'jixiao_evaluations';
