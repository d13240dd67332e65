/**
 * @module The approved goals (绩效目标基线) beside a document created from them: its targets are the
 * approved ones (locked in the grid: a change is an adjustment asked for on the goals page and
 * approved there), an adjusted target shows what it was, and a target that no longer matches the
 * approved one says so, with a way to take the approved values.
 */
import { applyAdjustments } from '@jixiao/core';
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';
import type { CellLock } from './grid-model.js';
import type { TargetNote } from './IndicatorGrid.js';
import { flatten } from './tree.js';

export const TARGET_LOCKED = '指标值沿用已审核通过的绩效目标；如需调整，请在绩效目标页提出调整申请，经审核后生效。';

export interface BaselineView {
  /** Locks the targets of indicators that come from the goals. */
  locks: CellLock;
  /** Notes under targets, by indicator id. */
  notes: Map<string, TargetNote>;
  /** Approved targets (after adjustments), by indicator id. */
  approved: Map<string, string | undefined>;
  /** Indicators whose target differs from the approved one. */
  stale: string[];
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim();

/** What the approved `goals` say about the targets of `doc` (a monitoring or self-evaluation document created from them). */
export function baselineView(goals: EvaluationDocument, doc: EvaluationDocument): BaselineView {
  const applied = applyAdjustments(goals);
  const approved = new Map<string, string | undefined>();
  for (const r of flatten(applied.document.indicators)) if (r.leaf) approved.set(r.node.id, r.node.target);
  const notes = new Map<string, TargetNote>();
  for (const v of applied.views) {
    if (v.field !== 'target' || v.project !== undefined) continue;
    if (!same(v.adjusted, v.original)) notes.set(v.indicatorId, { text: `已按批准的调整修改（申报时：${v.original ?? '未填'}）` });
    if (v.pending !== undefined) notes.set(v.indicatorId, { text: `调整申请待审核：${v.pending}` });
  }
  const stale: string[] = [];
  for (const { node: n, leaf } of flatten(doc.indicators)) {
    if (!leaf || !approved.has(n.id)) continue;
    const target = approved.get(n.id);
    if (!same(n.target, target)) {
      stale.push(n.id);
      notes.set(n.id, { text: `与审核通过的指标值不一致（应为：${target ?? '未填'}）`, warn: true });
    }
  }
  return {
    locks: (node, column) => (column === 'target' && approved.has(node.id) ? TARGET_LOCKED : undefined),
    notes,
    approved,
    stale,
  };
}

/** The document with every target set back to the approved one. */
export function takeApprovedTargets(doc: EvaluationDocument, approved: ReadonlyMap<string, string | undefined>): EvaluationDocument {
  const fix = (nodes: IndicatorNode[]): IndicatorNode[] =>
    nodes.map((n) => {
      if (n.children && n.children.length > 0) return { ...n, children: fix(n.children) };
      if (!approved.has(n.id)) return n;
      const target = approved.get(n.id);
      if (same(n.target, target)) return n;
      const { target: _old, ...rest } = n;
      return target === undefined ? rest : { ...rest, target };
    });
  return { ...doc, indicators: fix(doc.indicators) };
}
