/**
 * @module A structural diff of two JSON values for the audit trail: a list of changes, each with the
 * JSON path and the value before and after. Arrays of objects with unique `id`s are matched by id, so
 * inserting an indicator reports one addition, not a shift of every later row.
 */
import { jsonPath } from '@jixiao/core';

export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

export interface DiffOptions {
  /** At most this many changes are listed; the rest are counted in `truncated`. Default 500. */
  limit?: number;
}

export interface Diff {
  changes: Change[];
  truncated: number;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function idsOf(items: readonly unknown[]): string[] | undefined {
  const ids: string[] = [];
  for (const it of items) {
    if (!isObject(it) || typeof it['id'] !== 'string') return undefined;
    ids.push(it['id']);
  }
  return new Set(ids).size === ids.length ? ids : undefined;
}

export function diffJson(before: unknown, after: unknown, options: DiffOptions = {}): Diff {
  const limit = options.limit ?? 500;
  const changes: Change[] = [];
  let truncated = 0;
  const push = (c: Change) => {
    if (changes.length < limit) changes.push(c);
    else truncated++;
  };

  const walk = (a: unknown, b: unknown, path: PropertyKey[]) => {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const ia = idsOf(a);
      const ib = idsOf(b);
      if (ia && ib) {
        const oldById = new Map(ia.map((id, i) => [id, i]));
        const newIds = new Set(ib);
        ib.forEach((id, i) => {
          const j = oldById.get(id);
          if (j === undefined) push({ path: jsonPath([...path, i]), after: b[i] });
          else walk(a[j], b[i], [...path, i]);
        });
        ia.forEach((id, j) => {
          if (!newIds.has(id)) push({ path: jsonPath([...path, j]), before: a[j] });
        });
        return;
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= a.length) push({ path: jsonPath([...path, i]), after: b[i] });
        else if (i >= b.length) push({ path: jsonPath([...path, i]), before: a[i] });
        else walk(a[i], b[i], [...path, i]);
      }
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const key of Object.keys(a)) {
        if (!Object.hasOwn(b, key)) push({ path: jsonPath([...path, key]), before: a[key] });
        else walk(a[key], b[key], [...path, key]);
      }
      for (const key of Object.keys(b)) {
        if (!Object.hasOwn(a, key)) push({ path: jsonPath([...path, key]), after: b[key] });
      }
      return;
    }
    const change: Change = { path: jsonPath(path) };
    if (a !== undefined) change.before = a as Json;
    if (b !== undefined) change.after = b as Json;
    push(change);
  };

  walk(before, after, []);
  return { changes, truncated };
}
