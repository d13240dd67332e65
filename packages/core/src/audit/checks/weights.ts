/**
 * @module Weight checks (权重): declared section weights against their indicators, weighted parents
 * against weighted children, the framework total against the rule set, scores above their weight,
 * negative figures, and indicators left without a weight.
 */
import { Dec } from '../../decimal/index.js';
import { ruleSetRef } from '../../rulesets/index.js';
import type { AuditContext, NodeInfo } from '../context.js';
import { LABEL_ZH } from '../messages.js';

export function checkWeights(ctx: AuditContext): void {
  for (const n of ctx.nodes) {
    checkNegative(ctx, n);
    checkScoreAbove(ctx, n);
    if (!n.leaf) checkSection(ctx, n);
  }
  checkUnweighted(ctx);
  checkTotal(ctx);
  checkExecutionScoreAbove(ctx);
}

function checkNegative(ctx: AuditContext, n: NodeInfo): void {
  const fields: Array<['weight' | 'declaredWeight' | 'printedScore', Dec | undefined]> = [
    ['weight', n.weight],
    ['declaredWeight', n.declared],
    ['printedScore', n.printed],
  ];
  for (const [field, value] of fields) {
    if (value?.isNegative()) ctx.add('WEIGHT-NEGATIVE', `${n.path}.${field}`, ctx.location(n.index), { value: value.toString(), field });
  }
}

function checkScoreAbove(ctx: AuditContext, n: NodeInfo): void {
  if (!n.printed) return;
  const weight = n.weight ?? n.declared ?? (n.leaf ? undefined : completeWeight(ctx, n));
  if (weight && n.printed.gt(weight)) {
    ctx.add('WEIGHT-SCORE-ABOVE', `${n.path}.printedScore`, ctx.location(n.index), { printed: n.printed.toString(), weight: weight.toString() });
  }
}

function completeWeight(ctx: AuditContext, n: NodeInfo): Dec | undefined {
  const sums = n.sums;
  return sums?.weightComplete ? sums.iw : undefined;
}

function checkSection(ctx: AuditContext, n: NodeInfo): void {
  const sums = n.sums;
  const below = sums?.iw;
  const complete = sums?.weightComplete ?? false;
  const location = ctx.location(n.index);
  if (n.declared !== undefined) {
    // A printed weight that contradicts the label, or indicators that do not add up to it.
    const against = n.weight ?? (below && (complete || below.gt(n.declared)) ? below : undefined);
    if (against && !against.eq(n.declared)) {
      ctx.add('WEIGHT-SECTION-DECLARED', `${n.path}.declaredWeight`, location, {
        declared: n.declared.toString(),
        indicators: against.toString(),
        difference: against.minus(n.declared).toString(),
      });
    }
  }
  if (n.weight !== undefined && below !== undefined && (complete || below.gt(n.weight)) && !below.eq(n.weight)) {
    ctx.add('WEIGHT-SECTION-SUM', `${n.path}.weight`, location, {
      weight: n.weight.toString(),
      indicators: below.toString(),
      difference: below.minus(n.weight).toString(),
    });
  }
}

/** Leaves with a target or actual but no weight, in a tree whose other leaves are weighted. */
function checkUnweighted(ctx: AuditContext): void {
  const weightedTrees = new Set<number>();
  for (const n of ctx.nodes) if (n.leaf && n.weight !== undefined) weightedTrees.add(n.tree);
  for (const n of ctx.nodes) {
    if (!n.leaf || n.weight !== undefined || !weightedTrees.has(n.tree)) continue;
    if (!n.node.target && !n.node.actual) continue;
    if (underUnitemised(ctx, n)) continue;
    ctx.add('WEIGHT-MISSING', n.path, ctx.location(n.index), {});
  }
}

/** True when an ancestor carries a weight its weighted children leave partly unassigned (that remainder is scored as a whole). */
function underUnitemised(ctx: AuditContext, n: NodeInfo): boolean {
  for (let p = n.parent; p >= 0; p = ctx.nodes[p]!.parent) {
    const a = ctx.nodes[p]!;
    const w = a.weight ?? a.declared;
    if (w === undefined) continue;
    const itemised = a.sums?.iw;
    if (itemised === undefined || itemised.lt(w)) return true;
  }
  return false;
}

/** Execution weight plus the framework weight of each root section, against the rule set total. */
function checkTotal(ctx: AuditContext): void {
  const { rs, report } = ctx;
  const roots = ctx.treeRoots(0);
  const weighted = roots.filter((r) => ctx.frameworkWeight(r) !== undefined);
  if (weighted.length === 0) return;
  const parts: string[] = [];
  let total = Dec.ZERO;
  if (rs.execution && report.execution) {
    total = total.plus(report.execution.weight);
    parts.push(`${LABEL_ZH.executionBlock}=${report.execution.weight.toString()}`);
  }
  for (const r of weighted) {
    const w = ctx.frameworkWeight(r)!;
    total = total.plus(w);
    parts.push(`${ctx.location(r.index)}=${w.toString()}`);
  }
  const expected = Dec.of(rs.totalWeight);
  if (!total.eq(expected) && rs.normalisation !== 'scale-to-total') {
    ctx.add('WEIGHT-TOTAL', '$.indicators', LABEL_ZH.framework, { total: total.toString(), expected: expected.toString(), breakdown: parts.join('; ') });
  }
  // Each root section against the scheme weight, where the scheme fixes one.
  for (const r of weighted) {
    const section = rs.sections.find((s) => r.category !== undefined && s.categories.includes(r.category));
    if (!section?.weight) continue;
    const w = ctx.frameworkWeight(r)!;
    if (!w.eq(Dec.of(section.weight))) {
      ctx.add('WEIGHT-RULESET', r.path, ctx.location(r.index), { weight: w.toString(), scheme: section.weight }, { section: section.name, ruleSet: ruleSetRef(rs) });
    }
  }
}

function checkExecutionScoreAbove(ctx: AuditContext): void {
  const ex = ctx.doc.funding?.execution;
  if (!ex?.printedScore || !ex.weight) return;
  const printed = Dec.parse(ex.printedScore);
  const weight = Dec.parse(ex.weight);
  if (printed && weight && printed.gt(weight)) {
    ctx.add('WEIGHT-SCORE-ABOVE', '$.funding.execution.printedScore', `${LABEL_ZH.executionBlock} › ${LABEL_ZH.executionScore}`, { printed: printed.toString(), weight: weight.toString() });
  }
  if (printed?.isNegative()) {
    ctx.add('WEIGHT-NEGATIVE', '$.funding.execution.printedScore', `${LABEL_ZH.executionBlock} › ${LABEL_ZH.executionScore}`, { value: printed.toString(), field: 'printedScore' });
  }
}
