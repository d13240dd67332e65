/**
 * @module Indicator quality checks (指标质量, SMART): vague targets, numbers without units, actuals
 * written as expressions, missing targets or actuals, goal sentences used as indicator names,
 * required categories and sections, duplicates, and indicator sets copied between projects.
 */
import type { IndicatorCategory } from '../../model/index.js';
import type { ParsedTarget } from '../../targets/index.js';
import type { AuditContext, NodeInfo } from '../context.js';
import { categoriesZh, CATEGORY_ZH, LABEL_ZH } from '../messages.js';
import { dice, normName } from '../text.js';

/** Qualitative readings that do not say how much (定性表述). 优/良/中/差 and 无 (nothing happened) are measurable enough. */
const VAGUE = new Set(['improve', 'reduce', 'stable', 'long-term', 'effective', 'achieved', 'partly', 'not-achieved']);

/** Per tree: indicators without an actual / without a target, and how many could have one. */
interface Missing {
  actual: NodeInfo[];
  actualOf: number;
  target: NodeInfo[];
  targetOf: number;
}

/** When most indicators of a tree lack the same thing, one finding for the tree says it better than one per indicator. */
const AGGREGATE_MIN = 5;
const AGGREGATE_SHARE = 0.6;

export function checkQuality(ctx: AuditContext): void {
  const evaluating = ctx.doc.header.stage === 'self-evaluation' || ctx.doc.header.stage === 'evaluation';
  const missing: Missing[] = ctx.roots.map(() => ({ actual: [], actualOf: 0, target: [], targetOf: 0 }));
  for (const n of ctx.nodes) {
    if (!n.leaf || !n.substantive) continue;
    checkTargetAndActual(ctx, n, evaluating, missing[n.tree]!);
    checkGoalName(ctx, n);
  }
  missing.forEach((m, tree) => {
    reportMissing(ctx, tree, 'SMART-MISSING-ACTUAL', m.actual, m.actualOf, (n) => ({ path: `${n.path}.actual`, params: { target: n.node.target ?? '' } }));
    reportMissing(ctx, tree, 'SMART-MISSING-TARGET', m.target, m.targetOf, (n) => ({ path: `${n.path}.target`, params: {} }));
  });
  for (let tree = 0; tree < ctx.roots.length; tree++) {
    checkRequired(ctx, tree);
    checkDuplicates(ctx, tree);
  }
  checkCopiedProjects(ctx);
}

/** Only text with an operator or a bound word can be an expression; anything else need not be parsed for this check. */
const MAYBE_EXPRESSION = /[≥≧>＞≤≦<＜=＝═﹦]|以上|以下|以内|不低于|不少于|不超过|不高于|至少|至多|超过|低于/;

function reportMissing(
  ctx: AuditContext,
  tree: number,
  code: 'SMART-MISSING-ACTUAL' | 'SMART-MISSING-TARGET',
  nodes: readonly NodeInfo[],
  of: number,
  each: (n: NodeInfo) => { path: string; params: Record<string, string> },
): void {
  if (nodes.length === 0) return;
  if (nodes.length >= AGGREGATE_MIN && nodes.length >= of * AGGREGATE_SHARE) {
    const where = tree === 0 ? LABEL_ZH.framework : `${ctx.doc.projects[tree - 1]!.name} › ${LABEL_ZH.framework}`;
    const examples = nodes.slice(0, 3).map((n) => n.node.name.trim()).join('、');
    ctx.add(code, ctx.treePath(tree), where, { missing: String(nodes.length), total: String(of) }, { examples });
    return;
  }
  for (const n of nodes) {
    const { path, params } = each(n);
    ctx.add(code, path, ctx.location(n.index), {}, params);
  }
}

function checkTargetAndActual(ctx: AuditContext, n: NodeInfo, evaluating: boolean, missing: Missing): void {
  const target = ctx.target(n);
  const actualText = n.node.actual;
  const hasActual = actualText !== undefined && actualText.trim() !== '';
  const actual = hasActual && MAYBE_EXPRESSION.test(actualText) ? ctx.actual(n) : undefined;
  const location = () => ctx.location(n.index);
  if (target) {
    if (target.kind === 'qualitative' && VAGUE.has(target.family)) {
      ctx.add('SMART-VAGUE-TARGET', `${n.path}.target`, location(), {}, { target: n.node.target!, reading: target.family });
    } else if (target.kind === 'unparsed') {
      ctx.add('SMART-VAGUE-TARGET', `${n.path}.target`, location(), {}, { target: n.node.target!, reading: 'unparsed' });
    } else if ((target.kind === 'threshold' || target.kind === 'exact' || target.kind === 'range') && !target.percent && target.unit === undefined && !n.node.unit) {
      ctx.add('SMART-NO-UNIT', `${n.path}.target`, location(), {}, { target: n.node.target! });
    }
    if (evaluating) {
      missing.actualOf++;
      if (!hasActual) missing.actual.push(n);
    }
  } else if ((n.weight !== undefined || n.printed !== undefined || hasActual) && !n.criterion) {
    missing.target.push(n);
  }
  if (!n.criterion) missing.targetOf++;
  if (actual?.kind === 'expression') {
    ctx.add('SMART-ACTUAL-EXPRESSION', `${n.path}.actual`, location(), {}, { actual: n.node.actual!, ...(n.node.target ? { target: n.node.target } : {}) });
  }
}

const GOAL_VERBS = [
  '开展', '加强', '提升', '推动', '推进', '促进', '建立', '建设', '完善', '实现', '确保', '保障', '维护', '营造', '优化', '提高', '增强',
  '做好', '落实', '健全', '深化', '打造', '强化', '全面', '节约', '保证', '规范', '引导', '支持', '扶持',
];
/** Endings that name a measure: the name is an indicator even when it starts with a verb (提升完成率). */
const MEASURE_ENDINGS = [
  '率', '量', '数', '次数', '人数', '批次', '时间', '时限', '时长', '成本', '满意度', '金额', '费用', '天数', '比例', '比重', '个数', '户数',
  '家数', '套数', '覆盖面', '周期', '年限', '标准', '指数', '得分', '排名', '人次', '件数', '场次',
];
const CLAUSE_PUNCTUATION = /[，,；;。！!？?]/;

/** True when an indicator name reads as a goal sentence (long, with a goal verb or clause punctuation, naming no measure). */
export function isGoalSentence(name: string): boolean {
  const n = normName(name);
  if (n.length < 8) return false;
  if (MEASURE_ENDINGS.some((e) => n.endsWith(e))) return false;
  const verb = GOAL_VERBS.some((w) => n.includes(w));
  if (!verb) return false;
  return CLAUSE_PUNCTUATION.test(name) || name.includes('、') || n.length >= 12;
}

function checkGoalName(ctx: AuditContext, n: NodeInfo): void {
  if (isGoalSentence(n.node.name)) ctx.add('SMART-GOAL-AS-NAME', `${n.path}.name`, ctx.location(n.index), {}, { name: n.node.name.trim() });
}

function checkRequired(ctx: AuditContext, tree: number): void {
  const roots = ctx.treeRoots(tree);
  if (!roots.some((r) => r.substantive)) return;
  for (const section of ctx.rs.sections) {
    let matched = false;
    for (const root of roots) {
      if (root.category === undefined || !section.categories.includes(root.category)) continue;
      matched = true;
      if (!root.substantive) continue;
      for (const group of section.requiredCategories) {
        if (hasCategoryBelow(ctx, root, group)) continue;
        ctx.add('SMART-REQUIRED-CATEGORY', root.path, ctx.location(root.index), {}, {
          section: CATEGORY_ZH[root.category] ?? root.node.name,
          required: categoriesZh(group),
          requiredEn: group.join(' or '),
        });
      }
    }
    if (matched || section.weight === undefined) continue;
    // A weighted section of the scheme that the tree does not have at any depth.
    const present = ctx.nodes.some((x) => x.tree === tree && x.category !== undefined && section.categories.includes(x.category));
    if (!present) {
      ctx.add('SMART-MISSING-SECTION', ctx.treePath(tree), tree === 0 ? LABEL_ZH.framework : `${ctx.doc.projects[tree - 1]!.name} › ${LABEL_ZH.framework}`, { weight: section.weight }, { section: section.name });
    }
  }
}

function hasCategoryBelow(ctx: AuditContext, root: NodeInfo, group: readonly IndicatorCategory[]): boolean {
  const stack = [...root.children];
  while (stack.length > 0) {
    const x = ctx.nodes[stack.pop()!]!;
    if (x.substantive && x.category !== undefined && group.includes(x.category)) return true;
    stack.push(...x.children);
  }
  return false;
}

function checkDuplicates(ctx: AuditContext, tree: number): void {
  // Keyed by name, then by sub-project: the same name for two sub-projects is two indicators.
  const seen = new Map<string, NodeInfo | Map<string, NodeInfo>>();
  for (const n of ctx.nodes) {
    if (n.tree !== tree || !n.leaf || !n.substantive) continue;
    const name = ctx.norm(n);
    if (name.length < 2) continue;
    const sp = n.node.subProject ?? '';
    const slot = seen.get(name);
    let first: NodeInfo | undefined;
    if (slot === undefined) {
      seen.set(name, sp === '' ? n : new Map([[sp, n]]));
      continue;
    }
    if (slot instanceof Map) {
      first = slot.get(sp);
      if (!first) slot.set(sp, n);
    } else if ((slot.node.subProject ?? '') === sp) {
      first = slot;
    } else {
      seen.set(name, new Map([[slot.node.subProject ?? '', slot], [sp, n]]));
    }
    if (first) ctx.add('SMART-DUPLICATE', `${n.path}.name`, ctx.location(n.index), {}, { name: n.node.name.trim(), other: ctx.location(first.index) });
  }
}

/** Names every project carries (预算执行率, 项目实施期, 群众满意度 …): boilerplate, not evidence of copying. */
const BOILERPLATE = ['预算执行率', '项目实施期', '实施期', '群众满意度', '满意度', '服务对象满意度', '社会公众满意度', '资金到位率', '完成及时率'];
export const COPY_NAME_SIMILARITY = 0.6;
export const COPY_MIN_MATCHES = 2;

/** True for a normalised name every project carries (预算执行率, 满意度 …). */
export function isBoilerplate(normalisedName: string): boolean {
  return BOILERPLATE.some((b) => normalisedName.endsWith(b));
}

interface CopyLeaf {
  node: NodeInfo;
  name: string;
  key: string;
  distinctive: boolean;
}

/** Same indicator set reused across embedded projects of one document (seed 001: 智慧监管平台 repeats 玉石). */
function checkCopiedProjects(ctx: AuditContext): void {
  const projects = ctx.doc.projects;
  if (projects.length < 2) return;
  const perProject: CopyLeaf[][] = projects.map(() => []);
  for (const n of ctx.nodes) {
    if (n.tree === 0 || !n.leaf || !n.substantive || !n.node.target) continue;
    const key = targetKey(ctx, n);
    if (key !== undefined) perProject[n.tree - 1]!.push({ node: n, name: ctx.norm(n), key, distinctive: true });
  }
  // A name found in three or more projects, or a name every project carries, is boilerplate.
  const frequency = new Map<string, number>();
  for (const leaves of perProject) for (const name of new Set(leaves.map((l) => l.name))) frequency.set(name, (frequency.get(name) ?? 0) + 1);
  for (const leaves of perProject) {
    for (const l of leaves) l.distinctive = (frequency.get(l.name) ?? 0) < 3 && !isBoilerplate(l.name);
  }
  // Distinctive leaves of each project by target key, to compare like with like only.
  const byKey = perProject.map((leaves) => {
    const m = new Map<string, CopyLeaf[]>();
    for (const l of leaves) if (l.distinctive) m.set(l.key, [...(m.get(l.key) ?? []), l]);
    return m;
  });
  for (let j = 1; j < projects.length; j++) {
    let best: { source: number; matches: CopyLeaf[] } | undefined;
    for (let i = 0; i < j; i++) {
      const matches: CopyLeaf[] = [];
      for (const b of perProject[j]!) {
        if (!b.distinctive) continue;
        if ((byKey[i]!.get(b.key) ?? []).some((a) => sameIndicator(a, b))) matches.push(b);
      }
      if (matches.length >= COPY_MIN_MATCHES && (!best || matches.length > best.matches.length)) best = { source: i, matches };
    }
    if (!best) continue;
    ctx.add('SMART-COPIED-PROJECT', `$.projects[${j}].indicators`, projects[j]!.name, { matches: String(best.matches.length) }, {
      project: projects[j]!.name,
      source: projects[best.source]!.name,
      list: best.matches.map((m) => `${m.node.node.name.trim()} ${m.node.node.target?.trim() ?? ''}`).join('；'),
    });
  }
}

/** Targets equal when their numbers and units are equal (≥80次 = 80次), or their texts are. */
function targetKey(ctx: AuditContext, n: NodeInfo): string | undefined {
  const t = ctx.target(n);
  return t ? targetKeyOf(t) : undefined;
}

/** The comparison key of a parsed target: number and unit, range and unit, or the normalised text. */
export function targetKeyOf(t: ParsedTarget): string {
  switch (t.kind) {
    case 'threshold':
    case 'exact':
      return `n:${t.value.toString()}:${t.percent ? '%' : (t.unit ?? '')}`;
    case 'range':
      return `r:${t.low.toString()}-${t.high.toString()}:${t.percent ? '%' : (t.unit ?? '')}`;
    default:
      return `t:${normName(t.text)}`;
  }
}

function sameIndicator(a: CopyLeaf, b: CopyLeaf): boolean {
  if (a.key !== b.key) return false;
  // A qualitative target counts only with the same name; a number with a similar name.
  if (a.key.startsWith('t:')) return a.name === b.name;
  return a.name === b.name || dice(a.name, b.name) >= COPY_NAME_SIMILARITY;
}
