/** @module The leaf indicators of a document (main tree and embedded projects), with their human path. Shared by the goal and monitoring pages. */
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';

export interface LeafIndicator {
  id: string;
  /** Id of the embedded project, when not in the main tree. */
  project?: string | undefined;
  name: string;
  /** "产出指标 › 数量指标 › 监督抽查批次" (without the leaf's own name). */
  group: string;
  target?: string | undefined;
  weight?: string | undefined;
  unit?: string | undefined;
}

/** Leaves in document order; a node without children is a leaf unless it is an empty frame group (no target and no weight under a category). */
export function leafIndicators(doc: Pick<EvaluationDocument, 'indicators' | 'projects'>): LeafIndicator[] {
  const out: LeafIndicator[] = [];
  const visit = (n: IndicatorNode, names: string[], project: string | undefined, depth: number) => {
    const kids = n.children ?? [];
    if (kids.length === 0) {
      // The new-document frame leaves empty groups (数量指标 …) at depth 1: not indicators yet.
      if (depth < 2 && !n.target && !n.weight) return;
      out.push({ id: n.id, ...(project ? { project } : {}), name: n.name, group: names.join(' › '), target: n.target, weight: n.weight, unit: n.unit });
      return;
    }
    for (const k of kids) visit(k, [...names, n.name], project, depth + 1);
  };
  for (const n of doc.indicators) visit(n, [], undefined, 0);
  for (const p of doc.projects) for (const n of p.indicators) visit(n, [p.name], p.id, 0);
  return out;
}

/** A stable key for a leaf: `project/id` or `id`. */
export function leafKey(l: { id: string; project?: string | undefined }): string {
  return l.project ? `${l.project}/${l.id}` : l.id;
}
