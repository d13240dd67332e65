/**
 * @module The prior record (上年绩效情况): when next year's goals are declared, what last year's
 * evaluation and monitoring say about the same project, to show beside the new request — score, grade,
 * execution, findings, the treatment earned, the monitoring light, the money asked against last year's,
 * and indicator by indicator the new target beside last year's target and actual.
 */
import type { AuditResult } from '../audit/index.js';
import { Dec } from '../decimal/index.js';
import { normalizeIndicatorName } from '../library/normalize.js';
import type { EvaluationDocument, IndicatorNode } from '../model/index.js';
import { categoryOf } from '../model/index.js';
import { documentBudget } from '../monitoring/assess.js';
import type { ProjectAssessment } from '../monitoring/assess.js';
import { LIGHT_ZH } from '../monitoring/messages.js';
import type { Light } from '../monitoring/messages.js';
import type { RuleSet } from '../rulesets/index.js';
import { mainFundingTable, ruleSetFor, scoreDocument } from '../scoring/index.js';
import type { ScoreReport } from '../scoring/index.js';
import { directionOf, evaluate, parseActualCached, parseTargetCached, resolveTarget, unitInfo } from '../targets/index.js';
import type { EvaluateOptions, TargetHint } from '../targets/index.js';
import { PRIOR_FACTS } from './messages.js';
import { recommendTreatment } from './treatments.js';
import type { TreatmentRecommendation } from './treatments.js';

export interface PriorIndicator {
  /** Id in the new goals (absent for last year's indicators that were dropped). */
  id?: string | undefined;
  name: string;
  target?: string | undefined;
  lastTarget?: string | undefined;
  lastActual?: string | undefined;
  /** Last year's actual met last year's target. */
  lastMet?: boolean | undefined;
  /** The new target asks for less than last year achieved (direction-aware). */
  belowLastActual?: boolean | undefined;
  /** Change of the target from last year's, percent, when both are comparable numbers. */
  targetChangePercent?: string | undefined;
  /** Not in last year's document. */
  isNew: boolean;
}

export interface PriorRecord {
  project: { name: string; organisation: string; year: number };
  lastYear?: number | undefined;
  evaluation?:
    | {
        id?: string | undefined;
        year: number;
        total: string;
        grade: string;
        ruleSet: string;
        /** Percent. */
        executionRate?: string | undefined;
        printedTotal?: string | undefined;
        findings?: { error: number; warning: number; info: number } | undefined;
        treatment?: TreatmentRecommendation | undefined;
      }
    | undefined;
  monitoring?: { asOf?: string | undefined; light: Light; reasons: Array<{ code: string; message: string }>; ratePercent?: string | undefined } | undefined;
  money: { unit: string; requested?: string | undefined; lastBudget?: string | undefined; lastExecuted?: string | undefined; changePercent?: string | undefined };
  indicators: PriorIndicator[];
  /** Last year's indicators with no counterpart in the new goals. */
  dropped: PriorIndicator[];
  /** One line each, in Chinese, in the order shown. */
  facts: string[];
}

export interface PriorOptions {
  ruleSet?: RuleSet | string | undefined;
  /** Last year's score report and audit, when the caller has them (else scored here; no audit). */
  score?: ScoreReport | undefined;
  audit?: AuditResult | undefined;
}

const COST_NAME = /成本|费用|单价|经费/;
const TIME_NAME = /时间|时限|时长|周期|天数/;

interface Leaf {
  node: IndicatorNode;
  options: EvaluateOptions;
}

function leaves(doc: EvaluationDocument): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const visit = (node: IndicatorNode, depth: number, cost: boolean, time: boolean) => {
    const c = categoryOf(node, depth);
    const isCost = cost || c === 'cost' || c === 'cost-output';
    const isTime = time || c === 'timeliness';
    if (node.children && node.children.length > 0) {
      for (const k of node.children) visit(k, depth + 1, isCost, isTime);
      return;
    }
    const key = normalizeIndicatorName(node.name);
    if (key === '' || out.has(key)) return;
    const hint: TargetHint | undefined = isCost || COST_NAME.test(node.name) ? 'cost' : isTime || TIME_NAME.test(node.name) ? 'time' : undefined;
    out.set(key, { node, options: { ...(hint ? { hint } : {}), ...(node.direction ? { direction: node.direction } : {}) } });
  };
  for (const n of doc.indicators) visit(n, 0, false, false);
  return out;
}

/** A number in base units from a parsed target (threshold / exact) or measured actual, with its unit base. */
function baseValue(value: Dec, unit: string | undefined, percent: boolean): { v: Dec; base: string } {
  if (percent) return { v: value, base: '%' };
  if (unit === undefined) return { v: value, base: '' };
  const info = unitInfo(unit);
  return { v: value.times(info.factor), base: info.base };
}

function compare(now: Leaf | undefined, last: Leaf | undefined): Omit<PriorIndicator, 'name' | 'isNew'> {
  const out: Omit<PriorIndicator, 'name' | 'isNew'> = {};
  if (now) {
    out.id = now.node.id;
    if (now.node.target !== undefined) out.target = now.node.target;
  }
  if (!last) return out;
  if (last.node.target !== undefined) out.lastTarget = last.node.target;
  if (last.node.actual !== undefined) out.lastActual = last.node.actual;
  if (last.node.target && last.node.actual) {
    const e = evaluate(resolveTarget(parseTargetCached(last.node.target), last.options), parseActualCached(last.node.actual), last.options);
    if (e.status !== 'not-comparable') out.lastMet = e.status === 'met';
  }
  if (!now?.node.target) return out;
  const t = resolveTarget(parseTargetCached(now.node.target), now.options);
  if (t.kind !== 'threshold' && t.kind !== 'exact') return out;
  const tv = baseValue(t.value, t.unit, t.percent);
  const direction = directionOf(t);
  if (last.node.actual) {
    const a = parseActualCached(last.node.actual);
    if (a.kind === 'measure') {
      const av = a.unit === undefined && !a.percent ? { v: a.value.times(t.unit && !t.percent ? unitInfo(t.unit).factor : Dec.ONE), base: tv.base } : baseValue(a.value, a.unit, a.percent);
      if (av.base === tv.base && direction !== 'exact') out.belowLastActual = direction === 'higher-better' ? tv.v.lt(av.v) : tv.v.gt(av.v);
    }
  }
  if (last.node.target) {
    const lt = resolveTarget(parseTargetCached(last.node.target), last.options);
    if ((lt.kind === 'threshold' || lt.kind === 'exact') && !lt.value.isZero()) {
      const lv = baseValue(lt.value, lt.unit, lt.percent);
      if (lv.base === tv.base && !lv.v.isZero()) out.targetChangePercent = tv.v.minus(lv.v).times(Dec.HUNDRED).div(lv.v, 2)!.toString();
    }
  }
  return out;
}

function requested(doc: EvaluationDocument): Dec | undefined {
  const total = mainFundingTable(doc)?.rows.find((r) => r.role === 'total');
  for (const col of ['initialBudget', 'annualBudget', 'budget', 'arranged', 'amount'] as const) {
    const d = total?.amounts[col] === undefined ? undefined : Dec.parse(total.amounts[col]);
    if (d) return d;
  }
  return documentBudget(doc);
}

function inWan(d: Dec, unit: string | undefined): Dec {
  return unit === '元' ? d.div(Dec.fromInt(10_000), 6)!.normalize() : d;
}

/**
 * The facts to show beside a new goal declaration: last year's evaluation (scored here unless
 * `options.score` is given) and monitoring assessment of the same project, both optional.
 */
export function priorRecord(nextYearGoals: EvaluationDocument, lastYearEvaluation?: EvaluationDocument, monitoring?: ProjectAssessment, options: PriorOptions = {}): PriorRecord {
  const h = nextYearGoals.header;
  const facts: string[] = [];
  const record: PriorRecord = {
    project: { name: h.projectName ?? h.title, organisation: h.organisation, year: h.year },
    money: { unit: '万元' },
    indicators: [],
    dropped: [],
    facts,
  };
  const req = requested(nextYearGoals);
  if (req) record.money.requested = inWan(req, nextYearGoals.funding?.unit).toString();

  if (lastYearEvaluation) {
    const last = lastYearEvaluation;
    const report = options.score ?? scoreDocument(last, options.ruleSet);
    record.lastYear = last.header.year;
    const rate = report.execution?.ratePercent;
    const counts = options.audit?.counts;
    const summary = {
      id: last.id ?? '',
      org: last.header.organisation,
      department: last.header.supervisingDepartment ?? last.header.organisation,
      year: last.header.year,
      level: last.header.level,
      total: report.total.toString(),
      grade: report.grade,
      ...(rate !== undefined ? { executionRate: rate.div(Dec.HUNDRED, 4)!.toString() } : {}),
      findings: (options.audit?.findings ?? []).map((f) => ({ family: f.family, severity: f.severity })),
    };
    const treatment = recommendTreatment(summary, ruleSetFor(last, options.ruleSet));
    record.evaluation = {
      ...(last.id !== undefined ? { id: last.id } : {}),
      year: last.header.year,
      total: report.total.toString(),
      grade: report.grade,
      ruleSet: report.ruleSet,
      ...(rate !== undefined ? { executionRate: rate.toString() } : {}),
      ...(last.meta.printedTotal !== undefined ? { printedTotal: last.meta.printedTotal } : {}),
      ...(counts ? { findings: { ...counts } } : {}),
      treatment,
    };
    facts.push(PRIOR_FACTS.evaluation(String(last.header.year), report.total.toString(), report.grade));
    if (rate !== undefined) facts.push(PRIOR_FACTS.execution(String(last.header.year), rate.toString()));
    if (counts) facts.push(PRIOR_FACTS.findings(String(counts.error), String(counts.warning)));
    facts.push(PRIOR_FACTS.treatment(treatment.label));
    const lastBudget = report.execution?.annualBudget ?? documentBudget(last);
    if (lastBudget) record.money.lastBudget = inWan(lastBudget, last.funding?.unit).toString();
    if (report.execution?.executed) record.money.lastExecuted = inWan(report.execution.executed, last.funding?.unit).toString();
  }

  if (monitoring) {
    record.monitoring = {
      ...(monitoring.snapshot ? { asOf: monitoring.snapshot.asOf } : {}),
      light: monitoring.light,
      reasons: [...monitoring.reasons, ...monitoring.indicators.flatMap((i) => i.reasons)].map((r) => ({ code: r.code, message: r.message })),
      ...(monitoring.execution ? { ratePercent: monitoring.execution.ratePercent } : {}),
    };
    const titles = [...new Set(monitoring.reasons.map((r) => r.message))].join('；');
    facts.push(PRIOR_FACTS.monitoring(monitoring.snapshot?.asOf ?? '—', LIGHT_ZH[monitoring.light], titles));
  }

  if (record.money.requested !== undefined && record.money.lastBudget !== undefined && !Dec.of(record.money.lastBudget).isZero()) {
    const change = Dec.of(record.money.requested).minus(Dec.of(record.money.lastBudget)).times(Dec.HUNDRED).div(Dec.of(record.money.lastBudget), 2)!;
    record.money.changePercent = change.toString();
    facts.push(PRIOR_FACTS.money(record.money.requested, record.money.lastBudget, change.toString(), record.money.unit));
  }

  const now = leaves(nextYearGoals);
  const before = lastYearEvaluation ? leaves(lastYearEvaluation) : new Map<string, Leaf>();
  for (const [key, leaf] of now) {
    const last = before.get(key);
    const item: PriorIndicator = { name: leaf.node.name.trim(), ...compare(leaf, last), isNew: lastYearEvaluation !== undefined && last === undefined };
    record.indicators.push(item);
    if (item.belowLastActual) facts.push(PRIOR_FACTS.belowLast(item.name, item.target ?? '', item.lastActual ?? ''));
    if (item.lastMet === false) facts.push(PRIOR_FACTS.notMet(item.name, item.lastTarget ?? '', item.lastActual ?? ''));
  }
  for (const [key, leaf] of before) {
    if (now.has(key)) continue;
    record.dropped.push({ name: leaf.node.name.trim(), ...compare(undefined, leaf), isNew: false });
  }
  const fresh = record.indicators.filter((i) => i.isNew).length;
  if (fresh > 0) facts.push(PRIOR_FACTS.newIndicators(String(fresh)));
  if (record.dropped.length > 0) facts.push(PRIOR_FACTS.dropped(String(record.dropped.length), record.dropped.map((d) => d.name).join('、')));
  return record;
}
