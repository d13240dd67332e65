/**
 * @module The in-year assessment (绩效运行监控, 双监控): money executed against the time-proportional
 * schedule and the rule set's checkpoints, indicator progress against the year's targets, and a traffic
 * light per project and per indicator with the reasons behind it (codes, figures, Chinese messages).
 *
 * The rules, in short (thresholds from `ruleSet.monitoring`):
 * - Execution rate = executed ÷ budget (4 places). The schedule is the share of the year elapsed at the
 *   snapshot's date (day of year ÷ days in the year). Behind it by more than `tolerance`: yellow.
 * - Checkpoints: the latest checkpoint whose month has ended by the snapshot's date; below its
 *   `minExecution`: red.
 * - Indicators. A cumulative target (a count, money, length … written ≥ / = / ≤ without a percentage:
 *   监督抽查批次 ≥600批次) is projected linearly to the year end (progress ÷ share of the year elapsed)
 *   and the projection is evaluated against the target by the targets module, so direction, units and
 *   bounds follow the same rules as scoring: met → green; completion ratio ≥ 1 − tolerance → yellow;
 *   below → red (unreachable at the current rate). A level target (a rate 合格率 ≥95%, a unit cost
 *   ≤700元/批次, a duration 2个工作日内, a range) is evaluated as it stands: not met → yellow. A calendar
 *   deadline (年底前, 9月前) past at the snapshot's date and not met → red. Qualitative targets are
 *   not assessed. No progress reported for an assessable indicator: yellow.
 * - Goal completion = the weighted mean of min(progress ÷ target, 1) over cumulative more-is-better
 *   indicators with progress; differing from the execution rate by more than `maxGapPoints`: red.
 * - Money spent (execution ≥ `noOutputMinExecution`) while no indicator shows any progress: red.
 * - No snapshot at all, or none since the last checkpoint that has passed: yellow.
 * - A project's light is the worst of its own reasons and its indicators' lights. Reasons listed in
 *   `respondTo` open a response: the unit answers within `responseWorkingDays` working days.
 *
 * Figures in the output are decimal strings; "now" is the `asOf` parameter, never the clock.
 */
import { Dec } from '../decimal/index.js';
import type { EvaluationDocument, IndicatorCategory, IndicatorNode } from '../model/index.js';
import { categoryOf, humanPath } from '../model/index.js';
import type { MonitoringReasonCode, RuleSet } from '../rulesets/index.js';
import { defaultRuleSetFor, getRuleSet, ruleSetRef } from '../rulesets/index.js';
import { mainFundingTable, ruleSetFor } from '../scoring/index.js';
import { evaluate, parseActualCached, parseTargetCached, resolveTarget, unitInfo } from '../targets/index.js';
import type { DateDue, MeasureActual, ParsedActual, ParsedTarget, TargetHint } from '../targets/index.js';
import { addWorkingDays, dayNumber, dayOfYear, daysInMonth, endOfMonth, isLeapYear, parseIsoDate, WEEKDAYS_ONLY } from './calendar.js';
import type { WorkCalendar } from './calendar.js';
import { REASONS } from './messages.js';
import type { Light, MonitoringFigures } from './messages.js';
import type { MonitoringSnapshot } from './snapshots.js';

export interface MonitoringReason {
  code: MonitoringReasonCode;
  light: Light;
  /** Simplified Chinese. */
  message: string;
  figures: MonitoringFigures;
}

/** How an indicator is assessed: projected (cumulative), as it stands (level), by its date (deadline), or not. */
export type IndicatorMode = 'cumulative' | 'level' | 'deadline' | 'qualitative' | 'unparsed';

export interface IndicatorAssessment {
  id: string;
  /** Id of the embedded project, when not in the main tree. */
  project?: string | undefined;
  name: string;
  /** Human path, e.g. "产出指标 › 数量指标 › 监督抽查批次". */
  location: string;
  /** JSON path in the goal document. */
  path: string;
  target: string;
  progress?: string | undefined;
  mode: IndicatorMode;
  light: Light;
  /** Cumulative targets: what the pro-rata schedule expects by the snapshot's date, and the year-end projection. */
  expected?: string | undefined;
  projected?: string | undefined;
  unit?: string | undefined;
  /** Completion ratio 0–1 of the projection (cumulative) or of the progress (level), 4 places. */
  ratio?: string | undefined;
  reasons: MonitoringReason[];
}

export interface ExecutionStatus {
  budget: string;
  executed: string;
  /** Money unit of the goal document. */
  unit: string;
  /** executed ÷ budget as a fraction, 4 places. */
  rate: string;
  ratePercent: string;
  /** Share of the year elapsed at the snapshot's date, 4 places. */
  schedule: string;
  schedulePercent: string;
  /** The latest checkpoint passed by the snapshot's date, and whether it was met. */
  checkpoint?: { month: number; minExecution: string; met: boolean } | undefined;
}

export interface ResponseDue {
  /** Reasons (project or indicator) that need the unit's answer. */
  codes: MonitoringReasonCode[];
  issuedAt: string;
  due: string;
  workingDays: number;
}

export interface ProjectAssessment {
  /** The document id (or `#index` when it has none). */
  id: string;
  name: string;
  organisation: string;
  department?: string | undefined;
  region?: string | undefined;
  year: number;
  light: Light;
  reasons: MonitoringReason[];
  /** The snapshot the figures come from. */
  snapshot?: { period: string; asOf: string } | undefined;
  execution?: ExecutionStatus | undefined;
  /** Goal completion (fraction, 4 places), when some cumulative indicator reports progress. */
  completion?: string | undefined;
  indicators: IndicatorAssessment[];
  counts: Record<Light, number>;
  response?: ResponseDue | undefined;
}

export interface MonitoringAssessment {
  asOf: string;
  /** `id@version` of the rule set. */
  ruleSet: string;
  projects: ProjectAssessment[];
  /** Projects by light. */
  counts: Record<Light, number>;
}

export interface AssessOptions {
  /** Working-day calendar for response deadlines (default: Monday to Friday). */
  calendar?: WorkCalendar | undefined;
}

const RANK: Record<Light, number> = { green: 0, yellow: 1, red: 2 };

function worst(lights: Iterable<Light>): Light {
  let w: Light = 'green';
  for (const l of lights) if (RANK[l] > RANK[w]) w = l;
  return w;
}

function reason(code: MonitoringReasonCode, figures: MonitoringFigures): MonitoringReason {
  const def = REASONS[code];
  return { code, light: def.light, message: def.message(figures), figures };
}

const PLACES = 4;

function percent(fraction: Dec): string {
  return fraction.times(Dec.HUNDRED).round(2).toString();
}

/** Share of the fiscal year elapsed at `date`, as the exact fraction days ÷ year length. */
function elapsed(date: string, year: number): { days: number; total: number } {
  const d = parseIsoDate(date)!;
  const total = isLeapYear(year) ? 366 : 365;
  if (d.year < year) return { days: 0, total };
  if (d.year > year) return { days: total, total };
  return { days: dayOfYear(d), total };
}

const CUMULATIVE = new Set(['count', 'money', 'length', 'area', 'weight', 'volume', 'unknown']);

function isCumulative(t: ParsedTarget): boolean {
  if (t.kind !== 'threshold' && t.kind !== 'exact') return false;
  if (t.percent) return false;
  return t.unit === undefined || CUMULATIVE.has(unitInfo(t.unit).category);
}

const COST_NAME = /成本|费用|单价|经费/;
const TIME_NAME = /时间|时限|时长|周期|天数/;

interface Leaf {
  node: IndicatorNode;
  project: string | undefined;
  path: string;
  names: string[];
  hint: TargetHint | undefined;
}

function leavesOf(doc: EvaluationDocument): Leaf[] {
  const out: Leaf[] = [];
  const visit = (node: IndicatorNode, depth: number, path: string, names: string[], project: string | undefined, cost: boolean, time: boolean) => {
    const category: IndicatorCategory | undefined = categoryOf(node, depth);
    const isCost = cost || category === 'cost' || category === 'cost-output';
    const isTime = time || category === 'timeliness';
    const kids = node.children ?? [];
    const here = [...names, node.name];
    if (kids.length === 0) {
      if (node.target !== undefined && node.target.trim() !== '') {
        const hint: TargetHint | undefined = isCost || COST_NAME.test(node.name) ? 'cost' : isTime || TIME_NAME.test(node.name) ? 'time' : undefined;
        out.push({ node, project, path, names: here, hint });
      }
      return;
    }
    kids.forEach((k, i) => visit(k, depth + 1, `${path}.children[${i}]`, here, project, isCost, isTime));
  };
  doc.indicators.forEach((n, i) => visit(n, 0, `$.indicators[${i}]`, [], undefined, false, false));
  doc.projects.forEach((p, pi) => p.indicators.forEach((n, i) => visit(n, 0, `$.projects[${pi}].indicators[${i}]`, [p.name], p.id, false, false)));
  return out;
}

/** The year budget stated by the goal document: 全年预算数, else 年初预算数, 预算数, 金额; else the sum of embedded projects. */
export function documentBudget(doc: EvaluationDocument): Dec | undefined {
  const total = mainFundingTable(doc)?.rows.find((r) => r.role === 'total');
  for (const col of ['annualBudget', 'initialBudget', 'budget', 'arranged', 'amount'] as const) {
    const d = total?.amounts[col] === undefined ? undefined : Dec.parse(total.amounts[col]);
    if (d) return d;
  }
  const parts = doc.projects.map((p) => (p.funding === undefined ? undefined : Dec.parse(p.funding))).filter((x): x is Dec => x !== undefined);
  return parts.length > 0 ? Dec.sum(parts) : undefined;
}

function formatQty(value: Dec, unit: string | undefined): string {
  return `${value.toString()}${unit ?? ''}`;
}

function dueEnd(due: DateDue, year: number): string {
  const y = due.year ?? year;
  if (due.period === 'day' && due.day !== undefined) return `${y}-${String(due.month).padStart(2, '0')}-${String(Math.min(due.day, daysInMonth(y, due.month))).padStart(2, '0')}`;
  return endOfMonth(y, due.month);
}

function hasOutput(a: ParsedActual): boolean {
  switch (a.kind) {
    case 'measure':
      return a.value.gt(Dec.ZERO);
    case 'qualitative':
      return a.family !== 'not-achieved' && a.family !== 'none';
    case 'deadline':
      return true;
    default:
      return false;
  }
}

function assessIndicator(leaf: Leaf, progressText: string | undefined, dataDate: string | undefined, year: number, tolerance: Dec): IndicatorAssessment & { completionPart?: { ratio: Dec; weight: Dec | undefined } | undefined; output: boolean } {
  const { node } = leaf;
  const targetText = node.target!.trim();
  const options = { ...(leaf.hint ? { hint: leaf.hint } : {}), ...(node.direction ? { direction: node.direction } : {}) };
  const target = resolveTarget(parseTargetCached(targetText), options);
  const base = {
    id: node.id,
    ...(leaf.project !== undefined ? { project: leaf.project } : {}),
    name: node.name.trim(),
    location: humanPath(leaf.names),
    path: leaf.path,
    target: targetText,
    ...(progressText !== undefined ? { progress: progressText } : {}),
  };
  const asOf = dataDate ?? '';
  const reasons: MonitoringReason[] = [];
  const done = (mode: IndicatorMode, extra: Partial<IndicatorAssessment> = {}, completionPart?: { ratio: Dec; weight: Dec | undefined }, output = false) => ({
    ...base,
    mode,
    light: worst(reasons.map((r) => r.light)),
    ...extra,
    reasons,
    completionPart,
    output,
  });
  if (target.kind === 'qualitative') return done('qualitative', {}, undefined, progressText !== undefined && hasOutput(parseActualCached(progressText)));
  if (target.kind === 'unparsed') return done('unparsed');
  const progress = progressText === undefined || progressText.trim() === '' ? undefined : parseActualCached(progressText);
  const output = progress !== undefined && hasOutput(progress);
  const weight = node.weight === undefined ? undefined : Dec.parse(node.weight);

  if (target.kind === 'deadline' && target.due.form === 'date') {
    if (dataDate === undefined) return done('deadline');
    const passed = dayNumber(parseIsoDate(dataDate)!) > dayNumber(parseIsoDate(dueEnd(target.due, year))!);
    const status = progress ? evaluate(target, progress, options).status : undefined;
    if (passed && status !== 'met') reasons.push(reason('MON-IND-DEADLINE-PASSED', { target: targetText, asOf, ...(progressText ? { progress: progressText } : {}) }));
    return done('deadline', {}, undefined, output);
  }

  if (!isCumulative(target)) {
    if (dataDate === undefined) return done('level');
    if (!progress) {
      reasons.push(reason('MON-IND-NO-PROGRESS', { target: targetText, asOf }));
      return done('level');
    }
    const e = evaluate(target, progress, options);
    if (e.status === 'not-comparable') reasons.push(reason('MON-IND-NO-PROGRESS', { target: targetText, asOf, progress: progressText! }));
    else if (e.status !== 'met') reasons.push(reason('MON-IND-LEVEL-BELOW', { target: targetText, progress: progressText! }));
    return done('level', e.ratio !== undefined ? { ratio: e.ratio.toFixed(PLACES) } : {}, undefined, output);
  }

  // Cumulative: project the progress linearly to the year end.
  if (dataDate === undefined) return done('cumulative');
  const { days, total } = elapsed(dataDate, year);
  if (!progress) {
    if (days > 0) reasons.push(reason('MON-IND-NO-PROGRESS', { target: targetText, asOf }));
    return done('cumulative');
  }
  if (progress.kind !== 'measure') {
    const e = evaluate(target, progress, options);
    if (e.status === 'met') return done('cumulative', {}, { ratio: Dec.ONE, weight }, output);
    reasons.push(reason(e.status === 'not-comparable' ? 'MON-IND-NO-PROGRESS' : 'MON-IND-LEVEL-BELOW', { target: targetText, asOf, progress: progressText! }));
    return done('cumulative', {}, undefined, output);
  }
  const now = evaluate(target, progress, options);
  if (now.status === 'not-comparable') {
    reasons.push(reason('MON-IND-NO-PROGRESS', { target: targetText, asOf, progress: progressText! }));
    return done('cumulative', {}, undefined, output);
  }
  const t = target as Extract<ParsedTarget, { kind: 'threshold' | 'exact' }>;
  const higher = t.kind === 'exact' || t.op === 'gte' || t.op === 'gt';
  const completionPart = higher && now.ratio !== undefined ? { ratio: now.ratio, weight } : undefined;
  if (days === 0) return done('cumulative', { unit: progress.unit ?? t.unit }, completionPart, output);
  const projectedValue = progress.value.times(Dec.fromInt(total)).div(Dec.fromInt(days), PLACES)!.normalize();
  const projected: MeasureActual = { kind: 'measure', value: projectedValue, percent: false, text: projectedValue.toString(), ...(progress.unit !== undefined ? { unit: progress.unit } : {}) };
  const e = evaluate(target, projected, options);
  const unit = progress.unit ?? t.unit;
  const expectedValue = t.value.times(Dec.fromInt(days)).div(Dec.fromInt(total), 2)!.normalize();
  const extra = {
    expected: expectedValue.toString(),
    projected: projectedValue.round(2).toString(),
    ...(unit !== undefined ? { unit } : {}),
    ...(e.ratio !== undefined ? { ratio: e.ratio.toFixed(PLACES) } : {}),
  };
  if (e.status !== 'met') {
    const figures = { target: targetText, asOf, progress: progressText!, projected: formatQty(projectedValue.round(2), unit), expected: formatQty(expectedValue, unit) };
    const close = e.ratio !== undefined && e.ratio.gte(Dec.ONE.minus(tolerance));
    reasons.push(reason(close ? 'MON-IND-BEHIND' : 'MON-IND-UNREACHABLE', figures));
  }
  return done('cumulative', extra, completionPart, output);
}

function matches(s: MonitoringSnapshot, id: string, doc: EvaluationDocument, single: boolean): boolean {
  if (s.project === undefined) return single;
  return s.project === id || (doc.header.baseline !== undefined && s.project === doc.header.baseline.id);
}

function assessProject(doc: EvaluationDocument, id: string, snapshots: readonly MonitoringSnapshot[], rs: RuleSet, asOf: string, calendar: WorkCalendar): ProjectAssessment {
  const m = rs.monitoring;
  const tolerance = Dec.of(m.tolerance);
  const year = doc.header.year;
  const asOfDay = dayNumber(parseIsoDate(asOf)!);
  let latest: MonitoringSnapshot | undefined;
  for (const s of snapshots) {
    if (dayNumber(parseIsoDate(s.asOf)!) > asOfDay) continue;
    if (!latest || s.asOf >= latest.asOf) latest = s;
  }
  const reasons: MonitoringReason[] = [];
  const dataDate = latest?.asOf;

  // Stale or missing data: the last checkpoint passed by the assessment date has no snapshot on or after it.
  const passedByAsOf = [...m.checkpoints].reverse().find((c) => year < parseIsoDate(asOf)!.year || (year === parseIsoDate(asOf)!.year && endOfMonth(year, c.month) <= asOf));
  if (!latest) {
    if (parseIsoDate(asOf)!.year > year || (parseIsoDate(asOf)!.year === year && parseIsoDate(asOf)!.month > 1)) reasons.push(reason('MON-NO-SNAPSHOT', { asOf }));
  } else if (passedByAsOf && latest.asOf < endOfMonth(year, passedByAsOf.month)) {
    reasons.push(reason('MON-NO-SNAPSHOT', { asOf, lastAsOf: latest.asOf, month: String(passedByAsOf.month) }));
  }

  // Money.
  let execution: ExecutionStatus | undefined;
  let rate: Dec | undefined;
  const budget = latest?.budget !== undefined ? Dec.parse(latest.budget) : documentBudget(doc);
  if (latest && budget && !budget.isZero()) {
    const executed = Dec.of(latest.executed);
    rate = executed.div(budget, PLACES)!;
    const { days, total } = elapsed(latest.asOf, year);
    const schedule = Dec.fromInt(days).div(Dec.fromInt(total), PLACES)!;
    const checkpoint = [...m.checkpoints].reverse().find((c) => endOfMonth(year, c.month) <= latest!.asOf || parseIsoDate(latest!.asOf)!.year > year);
    const figures = { asOf: latest.asOf, ratePercent: percent(rate), schedulePercent: percent(schedule), executed: executed.toString(), budget: budget.toString() };
    if (checkpoint && rate.lt(Dec.of(checkpoint.minExecution))) {
      reasons.push(reason('MON-CHECKPOINT-MISSED', { ...figures, month: String(checkpoint.month), minPercent: percent(Dec.of(checkpoint.minExecution)) }));
    }
    const behind = schedule.minus(rate);
    if (behind.gt(tolerance)) {
      reasons.push(reason('MON-EXEC-BEHIND', { ...figures, behindPoints: percent(behind), tolerancePoints: percent(tolerance) }));
    }
    execution = {
      budget: budget.toString(),
      executed: executed.toString(),
      unit: doc.funding?.unit ?? '万元',
      rate: rate.toFixed(PLACES),
      ratePercent: percent(rate),
      schedule: schedule.toFixed(PLACES),
      schedulePercent: percent(schedule),
      ...(checkpoint ? { checkpoint: { month: checkpoint.month, minExecution: checkpoint.minExecution, met: rate.gte(Dec.of(checkpoint.minExecution)) } } : {}),
    };
  }

  // Indicators.
  const progressBy = new Map<string, string>();
  for (const p of latest?.indicators ?? []) progressBy.set(`${p.project ?? ''}\u0000${p.id}`, p.progress);
  const assessed = leavesOf(doc).map((leaf) => assessIndicator(leaf, progressBy.get(`${leaf.project ?? ''}\u0000${leaf.node.id}`), dataDate, year, tolerance));

  // Goal completion against execution.
  const parts = assessed.map((a) => a.completionPart).filter((x): x is { ratio: Dec; weight: Dec | undefined } => x !== undefined);
  let completion: Dec | undefined;
  if (parts.length > 0) {
    const weighted = parts.every((p) => p.weight !== undefined && p.weight.gt(Dec.ZERO));
    const w = (p: { weight: Dec | undefined }) => (weighted ? p.weight! : Dec.ONE);
    const sumW = Dec.sum(parts.map(w));
    completion = Dec.sum(parts.map((p) => Dec.min(p.ratio, Dec.ONE).times(w(p)))).div(sumW, PLACES)!;
    if (rate !== undefined) {
      const gap = completion.minus(Dec.min(rate, Dec.ONE)).abs().times(Dec.HUNDRED).round(2);
      if (gap.gt(Dec.of(m.maxGapPoints))) {
        reasons.push(reason('MON-GAP', { completionPercent: percent(completion), ratePercent: percent(rate), gapPoints: gap.toString(), maxGapPoints: m.maxGapPoints }));
      }
    }
  }

  // Money with no output.
  if (rate !== undefined && latest && assessed.length > 0 && Dec.of(latest.executed).gt(Dec.ZERO) && rate.gte(Dec.of(m.noOutputMinExecution)) && !assessed.some((a) => a.output)) {
    reasons.push(reason('MON-NO-OUTPUT', { executed: `${latest.executed}${doc.funding?.unit ?? ''}`, ratePercent: percent(rate) }));
  }

  const indicators: IndicatorAssessment[] = assessed.map(({ completionPart: _c, output: _o, ...rest }) => rest);
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const i of indicators) counts[i.light]++;
  const light = worst([...reasons.map((r) => r.light), ...indicators.map((i) => i.light)]);
  const respond = new Set<MonitoringReasonCode>();
  for (const r of [...reasons, ...indicators.flatMap((i) => i.reasons)]) if (m.respondTo.includes(r.code)) respond.add(r.code);
  const response: ResponseDue | undefined =
    respond.size > 0
      ? { codes: m.respondTo.filter((c) => respond.has(c)), issuedAt: asOf.slice(0, 10), due: addWorkingDays(asOf.slice(0, 10), m.responseWorkingDays, calendar), workingDays: m.responseWorkingDays }
      : undefined;
  return {
    id,
    name: doc.header.projectName ?? doc.header.title,
    organisation: doc.header.organisation,
    ...(doc.header.supervisingDepartment !== undefined ? { department: doc.header.supervisingDepartment } : {}),
    ...(doc.header.region !== undefined ? { region: doc.header.region } : {}),
    year,
    light,
    reasons,
    ...(latest ? { snapshot: { period: latest.period, asOf: latest.asOf } } : {}),
    ...(execution ? { execution } : {}),
    ...(completion !== undefined ? { completion: completion.toFixed(PLACES) } : {}),
    indicators,
    counts,
    ...(response ? { response } : {}),
  };
}

/**
 * Assesses one or more projects (goal or monitoring documents) from their snapshots at `asOf` (an ISO
 * date: "today", passed in). Snapshots are matched by `project` = document id (or its baseline id);
 * with a single document, snapshots without `project` belong to it. Snapshots dated after `asOf` are
 * ignored. Throws a RangeError when `asOf` is not an ISO date.
 */
export function assessMonitoring(
  goals: EvaluationDocument | readonly EvaluationDocument[],
  snapshots: readonly MonitoringSnapshot[],
  ruleSet: RuleSet | string | undefined,
  asOf: string,
  options: AssessOptions = {},
): MonitoringAssessment {
  if (!parseIsoDate(asOf)) throw new RangeError(`asOf is not an ISO date: ${JSON.stringify(asOf)}`);
  const docs: readonly EvaluationDocument[] = Array.isArray(goals) ? goals : [goals as EvaluationDocument];
  const single = docs.length === 1;
  const calendar = options.calendar ?? WEEKDAYS_ONLY;
  let ref = '';
  const projects = docs.map((doc, i) => {
    const rs = ruleSetFor(doc, ruleSet);
    ref ||= ruleSetRef(rs);
    const id = doc.id ?? doc.header.baseline?.id ?? `#${i}`;
    return assessProject(doc, id, snapshots.filter((s) => matches(s, id, doc, single)), rs, asOf, calendar);
  });
  const counts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const p of projects) counts[p.light]++;
  if (ref === '') {
    const rs = typeof ruleSet === 'string' ? getRuleSet(ruleSet) : ruleSet;
    ref = ruleSetRef(rs ?? defaultRuleSetFor('project'));
  }
  return { asOf: asOf.slice(0, 10), ruleSet: ref, projects, counts };
}
