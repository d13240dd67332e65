/** @module The organisation tree from the flat list the server sends (parents before children). */
import type { Org } from '../api/types.js';

export interface OrgTreeNode {
  value: string;
  title: string;
  key: string;
  kind: Org['kind'];
  children: OrgTreeNode[];
}

/** Nests organisations under their parents; orphans (parent not in the list) become roots. */
export function orgTree(orgs: readonly Org[]): OrgTreeNode[] {
  const byId = new Map<string, OrgTreeNode>();
  for (const o of orgs) byId.set(o.id, { value: o.id, key: o.id, title: o.name, kind: o.kind, children: [] });
  const roots: OrgTreeNode[] = [];
  for (const o of orgs) {
    const node = byId.get(o.id)!;
    const parent = o.parentId ? byId.get(o.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Ids of an organisation and everything under it. */
export function subtreeIds(orgs: readonly Org[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const o of orgs) if (o.parentId) children.set(o.parentId, [...(children.get(o.parentId) ?? []), o.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
