/**
 * @module Goal declaration checks (绩效目标申报): run only on documents at stage `goals`. The money
 * requested and the overall goal are present, the indicator tree has the six categories a declaration
 * needs (数量 / 质量 / 时效 / 成本 / 效益 / 满意度), and its distinctive indicators are not copied from
 * another project's declaration (`options.peers`).
 */
import { Dec } from '../../decimal/index.js';
import type { EvaluationDocument, IndicatorCategory, IndicatorNode } from '../../model/index.js';
import { isLeaf, walkIndicators } from '../../model/index.js';
import { mainFundingTable } from '../../scoring/index.js';
import { parseTargetCached } from '../../targets/index.js';
import type { AuditContext } from '../context.js';
import { GOAL_CATEGORY_ZH, LABEL_ZH } from '../messages.js';
import { dice, normName } from '../text.js';
import { COPY_MIN_MATCHES, COPY_NAME_SIMILARITY, isBoilerplate, targetKeyOf } from './quality.js';

/** The categories a goal declaration should have, each a group of interchangeable categories. */
export const GOAL_REQUIRED_CATEGORIES: ReadonlyArray<{ key: string; categories: readonly IndicatorCategory[] }> = [
  { key: 'quantity', categories: ['quantity'] },
  { key: 'quality', categories: ['quality'] },
  { key: 'timeliness', categories: ['timeliness'] },
  { key: 'cost', categories: ['cost', 'cost-output'] },
  { key: 'benefit', categories: ['benefit', 'economic', 'social', 'ecological', 'sustainable'] },
  { key: 'satisfaction', categories: ['satisfaction', 'service-satisfaction'] },
];

/** Amount columns that state money asked for. */
const REQUESTED = ['initialBudget', 'annualBudget', 'budget', 'arranged', 'amount'] as const;

export function checkGoals(ctx: AuditContext): void {
  if (ctx.doc.header.stage !== 'goals') return;
  checkMoney(ctx);
  checkOverall(ctx);
  for (let tree = 0; tree < ctx.roots.length; tree++) checkCategories(ctx, tree);
  checkPeers(ctx);
}

function positive(text: string | undefined): boolean {
  if (text === undefined) return false;
  const d = Dec.parse(text);
  return d !== undefined && d.gt(Dec.ZERO);
}

function hasIndicators(nodes: readonly IndicatorNode[]): boolean {
  return nodes.length > 0;
}

function checkMoney(ctx: AuditContext): void {
  const { doc } = ctx;
  const table = mainFundingTable(doc);
  const total = table?.rows.find((r) => r.role === 'total');
  const mainHasMoney = total !== undefined && REQUESTED.some((c) => positive(total.amounts[c]));
  // A department declaration made of projects may state the money per project only.
  const projectsWithMoney = doc.projects.filter((p) => positive(p.funding)).length;
  if (!mainHasMoney && (doc.projects.length === 0 || projectsWithMoney === 0)) {
    ctx.add('GOAL-NO-MONEY', '$.funding', LABEL_ZH.fundingTable, {});
  }
  doc.projects.forEach((p, i) => {
    if (!hasIndicators(p.indicators) || positive(p.funding) || !mainHasMoney) return;
    ctx.add('GOAL-NO-MONEY', `$.projects[${i}].funding`, p.name, {}, { project: p.name });
  });
}

function checkOverall(ctx: AuditContext): void {
  const { doc } = ctx;
  const stated = (goals: EvaluationDocument['goals']) => goals.some((g) => g.expected.trim() !== '');
  if (!stated(doc.goals) && !doc.projects.some((p) => stated(p.goals))) ctx.add('GOAL-NO-OVERALL', '$.goals', LABEL_ZH.goals, {});
  doc.projects.forEach((p, i) => {
    if (!hasIndicators(p.indicators) || stated(p.goals) || !stated(doc.goals)) return;
    ctx.add('GOAL-NO-OVERALL', `$.projects[${i}].goals`, `${p.name} › ${LABEL_ZH.goals}`, {}, { project: p.name });
  });
}

function checkCategories(ctx: AuditContext, tree: number): void {
  const roots = ctx.treeRoots(tree);
  if (!roots.some((r) => r.substantive)) return;
  // Categories the rule set already requires under a section the tree has: SMART-REQUIRED-CATEGORY reports those.
  const covered = new Set<IndicatorCategory>();
  for (const section of ctx.rs.sections) {
    if (!roots.some((r) => r.substantive && r.category !== undefined && section.categories.includes(r.category))) continue;
    for (const group of section.requiredCategories) for (const c of group) covered.add(c);
  }
  const present = new Set<IndicatorCategory>();
  for (const n of ctx.nodes) if (n.tree === tree && n.substantive && n.category !== undefined) present.add(n.category);
  const missing = GOAL_REQUIRED_CATEGORIES.filter(
    (g) => !g.categories.some((c) => present.has(c)) && !g.categories.some((c) => covered.has(c)),
  );
  if (missing.length === 0) return;
  const project = tree === 0 ? undefined : ctx.doc.projects[tree - 1]!.name;
  ctx.add(
    'GOAL-MISSING-CATEGORY',
    ctx.treePath(tree),
    project === undefined ? LABEL_ZH.framework : `${project} › ${LABEL_ZH.framework}`,
    { count: String(missing.length) },
    {
      missing: missing.map((g) => GOAL_CATEGORY_ZH[g.key] ?? g.key).join('、'),
      missingEn: missing.map((g) => g.key).join(', '),
      ...(project === undefined ? {} : { project }),
    },
  );
}

interface PeerLeaf {
  peer: number;
  name: string;
  display: string;
  target: string;
}

/** Distinctive leaves with a target, as (normalised name, target key). */
function leavesOf(doc: EvaluationDocument): Array<{ name: string; display: string; key: string; target: string }> {
  const out: Array<{ name: string; display: string; key: string; target: string }> = [];
  const trees = [doc.indicators, ...doc.projects.map((p) => p.indicators)];
  for (const roots of trees) {
    for (const v of walkIndicators(roots)) {
      const target = v.node.target;
      if (!isLeaf(v.node) || target === undefined || target.trim() === '') continue;
      const name = normName(v.node.name);
      if (name.length < 2 || isBoilerplate(name)) continue;
      out.push({ name, display: v.node.name.trim(), key: targetKeyOf(parseTargetCached(target)), target: target.trim() });
    }
  }
  return out;
}

function sameProject(a: EvaluationDocument, b: EvaluationDocument): boolean {
  if (a.id !== undefined && a.id === b.id) return true;
  const x = a.header.projectName ?? (a.header.level === 'department' ? a.header.organisation : undefined);
  const y = b.header.projectName ?? (b.header.level === 'department' ? b.header.organisation : undefined);
  return x !== undefined && y !== undefined && normName(x) === normName(y) && normName(a.header.organisation) === normName(b.header.organisation);
}

function checkPeers(ctx: AuditContext): void {
  const { doc, peers } = ctx;
  if (peers.length === 0) return;
  const byKey = new Map<string, PeerLeaf[]>();
  peers.forEach((p, peer) => {
    if (sameProject(doc, p)) return;
    for (const l of leavesOf(p)) {
      const list = byKey.get(l.key);
      const item = { peer, name: l.name, display: l.display, target: l.target };
      if (list) list.push(item);
      else byKey.set(l.key, [item]);
    }
  });
  if (byKey.size === 0) return;
  const matches = new Map<number, Array<{ display: string; target: string }>>();
  const seen = new Set<string>();
  for (const own of leavesOf(doc)) {
    const dedupe = `${own.name}|${own.key}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const counted = new Set<number>();
    for (const c of byKey.get(own.key) ?? []) {
      if (counted.has(c.peer)) continue;
      if (c.name !== own.name && dice(c.name, own.name) < COPY_NAME_SIMILARITY) continue;
      counted.add(c.peer);
      const list = matches.get(c.peer) ?? [];
      list.push({ display: own.display, target: own.target });
      matches.set(c.peer, list);
    }
  }
  let best: { peer: number; list: Array<{ display: string; target: string }> } | undefined;
  for (const [peer, list] of matches) {
    if (list.length < COPY_MIN_MATCHES) continue;
    if (!best || list.length > best.list.length || (list.length === best.list.length && peer < best.peer)) best = { peer, list };
  }
  if (!best) return;
  const source = peers[best.peer]!;
  ctx.add('GOAL-COPIED-PEER', '$.indicators', LABEL_ZH.framework, { matches: String(best.list.length) }, {
    source: source.header.projectName ?? source.header.title,
    sourceOrganisation: source.header.organisation,
    list: best.list.map((m) => `${m.display} ${m.target}`).join('；'),
  });
}
