/**
 * @module The scoring engine: a document and a rule set in, every score with its explanation out.
 *
 * Printed scores are never replaced: each item carries printed, computed and effective (what counts
 * toward the total) side by side, and `differs` says when the printed one disagrees with the rules.
 */
import { Dec } from '../decimal/index.js';
import type { EvaluationDocument, FundingTable, IndicatorCategory, IndicatorNode } from '../model/index.js';
import { categoryOf, humanPath, isSatisfaction } from '../model/index.js';
import type { FormulaKind, RuleSet, SectionRule } from '../rulesets/index.js';
import { defaultRuleSetFor, getRuleSet, ruleSetRef } from '../rulesets/index.js';
import { evaluate, parseActualCached, parseTargetCached } from '../targets/index.js';
import type { EvaluateOptions, Evaluation as TargetEvaluation, ParsedActual, ParsedTarget, TargetHint } from '../targets/index.js';
import { explain } from './lazy.js';
import { percentValue, printedAgrees } from './tolerance.js';
import type { ExecutionScore, Explanation, ItemStatus, ProjectScore, ScoredItem, ScoreReport, SectionScore } from './types.js';

const HUNDRED = Dec.HUNDRED;

/** Placeholder until an item's outcome is known. */
const PENDING: Explanation = Object.freeze({ formula: '', inputs: {}, result: '—', text: '' });

/** Picks the rule set for a document: an explicit one, the one the document names, or the default for its level. */
export function ruleSetFor(doc: EvaluationDocument, explicit?: RuleSet | string): RuleSet {
  if (explicit !== undefined) {
    if (typeof explicit !== 'string') return explicit;
    const rs = getRuleSet(explicit);
    if (!rs) throw new RangeError(`unknown rule set: ${explicit}`);
    return rs;
  }
  if (doc.ruleSet) {
    const rs = getRuleSet(doc.ruleSet);
    if (rs) return rs;
  }
  return defaultRuleSetFor(doc.header.level);
}

/** Scores a whole document. Pure and deterministic. */
export function scoreDocument(doc: EvaluationDocument, ruleSet?: RuleSet | string): ScoreReport {
  const rs = ruleSetFor(doc, ruleSet);
  const ctx = new Context(rs, doc);
  const execution = scoreExecution(doc, rs);

  const rootResults = doc.indicators.map((node, i) => ctx.scoreNode(node, 0, i, '$.indicators', undefined, undefined));
  const projects: ProjectScore[] = doc.projects.map((project, pi) => {
    const rootsPath = `$.projects[${pi}].indicators`;
    const results = project.indicators.map((node, i) => ctx.scoreNode(node, 0, i, rootsPath, undefined, project.id));
    const scored = results.filter((r) => r.counts && r.effective !== undefined);
    const projectTotal = scored.length > 0 ? Dec.sum(scored.map((r) => r.effective!)).round(rs.rounding.scorePlaces, rs.rounding.mode) : undefined;
    return {
      id: project.id,
      name: project.name,
      total: projectTotal,
      grade: projectTotal ? gradeFor(projectTotal, rs) : undefined,
      printedTotal: dec(project.printedTotal),
      printedGrade: project.printedGrade,
    };
  });

  let total = execution?.effective ?? Dec.ZERO;
  let weightSum = execution?.weight ?? Dec.ZERO;
  const counted = rootResults.filter((r) => r.counts);
  for (const r of counted) {
    if (r.effective) total = total.plus(r.effective);
    if (r.weight) weightSum = weightSum.plus(r.weight);
  }
  const totalWeight = compile(rs).totalWeight;
  let totalFormula = '预算执行率得分 + Σ 一级指标得分';
  if (rs.normalisation === 'scale-to-total' && !weightSum.isZero() && !weightSum.eq(totalWeight)) {
    total = total.times(totalWeight).div(weightSum, 12)!;
    totalFormula = `(${totalFormula}) × ${rs.totalWeight} ÷ 权重合计`;
  }
  total = total.round(rs.rounding.scorePlaces, rs.rounding.mode);
  if (execution?.ratePercent) {
    for (const cap of rs.executionCaps) {
      if (execution.ratePercent.lt(Dec.of(cap.rateBelow).times(HUNDRED)) && total.gt(Dec.of(cap.maxTotal))) {
        total = Dec.of(cap.maxTotal);
        totalFormula += `，执行率低于${Dec.of(cap.rateBelow).times(HUNDRED).toString()}%封顶${cap.maxTotal}分`;
        break;
      }
    }
  }

  const grade = gradeFor(total, rs);
  const printedTotal = dec(doc.meta.printedTotal);
  const printedGrade = doc.meta.printedGrade;
  const items = ctx.items;
  const leaves = items.filter((i) => i.leaf);
  const rules = compile(rs);
  return {
    ruleSet: rules.ref,
    level: doc.header.level,
    total,
    grade,
    printedTotal,
    printedGrade,
    totalDiffers: doc.meta.printedTotal !== undefined && !printedAgrees(doc.meta.printedTotal, total, rules.maxTolerance),
    gradeDiffers: printedGrade !== undefined && !gradeMatches(printedGrade, grade, rs),
    execution,
    scorable: execution?.effective !== undefined || counted.some((r) => r.effective !== undefined),
    projects,
    sections: ctx.sections,
    items,
    weightSum,
    uncomputed: leaves.filter((i) => i.status === 'given' || (i.computed === undefined && i.effective !== undefined)).length,
    missing: leaves.filter((i) => i.effective === undefined && i.weight !== undefined).length,
    explanation: explain(() => {
      const inputs: Record<string, string> = {};
      if (execution?.effective) inputs['预算执行率得分'] = execution.effective.toString();
      for (const r of counted) inputs[r.name] = r.effective?.toString() ?? '—';
      return { formula: totalFormula, inputs, result: total.toString(), text: `总分${total.toString()}分，等级“${grade}”（${rules.ref}）。` };
    }),
  };
}

/** The grade of a total: the first band whose lower bound (included) the total reaches. */
export function gradeFor(total: Dec, rs: RuleSet): string {
  const grades = compile(rs).grades;
  for (const g of grades) if (total.gte(g.min)) return g.grade;
  return grades[grades.length - 1]?.grade ?? '';
}

/** True when a printed grade ("优秀") names the computed one ("优"). */
export function gradeMatches(printed: string, grade: string, rs: RuleSet): boolean {
  const p = printed.replace(/[\s“”"'「」]/g, '');
  const rule = rs.grades.find((g) => g.grade === grade);
  return p === grade || (rule?.aliases.includes(p) ?? false);
}

// ---------------------------------------------------------------------------------------------
// Rule sets compiled once: the figures parsed, the lookups built.

interface CompiledRules {
  /** `id@version`. */
  ref: string;
  executionWeight: Dec | undefined;
  maxTolerance: Dec;
  totalWeight: Dec;
  /** Grades by lower bound, highest first. */
  grades: Array<{ grade: string; min: Dec }>;
  sectionByCategory: Map<IndicatorCategory, SectionRule>;
  qualitative: Record<'achieved' | 'partly' | 'not-achieved', [Dec, Dec]>;
  evaluateDefaults: EvaluateOptions;
}

const compiled = new WeakMap<RuleSet, CompiledRules>();

function compile(rs: RuleSet): CompiledRules {
  let c = compiled.get(rs);
  if (c) return c;
  const sectionByCategory = new Map<IndicatorCategory, SectionRule>();
  for (const section of rs.sections) for (const cat of section.categories) if (!sectionByCategory.has(cat)) sectionByCategory.set(cat, section);
  const pair = (t: readonly [string, string]): [Dec, Dec] => [Dec.of(t[0]), Dec.of(t[1])];
  c = {
    ref: ruleSetRef(rs),
    executionWeight: rs.execution ? Dec.of(rs.execution.weight) : undefined,
    maxTolerance: Dec.of(rs.tolerance.max),
    totalWeight: Dec.of(rs.totalWeight),
    grades: rs.grades.map((g) => ({ grade: g.grade, min: Dec.of(g.min) })).sort((a, b) => b.min.cmp(a.min)),
    sectionByCategory,
    qualitative: { achieved: pair(rs.qualitative.achieved), partly: pair(rs.qualitative.partly), 'not-achieved': pair(rs.qualitative.notAchieved) },
    evaluateDefaults: Object.freeze({ missedDeadline: rs.quantitative.missedDeadline === 'proportional' ? 'ratio' : 'zero' }),
  };
  compiled.set(rs, c);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Budget execution (预算执行率)

/** The main funding table: the 项目资金 block whose total row drives the execution rate. */
export function mainFundingTable(doc: EvaluationDocument): FundingTable | undefined {
  return doc.funding?.tables.find((t) => t.kind === 'project-funding');
}

function scoreExecution(doc: EvaluationDocument, rs: RuleSet): ExecutionScore | undefined {
  if (!rs.execution) return undefined;
  const rules = compile(rs);
  const printed = doc.funding?.execution;
  const weight = dec(printed?.weight) ?? rules.executionWeight!;
  const table = mainFundingTable(doc);
  let totalRow: FundingTable['rows'][number] | undefined;
  if (table) for (const r of table.rows) if (r.role === 'total') { totalRow = r; break; }
  const annualBudget = dec(totalRow?.amounts.annualBudget);
  const executed = dec(totalRow?.amounts.executed);
  const printedScore = dec(printed?.printedScore);
  const printedRate = printed?.printedRate;
  const formula = '分值 × min(全年执行数 ÷ 全年预算数, 1)';
  const printedFields = { weight, annualBudget, executed, printedRate, printed: printedScore };
  if (!annualBudget || !executed || annualBudget.isZero()) {
    const missing = !annualBudget ? '全年预算数' : !executed ? '全年执行数' : '全年预算数为0';
    return {
      ...printedFields,
      ratePercent: undefined,
      rateDiffers: false,
      capped: false,
      computed: undefined,
      effective: printedScore,
      differs: false,
      explanation: explain(() => ({
        formula,
        inputs: { 分值: weight.toString() },
        result: printedScore?.toString() ?? '—',
        text: `缺少${missing}，无法计算预算执行率${printedScore ? `，按所印得分${printedScore.toString()}分计` : ''}。`,
      })),
    };
  }
  const { ratePlaces, scorePlaces, mode } = rs.rounding;
  const ratePercent = executed.times(HUNDRED).div(annualBudget, ratePlaces, mode)!;
  const capped = executed.gt(annualBudget);
  const computed = capped ? weight.round(scorePlaces, mode) : weight.times(executed).div(annualBudget, scorePlaces, mode)!;
  return {
    ...printedFields,
    ratePercent,
    rateDiffers: printedRate !== undefined && !printedAgreesPercent(printedRate, executed, annualBudget),
    capped,
    computed,
    effective: computed,
    differs: printedScore !== undefined && !printedAgrees(printed!.printedScore!, computed, rules.maxTolerance),
    explanation: explain(() => ({
      formula,
      inputs: { 分值: weight.toString(), 全年预算数: annualBudget.toString(), 全年执行数: executed.toString() },
      result: computed.toString(),
      text:
        `预算执行率 = ${executed.toString()} ÷ ${annualBudget.toString()} = ${ratePercent.toString()}%` +
        (capped ? `，超过100%按100%计分` : '') +
        `，得分 ${computed.toString()}（分值${weight.toString()}）。`,
    })),
  };
}

/** Compares a printed rate with the exact quotient, at the printed precision. */
function printedAgreesPercent(printedRate: string, executed: Dec, budget: Dec): boolean {
  const p = percentValue(printedRate);
  if (!p) return false;
  const exact = executed.times(HUNDRED).div(budget, 12)!;
  return printedAgrees(printedRate, exact);
}

// ---------------------------------------------------------------------------------------------
// Indicators

/** A scored node. Paths and names are derived from the parent chain when read, not built per node. */
class Item implements ScoredItem {
  weight: Dec | undefined = undefined;
  printed: Dec | undefined = undefined;
  computed: Dec | undefined = undefined;
  effective: Dec | undefined = undefined;
  review: Dec | undefined = undefined;
  method: ScoredItem['method'] = 'none';
  status: ItemStatus = 'missing';
  ratio: Dec | undefined = undefined;
  differs = false;
  explanation: Explanation = PENDING;
  /** True when the item counts toward its parent: it carries a weight (an empty or weightless row does not). */
  counts = false;
  readonly id: string;
  readonly name: string;

  constructor(
    node: IndicatorNode,
    readonly category: IndicatorCategory | undefined,
    readonly parent: Item | undefined,
    /** Index among the parent's children, or among the roots. */
    private readonly index: number,
    /** JSON path of the roots' array, e.g. `$.indicators`. */
    private readonly rootsPath: string,
    readonly depth: number,
    readonly leaf: boolean,
    readonly project: string | undefined,
  ) {
    this.id = node.id;
    this.name = node.name;
  }

  get path(): string {
    return this.parent ? `${this.parent.path}.children[${this.index}]` : `${this.rootsPath}[${this.index}]`;
  }

  get names(): string[] {
    const out: string[] = [this.name];
    for (let it = this.parent; it; it = it.parent) out.push(it.name);
    return out.reverse();
  }

  get location(): string {
    return humanPath(this.names);
  }

  /** True when this node or an ancestor has one of the categories. */
  within(test: (c: IndicatorCategory) => boolean): boolean {
    if (this.category !== undefined && test(this.category)) return true;
    for (let it = this.parent; it; it = it.parent) if (it.category !== undefined && test(it.category)) return true;
    return false;
  }

  toJSON(): Record<string, unknown> {
    return {
      id: this.id, path: this.path, names: this.names, location: this.location, name: this.name, depth: this.depth,
      leaf: this.leaf, project: this.project, weight: this.weight, printed: this.printed, computed: this.computed,
      effective: this.effective, review: this.review, method: this.method, status: this.status, ratio: this.ratio,
      differs: this.differs, explanation: this.explanation,
    };
  }
}

class Context {
  readonly items: ScoredItem[] = [];
  readonly sections: SectionScore[] = [];
  /** Section nodes scored as leaves, for their declared weight in the section list. */
  readonly nodeOf = new Map<Item, IndicatorNode>();
  readonly rules: CompiledRules;
  private readonly scorePlaces: number;

  constructor(
    private readonly rs: RuleSet,
    private readonly doc: EvaluationDocument,
  ) {
    this.rules = compile(rs);
    this.scorePlaces = rs.rounding.scorePlaces;
  }

  scoreNode(
    node: IndicatorNode,
    depth: number,
    index: number,
    rootsPath: string,
    parent: Item | undefined,
    project: string | undefined,
  ): Item {
    // Names classify sections; a leaf below the second level keeps only a category set explicitly
    // (its long name, 生产及流通领域产品质量监督抽查合格率, is not a section heading).
    const category = depth >= 2 && !node.children?.length ? node.category : categoryOf(node, depth);
    const children = node.children;
    const hasChildren = children !== undefined && children.length > 0;
    const printed = dec(node.printedScore);

    if (!hasChildren || !children.some(hasWeightBelow)) {
      // A leaf, or a section whose children carry no weights (they are details of it, seed 002's 产出).
      const item = new Item(node, category, parent, index, rootsPath, depth, !hasChildren, project);
      const result = this.scoreLeaf(node, item);
      if (hasChildren) {
        for (let i = 0; i < children.length; i++) this.scoreNode(children[i]!, depth + 1, i, rootsPath, item, project);
        this.recordSection(item, result.weight, result.effective);
      }
      return result;
    }

    const item = new Item(node, category, parent, index, rootsPath, depth, false, project);
    item.method = 'sum';
    item.status = 'summed';
    this.items.push(item);
    let childWeight = Dec.ZERO;
    let effective: Dec | undefined;
    let printedSum: Dec | undefined = Dec.ZERO;
    const counted: Item[] = [];
    for (let i = 0; i < children.length; i++) {
      const r = this.scoreNode(children[i]!, depth + 1, i, rootsPath, item, project);
      if (!r.counts) continue;
      counted.push(r);
      if (r.weight) childWeight = childWeight.plus(r.weight);
      if (r.effective) effective = effective ? effective.plus(r.effective) : r.effective;
      printedSum = r.printed && printedSum ? printedSum.plus(r.printed) : undefined;
    }
    let weight = node.weight !== undefined ? Dec.parse(node.weight) : undefined;
    weight ??= childWeight;
    const sectionWeight = weight;
    const itemisedSum = effective;
    let remainder: { score: Dec; weight: Dec; count: number } | undefined;
    const declared = node.weight ?? node.declaredWeight;
    if (declared !== undefined && this.rs.unitemisedRemainder === 'printed' && printed && printedSum) {
      // Part of the section's weight may not be itemised (seed 002: 效果 25 lists only 满意度 5).
      let unweighted = 0;
      for (const c of children) if (!hasWeightBelow(c) && isSubstantive(c)) unweighted++;
      const sectionDeclared = Dec.parse(declared);
      if (unweighted > 0 && sectionDeclared) {
        const remainderWeight = sectionDeclared.minus(childWeight);
        if (remainderWeight.gt(Dec.ZERO)) {
          remainder = { score: printed.minus(printedSum), weight: remainderWeight, count: unweighted };
          effective = (effective ?? Dec.ZERO).plus(remainder.score);
          weight = sectionDeclared;
        }
      }
    }
    item.weight = weight;
    item.printed = printed;
    item.computed = effective;
    item.effective = effective;
    item.differs = printed !== undefined && effective !== undefined && !printedAgrees(node.printedScore!, effective, this.rules.maxTolerance);
    const total = effective;
    item.explanation = explain(() => {
      const inputs: Record<string, string> = {};
      for (const r of counted) inputs[r.name] = r.effective?.toString() ?? '—';
      if (!remainder) {
        return { formula: 'Σ 下级指标得分', inputs, result: total?.toString() ?? '—', text: `下级指标得分之和为${total?.toString() ?? '—'}分。` };
      }
      inputs['未分项部分'] = `${remainder.score.toString()}（分值${remainder.weight.toString()}）`;
      return {
        formula: 'Σ 已列明分值的下级指标得分 + 未分项部分（按所印得分）',
        inputs,
        result: total?.toString() ?? '—',
        text: `已列明分值的下级指标合计${itemisedSum?.toString() ?? '0'}分，未分项的${remainder.count}项（分值${remainder.weight.toString()}）按所印得分${remainder.score.toString()}分计入，合计${total?.toString() ?? '—'}分。`,
      };
    });
    if (depth <= 1) this.recordSection(item, sectionWeight, effective);
    item.counts = true;
    return item;
  }

  private recordSection(item: Item, weight: Dec | undefined, score: Dec | undefined): void {
    const node = this.nodeOf.get(item);
    this.sections.push({
      id: item.id,
      name: item.name,
      path: item.path,
      project: item.project,
      weight,
      declaredWeight: dec(node?.declaredWeight),
      score,
    });
  }

  private scoreLeaf(node: IndicatorNode, item: Item): Item {
    const weight = dec(node.weight) ?? (item.leaf ? undefined : dec(node.declaredWeight));
    const printed = dec(node.printedScore);
    item.weight = weight;
    item.printed = printed;
    if (node.review) item.review = dec(node.review.score);
    this.items.push(item);
    if (!item.leaf) this.nodeOf.set(item, node);

    if (!weight) {
      const substantive = isSubstantive(node);
      item.effective = printed;
      item.status = printed ? 'given' : 'missing';
      item.explanation = explain(() => ({
        formula: '—',
        inputs: {},
        result: printed?.toString() ?? '—',
        text: substantive ? '未设分值，不计分。' : '空行（未填写指标），不计分。',
      }));
      // A weightless detail row does not count toward its parent.
      return item;
    }

    const outcome = this.compute(node, weight, printed, item);
    item.method = outcome.method;
    item.status = outcome.status;
    item.computed = outcome.computed;
    item.ratio = outcome.ratio;
    item.explanation = outcome.explanation;
    const override = node.override ? dec(node.override.score) : undefined;
    item.effective = override ?? outcome.computed ?? printed;
    item.differs =
      printed !== undefined && outcome.computed !== undefined && !printedAgrees(node.printedScore!, outcome.computed, this.rules.maxTolerance);
    if (override) {
      const base = item.explanation;
      const reason = node.override!.reason;
      item.explanation = explain(() => ({
        formula: base.formula,
        inputs: { ...base.inputs, 调整得分: override.toString() },
        result: override.toString(),
        text: `${base.text} 填报人调整为${override.toString()}分，理由：${reason}`,
      }));
    }
    item.counts = true;
    return item;
  }

  /** The deepest section rule matching the node or one of its ancestors. */
  private sectionRuleFor(item: Item): SectionRule | undefined {
    for (let it: Item | undefined = item; it; it = it.parent) {
      if (it.category === undefined) continue;
      const rule = this.rules.sectionByCategory.get(it.category);
      if (rule) return rule;
    }
    return undefined;
  }

  private compute(node: IndicatorNode, weight: Dec, printed: Dec | undefined, item: Item): Outcome {
    const rs = this.rs;
    const places = this.scorePlaces;
    const mode = rs.rounding.mode;
    const cells = new Cells(node);
    const formula: FormulaKind = pickFormula(node, cells, this.sectionRuleFor(item), item, rs);
    const w = weight.toString();

    switch (formula) {
      case 'survey-score': {
        const score = this.surveyScore(cells);
        if (!score) return givenOutcome('survey-score', printed, '满意度按问卷得分折算，但未给出问卷得分');
        const computed = weight.times(score).div(HUNDRED, places, mode)!;
        return {
          method: 'survey-score',
          status: computed.eq(weight) ? 'met' : 'partly-met',
          computed,
          explanation: explain(() => ({
            formula: '分值 × 问卷得分 ÷ 100',
            inputs: { 分值: w, 问卷得分: score.toString() },
            result: computed.toString(),
            text: `${w} × ${score.toString()} ÷ 100 = ${computed.toString()}分。`,
          })),
        };
      }
      case 'rate-proportional': {
        const a = cells.actual;
        if (a.kind !== 'measure' || !a.percent) return givenOutcome('rate-proportional', printed, '实际值不是百分比');
        const computed = weight.times(a.value).div(HUNDRED, places, mode)!;
        return {
          method: 'rate-proportional',
          status: a.value.gte(HUNDRED) ? 'met' : 'partly-met',
          computed,
          explanation: explain(() => ({
            formula: '分值 × 实际比率（未设目标值）',
            inputs: { 分值: w, 实际: node.actual ?? '' },
            result: computed.toString(),
            text: `未设目标值，按比率计分：${w} × ${a.value.toString()}% = ${computed.toString()}分。`,
          })),
        };
      }
      case 'grading-bands':
        return this.gradingBands(node, weight, printed);
      case 'qualitative':
        return this.qualitative(node, cells, weight, printed);
      case 'quantitative':
        return this.quantitative(node, cells, weight, printed, item);
      case 'given':
        return givenOutcome('given', printed, node.target ? '' : '未填写年度指标值');
    }
  }

  private surveyScore(cells: Cells): Dec | undefined {
    const a = cells.actual;
    if (a.kind === 'measure' && !a.percent && (a.unit === undefined || a.unit === '分') && a.value.lte(HUNDRED)) return a.value;
    return dec(this.doc.meta.survey?.score);
  }

  private quantitative(node: IndicatorNode, cells: Cells, weight: Dec, printed: Dec | undefined, item: Item): Outcome {
    const target = cells.target;
    const actual = cells.actual;
    const hint = hintFor(node, item);
    const ev = evaluate(
      target,
      actual,
      hint === undefined && node.direction === undefined
        ? this.rules.evaluateDefaults
        : { ...this.rules.evaluateDefaults, ...(hint ? { hint } : {}), ...(node.direction ? { direction: node.direction } : {}) },
    );
    const w = weight.toString();
    const inputs = (): Record<string, string> => ({ 分值: w, 目标: node.target ?? '', 实际: node.actual ?? '' });
    const places = this.scorePlaces;
    const mode = this.rs.rounding.mode;
    switch (ev.status) {
      case 'met':
        return {
          method: 'quantitative',
          status: 'met',
          computed: weight.round(places, mode),
          ratio: Dec.ONE,
          explanation: explain(() => ({ formula: '达成目标得满分', inputs: inputs(), result: w, text: `${ev.explanation}，得满分${w}分。` })),
        };
      case 'partly-met': {
        let computed = ev.ratioParts
          ? weight.times(ev.ratioParts.numerator).div(ev.ratioParts.denominator, places, mode)!
          : weight.times(ev.ratio ?? Dec.ZERO).round(places, mode);
        computed = this.applyDeviationPenalty(computed, weight, ev);
        const formula = ev.direction === 'lower-better' ? '分值 × 目标值 ÷ 实际值' : ev.direction === 'higher-better' ? '分值 × 实际值 ÷ 目标值' : '分值 × 完成比例';
        return {
          method: 'quantitative',
          status: 'partly-met',
          computed,
          ratio: ev.ratio,
          explanation: explain(() => ({
            formula,
            inputs: inputs(),
            result: computed.toString(),
            text: `${ev.explanation}，得分 ${w} × ${ev.ratio?.toString() ?? '?'} ≈ ${computed.toString()}分。`,
          })),
        };
      }
      case 'not-met': {
        const computed = Dec.ZERO;
        return {
          method: 'quantitative',
          status: 'not-met',
          computed,
          ratio: ev.ratio ?? Dec.ZERO,
          explanation: explain(() => ({ formula: '未达成', inputs: inputs(), result: computed.toString(), text: `${ev.explanation}，得${computed.toString()}分。` })),
        };
      }
      case 'not-comparable':
        return {
          method: 'quantitative',
          status: 'not-comparable',
          computed: undefined,
          explanation: explain(() => ({
            formula: '无法比较',
            inputs: inputs(),
            result: printed?.toString() ?? '—',
            text: `${ev.explanation}，无法按规则计分${printed ? `，按所印得分${printed.toString()}分计入（未核算）` : ''}。`,
          })),
        };
    }
  }

  private applyDeviationPenalty(computed: Dec, _weight: Dec, ev: TargetEvaluation): Dec {
    const penalty = this.rs.quantitative.deviationPenalty;
    if (!penalty || ev.ratio === undefined) return computed;
    const deviation = Dec.ONE.minus(ev.ratio);
    if (deviation.lt(Dec.of(penalty.threshold))) return computed;
    const reduced = computed.minus(Dec.of(penalty.points));
    return reduced.isNegative() ? Dec.ZERO : reduced;
  }

  private qualitative(node: IndicatorNode, cells: Cells, weight: Dec, printed: Dec | undefined): Outcome {
    const rs = this.rs;
    const target = cells.target;
    const actual = cells.actual;
    const ev = evaluate(target, actual, {});
    const completion =
      node.completion ?? (ev.status === 'met' ? 'achieved' : ev.status === 'partly-met' ? 'partly' : ev.status === 'not-met' ? 'not-achieved' : undefined);
    const w = weight.toString();
    const inputs: Record<string, string> = { 分值: w, 目标: node.target ?? '', 实际: node.actual ?? '' };
    if (!completion) return givenOutcome('qualitative', printed, `${ev.explanation}，无法判断完成档次`);
    const shares = this.rules.qualitative[completion];
    const lo = weight.times(shares[0]).round(rs.rounding.scorePlaces, rs.rounding.mode);
    const hi = weight.times(shares[1]).round(rs.rounding.scorePlaces, rs.rounding.mode);
    const bandName = completion === 'achieved' ? '达成年度指标' : completion === 'partly' ? '部分达成并具有一定效果' : '未达成且效果较差';
    const band = `${lo.toString()}–${hi.toString()}分`;
    inputs['完成档次'] = `${bandName}（${band}）`;
    if (!printed) {
      return {
        method: 'qualitative',
        status: 'proposed',
        computed: hi,
        explanation: explain(() => ({ formula: '定性指标分档，未印得分取档内上限', inputs, result: hi.toString(), text: `定性指标，${bandName}，档内${band}，建议得分${hi.toString()}分。` })),
      };
    }
    if (printed.gte(lo) && printed.lte(hi)) {
      return {
        method: 'qualitative',
        status: 'within-band',
        computed: printed,
        explanation: explain(() => ({ formula: '定性指标分档，所印得分在档内即采纳', inputs, result: printed.toString(), text: `定性指标，${bandName}，所印得分${printed.toString()}分在${band}档内。` })),
      };
    }
    const nearest = printed.lt(lo) ? lo : hi;
    return {
      method: 'qualitative',
      status: 'outside-band',
      computed: nearest,
      explanation: explain(() => ({
        formula: '定性指标分档，档外得分取最近的档边界',
        inputs,
        result: nearest.toString(),
        text: `定性指标，${bandName}，档内应为${band}，所印得分${printed.toString()}分在档外，按${nearest.toString()}分计。`,
      })),
    };
  }

  private gradingBands(node: IndicatorNode, weight: Dec, printed: Dec | undefined): Outcome {
    const rs = this.rs;
    const valueText = node.completionRate ?? node.actual ?? '';
    const actual = parseActualCached(valueText);
    const bands = node.bands ?? {};
    const order = [
      ['excellent', '优', rs.gradingBands.excellent],
      ['good', '良', rs.gradingBands.good],
      ['fair', '中', rs.gradingBands.fair],
      ['poor', '差', rs.gradingBands.poor],
    ] as const;
    const w = weight.toString();
    for (const [key, label, share] of order) {
      const text = bands[key];
      if (!text) continue;
      const ev = evaluate(parseTargetCached(text), actual, {});
      if (ev.status === 'met') {
        const computed = weight.times(Dec.of(share)).round(rs.rounding.scorePlaces, rs.rounding.mode);
        return {
          method: 'grading-bands',
          status: key === 'excellent' ? 'met' : key === 'poor' ? 'not-met' : 'partly-met',
          computed,
          explanation: explain(() => ({
            formula: '分值 × 所在档计分比例（优100%／良80%／中60%／差0%）',
            inputs: { 分值: w, 实际: valueText, [`${label}档`]: text },
            result: computed.toString(),
            text: `实际${valueText}落在“${label}”档（${text}），得分 ${w} × ${Dec.of(share).times(HUNDRED).toString()}% = ${computed.toString()}分。`,
          })),
        };
      }
    }
    return givenOutcome('grading-bands', printed, `实际${valueText || '（空）'}无法归入任何绩效标准档`);
  }
}

interface Outcome {
  method: FormulaKind;
  status: ItemStatus;
  computed: Dec | undefined;
  ratio?: Dec | undefined;
  explanation: Explanation;
}

function givenOutcome(method: FormulaKind, printed: Dec | undefined, why: string): Outcome {
  const reason = why ? `${why}，` : '';
  return {
    method,
    status: printed ? 'given' : 'missing',
    computed: undefined,
    explanation: explain(() => ({
      formula: '无可计算的依据',
      inputs: (printed ? { 所印得分: printed.toString() } : {}) as Record<string, string>,
      result: printed?.toString() ?? '—',
      text: printed ? `${reason}按所印得分${printed.toString()}分计入（未核算）。` : `${reason}且未给出得分。`,
    })),
  };
}

/**
 * Chooses how a leaf is scored:
 * 1. the section's forced formula (e.g. 满意度 by survey score in the Yunnan scheme), when it applies;
 * 2. per-indicator grading bands when the node has them;
 * 3. a qualitative target → qualitative bands; any other target → quantitative;
 * 4. a satisfaction rate with no target → the rule set's choice;
 * 5. otherwise the printed points are taken as given.
 */
function pickFormula(node: IndicatorNode, cells: Cells, sectionRule: SectionRule | undefined, item: Item, rs: RuleSet): FormulaKind {
  if (sectionRule?.leafFormula && sectionRule.leafFormula !== 'given') return sectionRule.leafFormula;
  const bands = node.bands;
  if (bands && (bands.excellent || bands.good || bands.fair || bands.poor) && (node.completionRate || node.actual)) return 'grading-bands';
  const targetText = node.target?.trim();
  if (targetText) {
    return cells.target.kind === 'qualitative' ? 'qualitative' : 'quantitative';
  }
  if (rs.satisfactionWithoutTarget === 'rate-proportional' && item.within(isSatisfaction)) {
    const a = cells.actual;
    if (a.kind === 'measure' && a.percent) return 'rate-proportional';
  }
  return 'given';
}

/** The target and actual cells of a leaf, each parsed (through the cache) at most once. */
class Cells {
  private t: ParsedTarget | undefined;
  private a: ParsedActual | undefined;
  constructor(private readonly node: IndicatorNode) {}
  get target(): ParsedTarget {
    return (this.t ??= parseTargetCached(this.node.target ?? ''));
  }
  get actual(): ParsedActual {
    return (this.a ??= parseActualCached(this.node.actual ?? ''));
  }
}

function hintFor(node: IndicatorNode, item: Item): TargetHint | undefined {
  if (item.within(isCost) || COST_NAME.test(node.name)) return 'cost';
  if (item.within(isTimeliness) || TIME_NAME.test(node.name)) return 'time';
  return undefined;
}

const COST_NAME = /成本|费用|单价|经费/;
const TIME_NAME = /时间|时限|时长|周期|天数/;
const isCost = (c: IndicatorCategory): boolean => c === 'cost' || c === 'cost-output';
const isTimeliness = (c: IndicatorCategory): boolean => c === 'timeliness';

function hasWeightBelow(node: IndicatorNode): boolean {
  if (node.weight !== undefined) return true;
  const children = node.children;
  if (!children) return false;
  for (const c of children) if (hasWeightBelow(c)) return true;
  return false;
}

/** A node someone filled in: a weight, a score, a target or an actual somewhere in it. */
function isSubstantive(node: IndicatorNode): boolean {
  if (node.weight !== undefined || node.printedScore !== undefined || node.target || node.actual) return true;
  return (node.children ?? []).some(isSubstantive);
}

function dec(text: string | undefined): Dec | undefined {
  return text === undefined ? undefined : Dec.parse(text);
}
