/**
 * @module The indicator tree as the grid edits it: flattened rows in display order, and immutable
 * operations by index path (add, remove, indent, outdent, move) that keep untouched nodes shared so
 * rows that did not change are not drawn again.
 */
import type { IndicatorNode } from '@jixiao/core';

/** A position in the tree: indexes from the root list down, e.g. [0, 1, 2]. */
export type IndexPath = readonly number[];

export interface FlatRow {
  node: IndicatorNode;
  idx: IndexPath;
  /** `idx.join('.')`, stable while the tree keeps its shape. */
  key: string;
  depth: number;
  /** JSON path of the node, e.g. `$.indicators[0].children[1]`. */
  path: string;
  leaf: boolean;
}

export function jsonPathOf(idx: IndexPath, base = '$.indicators'): string {
  let p = base;
  idx.forEach((i, d) => {
    p += d === 0 ? `[${i}]` : `.children[${i}]`;
  });
  return p;
}

/**
 * Every node, parents before children, in document order. With `previous` (the last result), rows
 * whose node and position did not change are the same objects as before, so a grid row that shows
 * them is not drawn again.
 */
export function flatten(roots: readonly IndicatorNode[], base = '$.indicators', previous?: readonly FlatRow[]): FlatRow[] {
  const out: FlatRow[] = [];
  const reuse = new Map<IndicatorNode, FlatRow>();
  if (previous) for (const r of previous) reuse.set(r.node, r);
  const visit = (nodes: readonly IndicatorNode[], prefix: number[], path: string) => {
    nodes.forEach((node, i) => {
      const p = prefix.length === 0 ? `${path}[${i}]` : `${path}.children[${i}]`;
      const kids = node.children ?? [];
      const old = reuse.get(node);
      const idx = old && old.path === p ? old.idx : [...prefix, i];
      out.push(old && old.path === p ? old : { node, idx, key: idx.join('.'), depth: prefix.length, path: p, leaf: kids.length === 0 });
      if (kids.length > 0) visit(kids, idx as number[], p);
    });
  };
  visit(roots, [], base);
  return out;
}

export function nodeAt(roots: readonly IndicatorNode[], idx: IndexPath): IndicatorNode | undefined {
  let nodes: readonly IndicatorNode[] | undefined = roots;
  let node: IndicatorNode | undefined;
  for (const i of idx) {
    node = nodes?.[i];
    if (!node) return undefined;
    nodes = node.children;
  }
  return node;
}

/** Replaces the list of children at `parent` (the root list for []) with `fn(list)`. */
function withList(roots: readonly IndicatorNode[], parent: IndexPath, fn: (list: readonly IndicatorNode[]) => IndicatorNode[]): IndicatorNode[] {
  if (parent.length === 0) return fn(roots);
  const [head, ...rest] = parent;
  return roots.map((n, i) => (i === head ? { ...n, children: withList(n.children ?? [], rest, fn) } : n));
}

export function updateAt(roots: readonly IndicatorNode[], idx: IndexPath, fn: (node: IndicatorNode) => IndicatorNode): IndicatorNode[] {
  const parent = idx.slice(0, -1);
  const last = idx[idx.length - 1]!;
  return withList(roots, parent, (list) => list.map((n, i) => (i === last ? fn(n) : n)));
}

/** Inserts `node` right after `idx` among its siblings; returns the new tree and the new node's position. */
export function insertAfter(roots: readonly IndicatorNode[], idx: IndexPath, node: IndicatorNode): { roots: IndicatorNode[]; idx: number[] } {
  const parent = idx.slice(0, -1);
  const at = idx[idx.length - 1]! + 1;
  return { roots: withList(roots, parent, (list) => [...list.slice(0, at), node, ...list.slice(at)]), idx: [...parent, at] };
}

/** Adds `node` as the last child of `idx` (or at the end of the root list for []). */
export function appendChild(roots: readonly IndicatorNode[], idx: IndexPath, node: IndicatorNode): { roots: IndicatorNode[]; idx: number[] } {
  const count = idx.length === 0 ? roots.length : (nodeAt(roots, idx)?.children?.length ?? 0);
  return { roots: withList(roots, idx, (list) => [...list, node]), idx: [...idx, count] };
}

export function removeAt(roots: readonly IndicatorNode[], idx: IndexPath): IndicatorNode[] {
  const parent = idx.slice(0, -1);
  const last = idx[idx.length - 1]!;
  return withList(roots, parent, (list) => list.filter((_, i) => i !== last));
}

/** Makes the node the last child of its previous sibling (降级). Undefined when it has none. */
export function indent(roots: readonly IndicatorNode[], idx: IndexPath): { roots: IndicatorNode[]; idx: number[] } | undefined {
  const last = idx[idx.length - 1]!;
  if (last === 0) return undefined;
  const node = nodeAt(roots, idx);
  if (!node) return undefined;
  const parent = idx.slice(0, -1);
  const prevIdx = [...parent, last - 1];
  const without = removeAt(roots, idx);
  return appendChild(without, prevIdx, node);
}

/** Moves the node out of its parent to just after it (升级). Undefined at the top level. */
export function outdent(roots: readonly IndicatorNode[], idx: IndexPath): { roots: IndicatorNode[]; idx: number[] } | undefined {
  if (idx.length < 2) return undefined;
  const node = nodeAt(roots, idx);
  if (!node) return undefined;
  const parent = idx.slice(0, -1);
  const without = removeAt(roots, idx);
  return insertAfter(without, parent, node);
}

/** Moves the node one place up (-1) or down (+1) among its siblings. */
export function move(roots: readonly IndicatorNode[], idx: IndexPath, delta: -1 | 1): { roots: IndicatorNode[]; idx: number[] } | undefined {
  const parent = idx.slice(0, -1);
  const last = idx[idx.length - 1]!;
  const siblings = parent.length === 0 ? roots : (nodeAt(roots, parent)?.children ?? []);
  const to = last + delta;
  if (to < 0 || to >= siblings.length) return undefined;
  const next = withList(roots, parent, (list) => {
    const copy = [...list];
    const [moved] = copy.splice(last, 1);
    copy.splice(to, 0, moved!);
    return copy;
  });
  return { roots: next, idx: [...parent, to] };
}

/** Every id used in the tree. */
export function idsOf(roots: readonly IndicatorNode[]): Set<string> {
  const out = new Set<string>();
  const visit = (nodes: readonly IndicatorNode[]) => {
    for (const n of nodes) {
      out.add(n.id);
      if (n.children) visit(n.children);
    }
  };
  visit(roots);
  return out;
}

/** The first free id of the form `ind-N`. */
export function newIndicatorId(used: ReadonlySet<string>): string {
  let n = used.size + 1;
  while (used.has(`ind-${n}`)) n++;
  return `ind-${n}`;
}

/** Finds a node's position by its id. */
export function indexOfId(roots: readonly IndicatorNode[], id: string): number[] | undefined {
  const visit = (nodes: readonly IndicatorNode[], prefix: number[]): number[] | undefined => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.id === id) return [...prefix, i];
      const hit = n.children ? visit(n.children, [...prefix, i]) : undefined;
      if (hit) return hit;
    }
    return undefined;
  };
  return visit(roots, []);
}
