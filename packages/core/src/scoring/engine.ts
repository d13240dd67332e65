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
import type { Evaluation as TargetEvaluation, ParsedActual, ParsedTarget, TargetHint } from '../targets/index.js';
import { percentValue, printedAgrees } from './tolerance.js';
import type { ExecutionScore, Explanation, ItemStatus, ScoredItem, ScoreReport, SectionScore } from './types.js';

const HUNDRED = Dec.HUNDRED;

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

  const rootResults = doc.indicators.map((node, i) => ctx.scoreNode(node, 0, `$.indicators[${i}]`, [], [], undefined));
  for (const [pi, project] of doc.projects.entries()) {
    project.indicators.forEach((node, i) =>
      ctx.scoreNode(node, 0, `$.projects[${pi}].indicators[${i}]`, [], [], project.id),
    );
  }

  let total = execution?.effective ?? Dec.ZERO;
  let weightSum = execution?.weight ?? Dec.ZERO;
  for (const r of rootResults) {
    if (r.effective) total = total.plus(r.effective);
    if (r.weight) weightSum = weightSum.plus(r.weight);
  }
  const totalWeight = Dec.of(rs.totalWeight);
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
  const inputs: Record<string, string> = {};
  if (execution?.effective) inputs['预算执行率得分'] = execution.effective.toString();
  for (const r of rootResults) inputs[r.name] = r.effective?.toString() ?? '—';

  return {
    ruleSet: ruleSetRef(rs),
    level: doc.header.level,
    total,
    grade,
    printedTotal,
    printedGrade,
    totalDiffers: doc.meta.printedTotal !== undefined && !printedAgrees(doc.meta.printedTotal, total, Dec.of(rs.tolerance.max)),
    gradeDiffers: printedGrade !== undefined && !gradeMatches(printedGrade, grade, rs),
    execution,
    sections: ctx.sections,
    items,
    weightSum,
    uncomputed: leaves.filter((i) => i.status === 'given' || (i.computed === undefined && i.effective !== undefined)).length,
    missing: leaves.filter((i) => i.effective === undefined && i.weight !== undefined).length,
    explanation: {
      formula: totalFormula,
      inputs,
      result: total.toString(),
      text: `总分${total.toString()}分，等级“${grade}”（${ruleSetRef(rs)}）。`,
    },
  };
}

/** The grade of a total: the first band whose lower bound (included) the total reaches. */
export function gradeFor(total: Dec, rs: RuleSet): string {
  const sorted = [...rs.grades].sort((a, b) => Dec.of(b.min).cmp(Dec.of(a.min)));
  for (const g of sorted) if (total.gte(Dec.of(g.min))) return g.grade;
  return sorted[sorted.length - 1]?.grade ?? '';
}

/** True when a printed grade ("优秀") names the computed one ("优"). */
export function gradeMatches(printed: string, grade: string, rs: RuleSet): boolean {
  const p = printed.replace(/[\s“”"'「」]/g, '');
  const rule = rs.grades.find((g) => g.grade === grade);
  return p === grade || (rule?.aliases.includes(p) ?? false);
}

// ---------------------------------------------------------------------------------------------
// Budget execution (预算执行率)

/** The main funding table: the 项目资金 block whose total row drives the execution rate. */
export function mainFundingTable(doc: EvaluationDocument): FundingTable | undefined {
  return doc.funding?.tables.find((t) => t.kind === 'project-funding');
}

function scoreExecution(doc: EvaluationDocument, rs: RuleSet): ExecutionScore | undefined {
  if (!rs.execution) return undefined;
  const printed = doc.funding?.execution;
  const weight = dec(printed?.weight) ?? Dec.of(rs.execution.weight);
  const totalRow = mainFundingTable(doc)?.rows.find((r) => r.role === 'total');
  const annualBudget = dec(totalRow?.amounts.annualBudget);
  const executed = dec(totalRow?.amounts.executed);
  const printedScore = dec(printed?.printedScore);
  const base = {
    weight,
    annualBudget,
    executed,
    printedRate: printed?.printedRate,
    printed: printedScore,
  };
  if (!annualBudget || !executed || annualBudget.isZero()) {
    const missing = !annualBudget ? '全年预算数' : !executed ? '全年执行数' : '全年预算数为0';
    return {
      ...base,
      rateDiffers: false,
      capped: false,
      computed: undefined,
      effective: printedScore,
      differs: false,
      explanation: {
        formula: '分值 × min(全年执行数 ÷ 全年预算数, 1)',
        inputs: { 分值: weight.toString() },
        result: printedScore?.toString() ?? '—',
        text: `缺少${missing}，无法计算预算执行率${printedScore ? `，按所印得分${printedScore.toString()}分计` : ''}。`,
      },
    };
  }
  const { ratePlaces, scorePlaces, mode } = rs.rounding;
  const ratePercent = executed.times(HUNDRED).div(annualBudget, ratePlaces, mode)!;
  const capped = executed.gt(annualBudget);
  const computed = capped ? weight.round(scorePlaces, mode) : weight.times(executed).div(annualBudget, scorePlaces, mode)!;
  const rateDiffers = printed?.printedRate !== undefined && !printedAgreesPercent(printed.printedRate, executed, annualBudget);
  return {
    ...base,
    ratePercent,
    rateDiffers,
    capped,
    computed,
    effective: computed,
    differs: printedScore !== undefined && !printedAgrees(printed!.printedScore!, computed, Dec.of(rs.tolerance.max)),
    explanation: {
      formula: '分值 × min(全年执行数 ÷ 全年预算数, 1)',
      inputs: { 分值: weight.toString(), 全年预算数: annualBudget.toString(), 全年执行数: executed.toString() },
      result: computed.toString(),
      text:
        `预算执行率 = ${executed.toString()} ÷ ${annualBudget.toString()} = ${ratePercent.toString()}%` +
        (capped ? `，超过100%按100%计分` : '') +
        `，得分 ${computed.toString()}（分值${weight.toString()}）。`,
    },
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

interface NodeResult {
  name: string;
  weight: Dec | undefined;
  effective: Dec | undefined;
  printed: Dec | undefined;
  /** True when something below carries a weight or a score (not an empty placeholder row). */
  substantive: boolean;
}

class Context {
  readonly items: ScoredItem[] = [];
  readonly sections: SectionScore[] = [];
  private readonly scorePlaces: number;
  private readonly maxTolerance: Dec;

  constructor(
    private readonly rs: RuleSet,
    private readonly doc: EvaluationDocument,
  ) {
    this.scorePlaces = rs.rounding.scorePlaces;
    this.maxTolerance = Dec.of(rs.tolerance.max);
  }

  scoreNode(
    node: IndicatorNode,
    depth: number,
    path: string,
    parentNames: string[],
    ancestorCategories: Array<IndicatorCategory | undefined>,
    project: string | undefined,
  ): NodeResult {
    const names = [...parentNames, node.name];
    const category = categoryOf(node, depth);
    const categories = [...ancestorCategories, category];
    const children = node.children ?? [];
    const weightedBelow = children.filter(hasWeightBelow);
    const printed = dec(node.printedScore);

    if (children.length === 0 || weightedBelow.length === 0) {
      // A leaf, or a section whose children carry no weights (they are details of it, seed 002's 产出).
      const childIndex = this.items.length;
      const result = this.scoreLeaf(node, depth, path, names, categories, project, children.length === 0);
      if (children.length > 0) {
        children.forEach((child, i) =>
          this.scoreNode(child, depth + 1, `${path}.children[${i}]`, names, categories, project),
        );
        this.recordSection(node, path, project, result.weight, result.effective);
      }
      void childIndex;
      return result;
    }

    const itemIndex = this.items.length;
    this.items.push(placeholderItem(node, path, names, depth, project));
    const childResults = children.map((child, i) =>
      this.scoreNode(child, depth + 1, `${path}.children[${i}]`, names, categories, project),
    );
    const counted = childResults.filter((r) => r.substantive);
    let weight = node.weight !== undefined ? Dec.of(node.weight) : undefined;
    const childWeight = Dec.sum(counted.flatMap((r) => (r.weight ? [r.weight] : [])));
    weight ??= childWeight;
    const sectionWeight = weight;

    let effective: Dec | undefined = counted.some((r) => r.effective) ? Dec.sum(counted.flatMap((r) => (r.effective ? [r.effective] : []))) : undefined;
    const inputs: Record<string, string> = {};
    for (const r of counted) inputs[r.name] = r.effective?.toString() ?? '—';
    let formula = 'Σ 下级指标得分';
    let text = `下级指标得分之和为${effective?.toString() ?? '—'}分。`;
    const unweighted = children.filter((c) => !hasWeightBelow(c) && isSubstantive(c));
    const declared = node.weight ?? node.declaredWeight;
    if (unweighted.length > 0 && declared !== undefined && this.rs.unitemisedRemainder === 'printed') {
      // Part of the section's weight is not itemised (seed 002: 效果 25 lists only 满意度 5).
      const sectionDeclared = Dec.of(declared);
      const remainderWeight = sectionDeclared.minus(childWeight);
      const printedChildren = counted.map((r) => r.printed);
      if (printed && remainderWeight.gt(Dec.ZERO) && printedChildren.every((p) => p !== undefined)) {
        const remainderScore = printed.minus(Dec.sum(printedChildren as Dec[]));
        effective = (effective ?? Dec.ZERO).plus(remainderScore);
        weight = sectionDeclared;
        formula = 'Σ 已列明分值的下级指标得分 + 未分项部分（按所印得分）';
        inputs['未分项部分'] = `${remainderScore.toString()}（分值${remainderWeight.toString()}）`;
        text = `已列明分值的下级指标合计${Dec.sum(counted.flatMap((r) => (r.effective ? [r.effective] : []))).toString()}分，未分项的${unweighted.length}项（分值${remainderWeight.toString()}）按所印得分${remainderScore.toString()}分计入，合计${effective.toString()}分。`;
      }
    }
    const item = this.items[itemIndex]!;
    item.weight = weight;
    item.printed = printed;
    item.computed = effective;
    item.effective = effective;
    item.differs = printed !== undefined && effective !== undefined && !printedAgrees(node.printedScore!, effective, this.maxTolerance);
    item.explanation = { formula, inputs, result: effective?.toString() ?? '—', text };
    if (depth <= 1) this.recordSection(node, path, project, sectionWeight, effective);
    return { name: node.name, weight, effective, printed, substantive: true };
  }

  private recordSection(node: IndicatorNode, path: string, project: string | undefined, weight: Dec | undefined, score: Dec | undefined): void {
    this.sections.push({
      id: node.id,
      name: node.name,
      path,
      project,
      weight,
      declaredWeight: dec(node.declaredWeight),
      score,
    });
  }

  private scoreLeaf(
    node: IndicatorNode,
    depth: number,
    path: string,
    names: string[],
    categories: Array<IndicatorCategory | undefined>,
    project: string | undefined,
    isLeaf: boolean,
  ): NodeResult {
    const weight = dec(node.weight) ?? (isLeaf ? undefined : dec(node.declaredWeight));
    const printed = dec(node.printedScore);
    const substantive = isSubstantive(node);
    const item: ScoredItem = {
      id: node.id,
      path,
      names,
      location: humanPath(names),
      name: node.name,
      depth,
      leaf: isLeaf,
      project,
      weight,
      printed,
      review: dec(node.review?.score),
      method: 'none',
      status: 'missing',
      differs: false,
      explanation: { formula: '', inputs: {}, result: '—', text: '' },
    };
    this.items.push(item);

    if (!weight) {
      item.effective = printed;
      item.status = printed ? 'given' : 'missing';
      item.explanation = {
        formula: '—',
        inputs: {},
        result: printed?.toString() ?? '—',
        text: substantive ? '未设分值，不计分。' : '空行（未填写指标），不计分。',
      };
      // A weightless detail row does not count toward its parent.
      return { name: node.name, weight: undefined, effective: undefined, printed, substantive: false };
    }

    const sectionRule = this.sectionRuleFor(categories);
    const outcome = this.compute(node, weight, printed, categories, sectionRule);
    item.method = outcome.method;
    item.status = outcome.status;
    item.computed = outcome.computed;
    item.ratio = outcome.ratio;
    item.explanation = outcome.explanation;
    const override = dec(node.override?.score);
    item.effective = override ?? outcome.computed ?? printed;
    item.differs =
      printed !== undefined && outcome.computed !== undefined && !printedAgrees(node.printedScore!, outcome.computed, this.maxTolerance);
    if (override) {
      item.explanation = {
        ...item.explanation,
        text: `${item.explanation.text} 填报人调整为${override.toString()}分，理由：${node.override!.reason}`,
      };
    }
    return { name: node.name, weight, effective: item.effective, printed, substantive: true };
  }

  /** The deepest section rule matching the node or one of its ancestors. */
  private sectionRuleFor(categories: Array<IndicatorCategory | undefined>): SectionRule | undefined {
    for (let i = categories.length - 1; i >= 0; i--) {
      const c = categories[i];
      if (!c) continue;
      const rule = this.rs.sections.find((s) => s.categories.includes(c));
      if (rule) return rule;
    }
    return undefined;
  }

  private compute(
    node: IndicatorNode,
    weight: Dec,
    printed: Dec | undefined,
    categories: Array<IndicatorCategory | undefined>,
    sectionRule: SectionRule | undefined,
  ): Outcome {
    const rs = this.rs;
    const places = this.scorePlaces;
    const mode = rs.rounding.mode;
    const satisfaction = categories.some(isSatisfaction);
    const formula: FormulaKind = pickFormula(node, sectionRule, satisfaction, rs);
    const w = weight.toString();

    switch (formula) {
      case 'survey-score': {
        const score = this.surveyScore(node);
        if (!score) return givenOutcome('survey-score', printed, '满意度按问卷得分折算，但未给出问卷得分');
        const computed = weight.times(score).div(HUNDRED, places, mode)!;
        return {
          method: 'survey-score',
          status: computed.eq(weight) ? 'met' : 'partly-met',
          computed,
          explanation: {
            formula: '分值 × 问卷得分 ÷ 100',
            inputs: { 分值: w, 问卷得分: score.toString() },
            result: computed.toString(),
            text: `${w} × ${score.toString()} ÷ 100 = ${computed.toString()}分。`,
          },
        };
      }
      case 'rate-proportional': {
        const a = parseActualCached(node.actual ?? '');
        if (a.kind !== 'measure' || !a.percent) return givenOutcome('rate-proportional', printed, '实际值不是百分比');
        const computed = weight.times(a.value).div(HUNDRED, places, mode)!;
        return {
          method: 'rate-proportional',
          status: a.value.gte(HUNDRED) ? 'met' : 'partly-met',
          computed,
          explanation: {
            formula: '分值 × 实际比率（未设目标值）',
            inputs: { 分值: w, 实际: node.actual ?? '' },
            result: computed.toString(),
            text: `未设目标值，按比率计分：${w} × ${a.value.toString()}% = ${computed.toString()}分。`,
          },
        };
      }
      case 'grading-bands':
        return this.gradingBands(node, weight, printed);
      case 'qualitative':
        return this.qualitative(node, weight, printed);
      case 'quantitative':
        return this.quantitative(node, weight, printed, categories);
      case 'given':
        return givenOutcome('given', printed, node.target ? '' : '未填写年度指标值');
    }
  }

  private surveyScore(node: IndicatorNode): Dec | undefined {
    const a = parseActualCached(node.actual ?? '');
    if (a.kind === 'measure' && !a.percent && (a.unit === undefined || a.unit === '分') && a.value.lte(HUNDRED)) return a.value;
    return dec(this.doc.meta.survey?.score);
  }

  private quantitative(node: IndicatorNode, weight: Dec, printed: Dec | undefined, categories: Array<IndicatorCategory | undefined>): Outcome {
    const target = parseTargetCached(node.target ?? '');
    const actual = parseActualCached(node.actual ?? '');
    const hint = hintFor(node, categories);
    const ev = evaluate(target, actual, {
      ...(hint ? { hint } : {}),
      ...(node.direction ? { direction: node.direction } : {}),
      missedDeadline: this.rs.quantitative.missedDeadline === 'proportional' ? 'ratio' : 'zero',
    });
    const w = weight.toString();
    const inputs = { 分值: w, 目标: node.target ?? '', 实际: node.actual ?? '' };
    const { scorePlaces: places, mode } = this.rs.rounding;
    switch (ev.status) {
      case 'met':
        return {
          method: 'quantitative',
          status: 'met',
          computed: weight.round(places, mode),
          ratio: Dec.ONE,
          explanation: { formula: '达成目标得满分', inputs, result: w, text: `${ev.explanation}，得满分${w}分。` },
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
          explanation: {
            formula,
            inputs,
            result: computed.toString(),
            text: `${ev.explanation}，得分 ${w} × ${ev.ratio?.toString() ?? '?'} ≈ ${computed.toString()}分。`,
          },
        };
      }
      case 'not-met': {
        const computed = Dec.ZERO;
        return {
          method: 'quantitative',
          status: 'not-met',
          computed,
          ratio: ev.ratio ?? Dec.ZERO,
          explanation: { formula: '未达成', inputs, result: computed.toString(), text: `${ev.explanation}，得${computed.toString()}分。` },
        };
      }
      case 'not-comparable':
        return {
          method: 'quantitative',
          status: 'not-comparable',
          computed: undefined,
          explanation: {
            formula: '无法比较',
            inputs,
            result: printed?.toString() ?? '—',
            text: `${ev.explanation}，无法按规则计分${printed ? `，按所印得分${printed.toString()}分计入（未核算）` : ''}。`,
          },
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

  private qualitative(node: IndicatorNode, weight: Dec, printed: Dec | undefined): Outcome {
    const rs = this.rs;
    const target = parseTargetCached(node.target ?? '');
    const actual = parseActualCached(node.actual ?? '');
    const ev = evaluate(target, actual, {});
    const completion =
      node.completion ?? (ev.status === 'met' ? 'achieved' : ev.status === 'partly-met' ? 'partly' : ev.status === 'not-met' ? 'not-achieved' : undefined);
    const w = weight.toString();
    const inputs: Record<string, string> = { 分值: w, 目标: node.target ?? '', 实际: node.actual ?? '' };
    if (!completion) return givenOutcome('qualitative', printed, `${ev.explanation}，无法判断完成档次`);
    const [lo, hi] = (completion === 'achieved' ? rs.qualitative.achieved : completion === 'partly' ? rs.qualitative.partly : rs.qualitative.notAchieved).map((s) => weight.times(Dec.of(s)).round(rs.rounding.scorePlaces, rs.rounding.mode)) as [Dec, Dec];
    const bandName = completion === 'achieved' ? '达成年度指标' : completion === 'partly' ? '部分达成并具有一定效果' : '未达成且效果较差';
    const band = `${lo.toString()}–${hi.toString()}分`;
    inputs['完成档次'] = `${bandName}（${band}）`;
    if (!printed) {
      return {
        method: 'qualitative',
        status: 'proposed',
        computed: hi,
        explanation: { formula: '定性指标分档，未印得分取档内上限', inputs, result: hi.toString(), text: `定性指标，${bandName}，档内${band}，建议得分${hi.toString()}分。` },
      };
    }
    if (printed.gte(lo) && printed.lte(hi)) {
      return {
        method: 'qualitative',
        status: 'within-band',
        computed: printed,
        explanation: { formula: '定性指标分档，所印得分在档内即采纳', inputs, result: printed.toString(), text: `定性指标，${bandName}，所印得分${printed.toString()}分在${band}档内。` },
      };
    }
    const nearest = printed.lt(lo) ? lo : hi;
    return {
      method: 'qualitative',
      status: 'outside-band',
      computed: nearest,
      explanation: {
        formula: '定性指标分档，档外得分取最近的档边界',
        inputs,
        result: nearest.toString(),
        text: `定性指标，${bandName}，档内应为${band}，所印得分${printed.toString()}分在档外，按${nearest.toString()}分计。`,
      },
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
          explanation: {
            formula: '分值 × 所在档计分比例（优100%／良80%／中60%／差0%）',
            inputs: { 分值: w, 实际: valueText, [`${label}档`]: text },
            result: computed.toString(),
            text: `实际${valueText}落在“${label}”档（${text}），得分 ${w} × ${Dec.of(share).times(HUNDRED).toString()}% = ${computed.toString()}分。`,
          },
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
    explanation: {
      formula: '无可计算的依据',
      inputs: printed ? { 所印得分: printed.toString() } : {},
      result: printed?.toString() ?? '—',
      text: printed ? `${reason}按所印得分${printed.toString()}分计入（未核算）。` : `${reason}且未给出得分。`,
    },
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
function pickFormula(node: IndicatorNode, sectionRule: SectionRule | undefined, satisfaction: boolean, rs: RuleSet): FormulaKind {
  if (sectionRule?.leafFormula && sectionRule.leafFormula !== 'given') return sectionRule.leafFormula;
  const bands = node.bands;
  if (bands && (bands.excellent || bands.good || bands.fair || bands.poor) && (node.completionRate || node.actual)) return 'grading-bands';
  const targetText = node.target?.trim();
  if (targetText) {
    const t: ParsedTarget = parseTargetCached(targetText);
    return t.kind === 'qualitative' ? 'qualitative' : 'quantitative';
  }
  if (satisfaction && rs.satisfactionWithoutTarget === 'rate-proportional') {
    const a: ParsedActual = parseActualCached(node.actual ?? '');
    if (a.kind === 'measure' && a.percent) return 'rate-proportional';
  }
  return 'given';
}

function hintFor(node: IndicatorNode, categories: Array<IndicatorCategory | undefined>): TargetHint | undefined {
  if (categories.some((c) => c === 'cost' || c === 'cost-output') || /成本|费用|单价|经费/.test(node.name)) return 'cost';
  if (categories.includes('timeliness') || /时间|时限|时长|周期|天数/.test(node.name)) return 'time';
  return undefined;
}

function hasWeightBelow(node: IndicatorNode): boolean {
  if (node.weight !== undefined) return true;
  return (node.children ?? []).some(hasWeightBelow);
}

/** A node someone filled in: a weight, a score, a target or an actual somewhere in it. */
function isSubstantive(node: IndicatorNode): boolean {
  if (node.weight !== undefined || node.printedScore !== undefined || node.target || node.actual) return true;
  return (node.children ?? []).some(isSubstantive);
}

function placeholderItem(node: IndicatorNode, path: string, names: string[], depth: number, project: string | undefined): ScoredItem {
  return {
    id: node.id,
    path,
    names,
    location: humanPath(names),
    name: node.name,
    depth,
    leaf: false,
    project,
    method: 'sum',
    status: 'summed',
    differs: false,
    explanation: { formula: '', inputs: {}, result: '—', text: '' },
  };
}

function dec(text: string | undefined): Dec | undefined {
  return text === undefined ? undefined : Dec.parse(text);
}
