/**
 * @module Searching the indicator library as the preparer types (指标联想). The query is normalised like
 * names; candidates come from an inverted index of character bigrams (single characters for one-character
 * queries); each candidate gets a match relevance and a usage prior, combined into one score:
 *
 *   relevance  exact 1; prefix 0.9 + 0.1·|q|/|name|; substring 0.7 + 0.1·|q|/|name|;
 *              otherwise 0.6 · 2·shared ÷ (bigrams(q) + bigrams(name)), kept only when the name has at
 *              least half of the query's bigrams. The best of the entry's name and merged (alias) names.
 *   prior      0.5 · ln(1 + uses) ÷ ln(1 + most uses) + 0.3 · completion rate (0.5 when unknown)
 *              + 0.2 · recency, recency = 1 − min(1, (newest year − last year used) ÷ 4)
 *   score      0.65 · relevance + 0.35 · prior + 0.35 if recommended (a recommended entry outranks every
 *              entry that matches as well); retired entries only on request, × 0.5
 *
 * Ties go to the key in text order, so results are deterministic. `matchRelevance` and `rankScore` are
 * exported for the server to rank the same way over SQL rows. Scores are binary numbers: they order
 * results and are never shown as figures.
 */
import type { IndicatorCategory } from '../model/index.js';
import { nameBigrams, normalizeIndicatorName } from './normalize.js';
import type { Library, LibraryEntry } from './types.js';

/** What the recommended flag adds to a score: as much as the whole usage prior can. */
export const RECOMMENDED_BONUS = 0.35;

export type MatchKind = 'exact' | 'prefix' | 'substring' | 'similar';

export interface SearchOptions {
  /** Most results (default 10). */
  limit?: number | undefined;
  /** Only entries used under this category (the entry's main one or any it was used under). */
  category?: IndicatorCategory | undefined;
  sector?: string | undefined;
  projectType?: string | undefined;
  /** Include retired entries (ranked lower); default false. */
  includeRetired?: boolean | undefined;
}

export interface LibraryHit {
  key: string;
  name: string;
  normalized: string;
  family: string;
  unit?: string | undefined;
  direction: LibraryEntry['direction'];
  category?: IndicatorCategory | undefined;
  uses: number;
  organisations: number;
  completionRate?: string | undefined;
  recommended: boolean;
  retired: boolean;
  match: MatchKind;
  /** The name (or merged name) that matched, normalised. */
  matched: string;
  score: number;
}

export interface RankInput {
  relevance: number;
  uses: number;
  maxUses: number;
  /** met ÷ evaluated in [0, 1], or undefined when unknown. */
  completion: number | undefined;
  lastYear: number;
  newestYear: number;
  recommended: boolean;
  retired: boolean;
}

/** How well a normalised query matches a normalised name (see the module comment); 0 when it does not. */
export function matchRelevance(query: string, name: string): { relevance: number; match: MatchKind } | undefined {
  if (query.length === 0 || name.length === 0) return undefined;
  if (name === query) return { relevance: 1, match: 'exact' };
  const share = query.length / name.length;
  if (name.startsWith(query)) return { relevance: 0.9 + 0.1 * share, match: 'prefix' };
  if (name.includes(query)) return { relevance: 0.7 + 0.1 * share, match: 'substring' };
  const q = nameBigrams(query);
  const n = nameBigrams(name);
  if (q.length === 0 || n.length === 0) return undefined;
  const set = new Set(n);
  let shared = 0;
  for (const b of q) if (set.has(b)) shared++;
  if (shared * 2 < q.length || shared === 0) return undefined;
  return { relevance: (0.6 * 2 * shared) / (q.length + n.length), match: 'similar' };
}

/** The usage prior in [0, 1]. */
export function usagePrior(x: Omit<RankInput, 'relevance' | 'recommended' | 'retired'>): number {
  const frequency = x.maxUses > 0 ? Math.log1p(x.uses) / Math.log1p(x.maxUses) : 0;
  const completion = x.completion ?? 0.5;
  const recency = 1 - Math.min(1, Math.max(0, x.newestYear - x.lastYear) / 4);
  return 0.5 * frequency + 0.3 * completion + 0.2 * recency;
}

/** The score a hit is ranked by. */
export function rankScore(x: RankInput): number {
  const s = 0.65 * x.relevance + 0.35 * usagePrior(x) + (x.recommended ? RECOMMENDED_BONUS : 0);
  return x.retired ? s * 0.5 : s;
}

interface SearchIndex {
  entries: readonly LibraryEntry[];
  /** Normalised names per entry: its own first, then merged ones. */
  names: string[][];
  prior: Float64Array;
  byBigram: Map<string, number[]>;
  byChar: Map<string, number[]>;
  /** Entries in prior order, for an empty query. */
  byPrior: number[];
  /** Distinct bigrams of each entry's own name; whether it has merged names too. */
  grams: Uint16Array;
  aliased: Uint8Array;
  /** Scratch: shared-bigram counts per entry, and the entries touched. */
  shared: Uint16Array;
  touched: Int32Array;
}

const indexes = new WeakMap<Library, SearchIndex>();

function indexOf(library: Library): SearchIndex {
  let ix = indexes.get(library);
  if (ix) return ix;
  const entries = library.entries;
  let maxUses = 0;
  let newestYear = 0;
  for (const e of entries) {
    if (e.uses > maxUses) maxUses = e.uses;
    if (e.lastYear > newestYear) newestYear = e.lastYear;
  }
  const names = entries.map((e) => [e.normalized, ...e.aliasNames]);
  const prior = new Float64Array(entries.length);
  const byBigram = new Map<string, number[]>();
  const byChar = new Map<string, number[]>();
  entries.forEach((e, i) => {
    prior[i] = usagePrior({ uses: e.uses, maxUses, completion: e.completionRate === undefined ? undefined : Number(e.completionRate), lastYear: e.lastYear, newestYear });
    const grams = new Set<string>();
    const chars = new Set<string>();
    for (const n of names[i]!) {
      for (const g of nameBigrams(n)) grams.add(g);
      for (const c of n) chars.add(c);
    }
    for (const g of grams) {
      const list = byBigram.get(g);
      if (list) list.push(i);
      else byBigram.set(g, [i]);
    }
    for (const c of chars) {
      const list = byChar.get(c);
      if (list) list.push(i);
      else byChar.set(c, [i]);
    }
  });
  const byPrior = entries.map((_, i) => i).sort((a, b) => prior[b]! - prior[a]! || (entries[a]!.key < entries[b]!.key ? -1 : 1));
  const grams = Uint16Array.from(entries, (e) => Math.min(65_535, nameBigrams(e.normalized).length));
  const aliased = Uint8Array.from(entries, (e) => (e.aliasNames.length > 0 ? 1 : 0));
  ix = { entries, names, prior, byBigram, byChar, byPrior, grams, aliased, shared: new Uint16Array(entries.length), touched: new Int32Array(entries.length) };
  indexes.set(library, ix);
  return ix;
}

function passes(e: LibraryEntry, o: SearchOptions): boolean {
  if (e.status === 'retired' && !o.includeRetired) return false;
  if (o.category !== undefined && e.category !== o.category && !e.categories.some((c) => c.value === o.category)) return false;
  if (o.sector !== undefined && !e.sectors.some((c) => c.value === o.sector)) return false;
  if (o.projectType !== undefined && !e.projectTypes.some((c) => c.value === o.projectType)) return false;
  return true;
}

function hit(e: LibraryEntry, match: MatchKind, matched: string, score: number): LibraryHit {
  return {
    key: e.key,
    name: e.name,
    normalized: e.normalized,
    family: e.family,
    ...(e.unit !== undefined ? { unit: e.unit } : {}),
    direction: e.direction,
    ...(e.category !== undefined ? { category: e.category } : {}),
    uses: e.uses,
    organisations: e.organisations,
    ...(e.completionRate !== undefined ? { completionRate: e.completionRate } : {}),
    recommended: e.recommended,
    retired: e.status === 'retired',
    match,
    matched,
    score,
  };
}

/** Keeps the best `limit` candidates in a small sorted array (score descending, key ascending). */
class TopK {
  readonly items: Array<{ score: number; key: string; i: number; match: MatchKind; matched: string }> = [];
  constructor(private readonly limit: number) {}
  full(): boolean {
    return this.items.length >= this.limit;
  }
  worst(): number {
    return this.items[this.items.length - 1]!.score;
  }
  offer(score: number, key: string, i: number, match: MatchKind, matched: string): void {
    const items = this.items;
    if (items.length >= this.limit) {
      const last = items[items.length - 1]!;
      if (score < last.score || (score === last.score && key >= last.key)) return;
      items.pop();
    }
    let at = items.length;
    while (at > 0 && (items[at - 1]!.score < score || (items[at - 1]!.score === score && items[at - 1]!.key > key))) at--;
    items.splice(at, 0, { score, key, i, match, matched });
  }
}

/**
 * Entries matching a query, best first: "食品抽检" finds "市本级食品抽检批次" (substring), "抽查合格率"
 * finds "抽检合格率" (synonym), and misspellings by shared bigrams. An empty query lists the most
 * used (and recommended) entries. Builds a search index on first use, kept per library object.
 */
export function searchLibrary(library: Library, query: string, options: SearchOptions = {}): LibraryHit[] {
  const limit = Math.max(1, Math.min(options.limit ?? 10, 200));
  const ix = indexOf(library);
  const q = normalizeIndicatorName(query);
  const top = new TopK(limit);
  const queryGrams = q.length > 1 ? nameBigrams(q) : [];
  const filtered = options.category !== undefined || options.sector !== undefined || options.projectType !== undefined || !options.includeRetired;
  /** Scores entry `i`; `shared` is how many of the query's bigrams its names have (from the postings). No allocation on the common path. */
  const consider = (i: number, shared: number) => {
    const e = ix.entries[i]!;
    const bonus = e.recommended ? RECOMMENDED_BONUS : 0;
    const retired = e.status === 'retired';
    // Even an exact match cannot beat the last kept hit: skip the string work.
    if (top.full() && (0.65 + 0.35 * ix.prior[i]! + bonus) * (retired ? 0.5 : 1) < top.worst()) return;
    if (filtered && !passes(e, options)) return;
    let relevance = 0;
    let match: MatchKind = 'similar';
    let matched = e.normalized;
    if (ix.aliased[i]) {
      for (const n of ix.names[i]!) {
        const m = matchRelevance(q, n);
        if (m && m.relevance > relevance) {
          relevance = m.relevance;
          match = m.match;
          matched = n;
        }
      }
    } else {
      // The same as matchRelevance(q, name), with the shared bigrams already counted.
      const n = matched;
      if (n === q) {
        relevance = 1;
        match = 'exact';
      } else if (n.startsWith(q)) {
        relevance = 0.9 + (0.1 * q.length) / n.length;
        match = 'prefix';
      } else if (n.includes(q)) {
        relevance = 0.7 + (0.1 * q.length) / n.length;
        match = 'substring';
      } else if (shared > 0 && shared * 2 >= queryGrams.length && ix.grams[i]! > 0) {
        relevance = (0.6 * 2 * shared) / (queryGrams.length + ix.grams[i]!);
      }
    }
    if (relevance === 0) return;
    let s = 0.65 * relevance + 0.35 * ix.prior[i]! + bonus;
    if (retired) s *= 0.5;
    top.offer(s, e.key, i, match, matched);
  };

  if (q.length === 0) {
    for (const i of ix.byPrior) {
      const e = ix.entries[i]!;
      if (!passes(e, options)) continue;
      let s = 0.35 * ix.prior[i]! + (e.recommended ? RECOMMENDED_BONUS : 0);
      if (e.status === 'retired') s *= 0.5;
      top.offer(s, e.key, i, 'similar', e.normalized);
      // Later entries have no higher prior: none can beat the last kept one any more.
      if (top.items.length >= limit && ix.prior[i]! * 0.35 + RECOMMENDED_BONUS < top.items[top.items.length - 1]!.score) break;
    }
  } else if (q.length === 1) {
    for (const i of ix.byChar.get(q) ?? []) consider(i, 0);
  } else {
    const { shared, touched } = ix;
    let count = 0;
    for (const g of queryGrams) {
      const list = ix.byBigram.get(g);
      if (!list) continue;
      for (let k = 0; k < list.length; k++) {
        const i = list[k]!;
        if (shared[i] === 0) touched[count++] = i;
        shared[i] = shared[i]! + 1;
      }
    }
    const need = Math.ceil(queryGrams.length / 2);
    for (let k = 0; k < count; k++) {
      const i = touched[k]!;
      const n = shared[i]!;
      shared[i] = 0;
      if (n >= need) consider(i, n);
    }
  }
  return top.items.map((t) => hit(ix.entries[t.i]!, t.match, t.matched, t.score));
}

/** The entry for a key, following merges (a key merged into another resolves to it). */
export function libraryEntry(library: Library, key: string): LibraryEntry | undefined {
  let ix = entryMaps.get(library);
  if (!ix) {
    ix = new Map();
    for (const e of library.entries) {
      ix.set(e.key, e);
      for (const a of e.aliases) if (!ix.has(a)) ix.set(a, e);
    }
    entryMaps.set(library, ix);
  }
  return ix.get(key);
}

const entryMaps = new WeakMap<Library, Map<string, LibraryEntry>>();
