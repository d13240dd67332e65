/**
 * @module The audit context: the document, its rule set and score report, and every indicator node
 * walked once with the aggregates the checks share (indicator weights, printed sums, categories).
 */
import { Dec } from '../decimal/index.js';
import { categoryOf, normaliseIndicatorName } from '../model/categories.js';
import type { EmbeddedProject, EvaluationDocument, IndicatorCategory, IndicatorNode } from '../model/index.js';
import { humanPath } from '../model/index.js';
import type { RuleSet } from '../rulesets/index.js';
import type { ScoredItem, ScoreReport } from '../scoring/index.js';
import { halfUnitOf } from '../scoring/index.js';
import { parseActualCached, parseTargetCached } from '../targets/index.js';
import type { ParsedActual, ParsedTarget, TargetHint } from '../targets/index.js';
import { CHECKS } from './messages.js';
import type { CheckCode } from './messages.js';
import { normName } from './text.js';
import type { Figures, Finding } from './types.js';

/** Sums over the substantive children of a section. */
export interface ChildSums {
  iw: Dec | undefined;
  ps: Dec | undefined;
  weightComplete: boolean;
  printedComplete: boolean;
}

type Pending = { code: CheckCode; path: string; location: string; figures: Figures; params: Figures };

const EMPTY: Figures = Object.freeze({}) as Figures;
const CRITERIA = new Set<IndicatorCategory>(['input', 'process', 'decision', 'management']);
const COST_NAME = /成本|费用|单价|经费/;
const TIME_NAME = /时间|时限|时长|周期|天数/;

const displayNames = new Map<string, string>();
/** A name as shown in a location: layout whitespace and weight labels removed (cached). */
function displayName(name: string): string {
  let hit = displayNames.get(name);
  if (hit === undefined) {
    if (displayNames.size > 20_000) displayNames.clear();
    hit = humanPath([normaliseIndicatorName(name) || name]);
    displayNames.set(name, hit);
  }
  return hit;
}

const categoryCaches = [new Map<string, IndicatorCategory | null>(), new Map<string, IndicatorCategory | null>(), new Map<string, IndicatorCategory | null>()] as const;
/** `categoryOf` with the name-based classification cached per depth class (0, 1, 2+) and name. */
function category(node: IndicatorNode, depth: number): IndicatorCategory | undefined {
  if (node.category) return node.category;
  const cache = categoryCaches[depth >= 2 ? 2 : depth === 1 ? 1 : 0];
  let hit = cache.get(node.name);
  if (hit === undefined) {
    if (cache.size > 20_000) cache.clear();
    hit = categoryOf(node, depth) ?? null;
    cache.set(node.name, hit);
  }
  return hit ?? undefined;
}

/** One indicator node of one tree, with what the checks need to know about it. */
export class NodeInfo {
  /** Index in `AuditContext.nodes`. */
  readonly index: number;
  readonly depth: number;
  /** 0 for the main tree, i + 1 for `projects[i]`. */
  readonly tree: number;
  readonly project: EmbeddedProject | undefined;
  /** Index of the parent in `AuditContext.nodes`, −1 for a root. */
  readonly parent: number;
  readonly children: number[] = [];
  readonly leaf: boolean;
  readonly category: IndicatorCategory | undefined;
  /** The node or an ancestor belongs to the satisfaction family. */
  readonly satisfaction: boolean;
  /** The node or an ancestor is a cost section (成本指标): targets without an operator are less-is-better. */
  readonly costSection: boolean;
  /** The node or an ancestor is a timeliness section (时效指标). */
  readonly timeSection: boolean;
  /** The node or an ancestor is an evaluation criterion (投入 / 过程 / 决策 / 管理), not a performance indicator. */
  readonly criterion: boolean;
  /** The score report's item for this node, when aligned. */
  readonly item: ScoredItem | undefined;
  readonly weight: Dec | undefined;
  readonly declared: Dec | undefined;
  readonly printed: Dec | undefined;
  /** Someone filled it in: a weight, a score, a target or an actual somewhere in it. */
  substantive = false;
  /** Indicator weight: its own weight, else the sum of its children's indicator weights (undefined when none). */
  iw: Dec | undefined = undefined;
  /** Every substantive child carries an indicator weight (recursively). A leaf is complete. */
  weightComplete = true;
  /** Printed score: its own, else the sum of its children's (undefined when none). */
  ps: Dec | undefined = undefined;
  /** Every substantive child has a printed score (recursively). */
  printedComplete = true;
  /** Sums over the substantive children (sections only). */
  sums: ChildSums | undefined = undefined;
  /** Lazily filled caches. */
  parsedTarget: ParsedTarget | null | undefined = undefined;
  parsedActual: ParsedActual | null | undefined = undefined;
  loc: string | undefined = undefined;
  private pathText: string | undefined = undefined;

  constructor(
    readonly node: IndicatorNode,
    private readonly up: NodeInfo | undefined,
    /** Index among the parent's children, or among the tree's roots. */
    private readonly slot: number,
    private readonly rootsPath: string,
    index: number,
    depth: number,
    tree: number,
    project: EmbeddedProject | undefined,
    item: ScoredItem | undefined,
  ) {
    this.index = index;
    this.depth = depth;
    this.tree = tree;
    this.project = project;
    this.parent = up ? up.index : -1;
    const kids = node.children;
    this.leaf = !kids || kids.length === 0;
    const c = category(node, depth);
    this.category = c;
    this.satisfaction = (up?.satisfaction ?? false) || c === 'satisfaction' || c === 'service-satisfaction';
    this.costSection = (up?.costSection ?? false) || c === 'cost' || c === 'cost-output';
    this.timeSection = (up?.timeSection ?? false) || c === 'timeliness';
    this.criterion = (up?.criterion ?? false) || (c !== undefined && CRITERIA.has(c));
    this.item = item;
    this.weight = item && this.leaf ? item.weight : dec(node.weight);
    this.declared = node.declaredWeight === undefined ? undefined : dec(node.declaredWeight);
    this.printed = item ? item.printed : dec(node.printedScore);
  }

  /** JSON path of the node, e.g. `$.indicators[1].children[0]` (built when first read). */
  get path(): string {
    if (this.pathText === undefined) {
      this.pathText = this.up ? `${this.up.path}.children[${this.slot}]` : `${this.rootsPath}[${this.slot}]`;
    }
    return this.pathText;
  }
}

const ruleFigureCache = new WeakMap<RuleSet, { maxTolerance: Dec; tooLowFactor: Dec; tooHighFactor: Dec }>();

/** The rule set's figures the checks use, parsed once per rule set object. */
function ruleFigures(rs: RuleSet): { maxTolerance: Dec; tooLowFactor: Dec; tooHighFactor: Dec } {
  let hit = ruleFigureCache.get(rs);
  if (!hit) {
    hit = {
      maxTolerance: Dec.of(rs.tolerance.max),
      tooLowFactor: Dec.of(rs.quantitative.targetTooLowFactor),
      tooHighFactor: Dec.of(rs.quantitative.targetTooHighFactor),
    };
    ruleFigureCache.set(rs, hit);
  }
  return hit;
}

export class AuditContext {
  readonly nodes: NodeInfo[] = [];
  /** Root nodes per tree (0 = main, i + 1 = projects[i]). */
  readonly roots: NodeInfo[][] = [];
  private readonly pending: Pending[] = [];
  private readonly maxTolerance: Dec;
  /** The rule set's "target set too low" factors, parsed once. */
  readonly tooLowFactor: Dec;
  readonly tooHighFactor: Dec;

  constructor(
    readonly doc: EvaluationDocument,
    readonly rs: RuleSet,
    readonly report: ScoreReport,
    readonly history: readonly EvaluationDocument[],
    readonly peers: readonly EvaluationDocument[] = [],
  ) {
    const figures = ruleFigures(rs);
    this.maxTolerance = figures.maxTolerance;
    this.tooLowFactor = figures.tooLowFactor;
    this.tooHighFactor = figures.tooHighFactor;
    this.walk();
  }

  // -------------------------------------------------------------------------------------------
  // Findings

  /** Records a finding; `params` are labels used only to word the message. */
  add(code: CheckCode, path: string, location: string, figures: Figures, params?: Figures): void {
    this.pending.push({ code, path, location, figures, params: params ?? EMPTY });
  }

  /** The findings recorded so far, rendered from the messages table (unsorted). */
  findings(): Finding[] {
    return this.pending.map((p) => {
      const def = CHECKS[p.code];
      const all = p.params === EMPTY ? p.figures : { ...p.params, ...p.figures };
      return {
        code: p.code,
        family: def.family,
        severity: def.severity,
        message: def.message(all),
        messageEn: def.messageEn(all),
        path: p.path,
        location: p.location,
        figures: p.figures,
        suggestion: def.suggestion(all),
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Tolerances

  /** |value − computed| within half a unit of the last place printed in `printed` (capped by the rule set's maximum when `capped`). */
  agrees(printed: string, value: Dec, computed: Dec, capped = true): boolean {
    let tol = halfUnitOf(printed);
    if (capped && this.maxTolerance.lt(tol)) tol = this.maxTolerance;
    return value.minus(computed).abs().lte(tol);
  }

  // -------------------------------------------------------------------------------------------
  // Nodes

  /** Human path of a node, with the embedded project's name in front. */
  location(i: number): string {
    const n = this.nodes[i]!;
    if (n.loc === undefined) {
      const own = displayName(n.node.name);
      const up = n.parent >= 0 ? this.location(n.parent) : n.project ? displayName(n.project.name) : '';
      n.loc = up ? `${up} › ${own}` : own;
    }
    return n.loc;
  }

  target(n: NodeInfo): ParsedTarget | undefined {
    if (n.parsedTarget === undefined) {
      const text = n.node.target;
      n.parsedTarget = text === undefined || text.trim() === '' ? null : parseTargetCached(text);
    }
    return n.parsedTarget ?? undefined;
  }

  actual(n: NodeInfo): ParsedActual | undefined {
    if (n.parsedActual === undefined) {
      const text = n.node.actual;
      n.parsedActual = text === undefined || text.trim() === '' ? null : parseActualCached(text);
    }
    return n.parsedActual ?? undefined;
  }

  /** Root nodes of a tree. */
  treeRoots(tree: number): readonly NodeInfo[] {
    return this.roots[tree] ?? [];
  }

  /** Normalised name of a node (cached per distinct name). */
  norm(n: NodeInfo): string {
    return normName(n.node.name);
  }

  /** JSON path of the tree's indicator list. */
  treePath(tree: number): string {
    return tree === 0 ? '$.indicators' : `$.projects[${tree - 1}].indicators`;
  }

  /** The weight a root section stands for in the framework: its indicators when fully itemised, else its declared weight when larger. */
  frameworkWeight(n: NodeInfo): Dec | undefined {
    if (n.weight !== undefined) return n.weight;
    const below = n.sums?.iw;
    if (n.declared === undefined) return below;
    if (below === undefined) return n.declared;
    if (n.sums?.weightComplete) return below;
    return Dec.max(below, n.declared);
  }

  /** How a target without an operator reads for this node (成本 / 时效 sections and names). */
  hint(n: NodeInfo): TargetHint | undefined {
    if (n.costSection || COST_NAME.test(n.node.name)) return 'cost';
    if (n.timeSection || TIME_NAME.test(n.node.name)) return 'time';
    return undefined;
  }

  private walk(): void {
    const items = this.report.items;
    let cursor = 0;
    let byPath: Map<string, ScoredItem> | undefined;
    /** The report lists the nodes in the same depth-first order; align by id and depth, by path if that ever fails. */
    const itemFor = (node: IndicatorNode, depth: number, slot: number, rootsPath: string, up: NodeInfo | undefined): ScoredItem | undefined => {
      if (!byPath) {
        const it = items[cursor];
        if (it && it.id === node.id && it.depth === depth && it.name === node.name) {
          cursor++;
          return it;
        }
        byPath = new Map(items.map((x) => [x.path, x]));
      }
      return byPath.get(up ? `${up.path}.children[${slot}]` : `${rootsPath}[${slot}]`);
    };

    const visit = (node: IndicatorNode, slot: number, rootsPath: string, depth: number, tree: number, project: EmbeddedProject | undefined, up: NodeInfo | undefined): NodeInfo => {
      const info = new NodeInfo(node, up, slot, rootsPath, this.nodes.length, depth, tree, project, itemFor(node, depth, slot, rootsPath, up));
      this.nodes.push(info);
      const kids = node.children;
      if (kids) for (let i = 0; i < kids.length; i++) info.children.push(visit(kids[i]!, i, rootsPath, depth + 1, tree, project, info).index);
      this.aggregate(info);
      return info;
    };

    const main: NodeInfo[] = [];
    const roots = this.doc.indicators;
    for (let i = 0; i < roots.length; i++) main.push(visit(roots[i]!, i, '$.indicators', 0, 0, undefined, undefined));
    this.roots.push(main);
    this.doc.projects.forEach((p, pi) => {
      const list: NodeInfo[] = [];
      p.indicators.forEach((n, i) => list.push(visit(n, i, `$.projects[${pi}].indicators`, 0, pi + 1, p, undefined)));
      this.roots.push(list);
    });
  }

  private aggregate(info: NodeInfo): void {
    const node = info.node;
    const own = node.weight !== undefined || node.printedScore !== undefined || !!node.target || !!node.actual;
    if (info.leaf) {
      info.substantive = own;
      info.iw = info.weight;
      info.ps = info.printed;
      return;
    }
    let substantive = own;
    let iwSum: Dec | undefined;
    let weightComplete = true;
    let psSum: Dec | undefined;
    let printedComplete = true;
    for (const c of info.children) {
      const child = this.nodes[c]!;
      if (!child.substantive) continue;
      substantive = true;
      if (child.iw === undefined || !child.weightComplete) weightComplete = false;
      if (child.iw !== undefined) iwSum = iwSum ? iwSum.plus(child.iw) : child.iw;
      if (child.ps === undefined || !child.printedComplete) printedComplete = false;
      if (child.ps !== undefined) psSum = psSum ? psSum.plus(child.ps) : child.ps;
    }
    info.substantive = substantive;
    info.iw = info.weight ?? iwSum;
    info.weightComplete = weightComplete;
    info.ps = info.printed ?? psSum;
    info.printedComplete = info.printed !== undefined || printedComplete;
    info.sums = { iw: iwSum, ps: psSum, weightComplete, printedComplete };
  }
}

export function dec(text: string | undefined): Dec | undefined {
  return text === undefined ? undefined : Dec.parse(text);
}
