/**
 * @module Bounded caches in front of the parsers. Province data repeats the same few hundred
 * target strings across hundreds of thousands of indicators, so parsing once per distinct string
 * keeps scoring at about a million indicators a second.
 *
 * The cache is two generations of plain Maps (a cheap approximation of LRU): lookups hit the
 * young map, or promote from the old one; when the young map is full it becomes the old one and
 * the previous old map is dropped. Memory is bounded by 2 × capacity entries. Cached results are
 * frozen and shared: callers must not mutate them (the types are readonly).
 */
import { Dec } from '../decimal/decimal.js';
import { evaluate } from './evaluate.js';
import { parseActual, parseTarget } from './parse.js';
import type { EvaluateOptions, Evaluation, ParsedActual, ParsedTarget } from './types.js';

export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = Math.max(1, Math.floor(capacity));
  }

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const old = this.old.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Entries currently held (at most 2 × capacity). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }
}

/** Distinct strings kept per generation. */
export const TARGET_CACHE_CAPACITY = 32_768;

const targetCache = new BoundedCache<ParsedTarget>(TARGET_CACHE_CAPACITY);
const actualCache = new BoundedCache<ParsedActual>(TARGET_CACHE_CAPACITY);

function deepFreeze<T>(value: T): T {
  // Dec values are immutable already and may be shared constants: leave them alone.
  if (value !== null && typeof value === 'object' && !(value instanceof Dec) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** `parseTarget` behind a bounded cache; the result is frozen and shared. */
export function parseTargetCached(text: string): ParsedTarget {
  if (typeof text !== 'string') return parseTarget(text);
  const hit = targetCache.get(text);
  if (hit !== undefined) return hit;
  const parsed = deepFreeze(parseTarget(text));
  targetCache.set(text, parsed);
  return parsed;
}

/** `parseActual` behind a bounded cache; the result is frozen and shared. */
export function parseActualCached(text: string): ParsedActual {
  if (typeof text !== 'string') return parseActual(text);
  const hit = actualCache.get(text);
  if (hit !== undefined) return hit;
  const parsed = deepFreeze(parseActual(text));
  actualCache.set(text, parsed);
  return parsed;
}

/** Empties both caches (for tests and long-running servers that change nothing else). */
export function clearTargetCaches(): void {
  targetCache.clear();
  actualCache.clear();
}

/** Parses both cells through the caches and evaluates them: the one call a scoring loop needs. */
export function evaluateText(targetText: string, actualText: string, options?: EvaluateOptions): Evaluation {
  return evaluate(parseTargetCached(targetText), parseActualCached(actualText), options);
}
