/**
 * @module Evaluating an actual against a target (指标完成情况): met / partly met / not met / not
 * comparable, the completion ratio as an exact fraction, and a one-line Chinese explanation.
 * The reading rules are listed, with examples, in README.md (rules E1–E14).
 */
import { Dec } from '../decimal/decimal.js';
import { dateText, describeActual, describeTarget, formatQuantity } from './describe.js';
import type {
  Band,
  DateDue,
  DurationDue,
  EvaluateOptions,
  Evaluation,
  EvaluationDirection,
  EvaluationStatus,
  ExactTarget,
  MeasureActual,
  ParsedActual,
  ParsedTarget,
  QualitativeActual,
  RangeTarget,
  ThresholdTarget,
} from './types.js';
import { unitCategory, unitInfo } from './units.js';

/** Places of the rounded ratio. */
export const RATIO_PLACES = 4;

/** Default share of the weight for a graded actual (rules §3): 优 100%, 良 80%, 中 60%, 差 0%. */
export const DEFAULT_BAND_SHARES: Readonly<Record<Band, Dec>> = {
  优: Dec.ONE,
  良: Dec.of('0.8'),
  中: Dec.of('0.6'),
  差: Dec.ZERO,
};

/**
 * Words are built when read: scoring a province evaluates hundreds of thousands of pairs and shows
 * the explanation of a few. `Words` is the text or the function that makes it.
 */
type Words = string | (() => string);

/** Text that is made on first use in a template literal (its toString), then kept. */
interface Text {
  toString(): string;
}

class LazyText implements Text {
  private made: string | undefined;
  constructor(private readonly make: () => string) {}
  toString(): string {
    return (this.made ??= this.make());
  }
}

interface Verdict {
  readonly status: EvaluationStatus;
  readonly parts?: { readonly numerator: Dec; readonly denominator: Dec };
  readonly explanation: Words;
}

/** An evaluation whose explanation is made on first read. Serialises like a plain object. */
class EvaluationResult implements Evaluation {
  private words: Words;
  constructor(
    readonly status: EvaluationStatus,
    readonly direction: EvaluationDirection,
    words: Words,
    readonly ratio?: Dec,
    readonly ratioParts?: { readonly numerator: Dec; readonly denominator: Dec },
  ) {
    this.words = words;
  }
  get explanation(): string {
    if (typeof this.words !== 'string') this.words = this.words();
    return this.words;
  }
  toJSON(): Evaluation {
    return {
      status: this.status,
      direction: this.direction,
      explanation: this.explanation,
      ...(this.ratio !== undefined ? { ratio: this.ratio } : {}),
      ...(this.ratioParts !== undefined ? { ratioParts: this.ratioParts } : {}),
    };
  }
}

function finish(direction: EvaluationDirection, v: Verdict): Evaluation {
  if (v.parts === undefined) return new EvaluationResult(v.status, direction, v.explanation);
  const raw = v.parts.numerator.div(v.parts.denominator, RATIO_PLACES, 'half-up') ?? Dec.ZERO;
  const ratio = raw.isNegative() ? Dec.ZERO : raw.gt(Dec.ONE) ? Dec.ONE : raw;
  return new EvaluationResult(v.status, direction, v.explanation, ratio, v.parts);
}

const FULL = { numerator: Dec.ONE, denominator: Dec.ONE } as const;
const NONE = { numerator: Dec.ZERO, denominator: Dec.ONE } as const;

function met(explanation: Words): Verdict {
  return { status: 'met', parts: FULL, explanation };
}
function notMet(explanation: Words): Verdict {
  return { status: 'not-met', parts: NONE, explanation };
}
function notComparable(explanation: Words): Verdict {
  return { status: 'not-comparable', explanation };
}
function partly(numerator: Dec, denominator: Dec, explanation: Words): Verdict {
  return { status: 'partly-met', parts: { numerator, denominator }, explanation };
}

function ratioText(num: Dec, den: Dec): string {
  const r = num.div(den, RATIO_PLACES, 'half-up') ?? Dec.ZERO;
  return `${num.toString()} ÷ ${den.toString()} = ${r.toFixed(RATIO_PLACES)}`;
}

// ---------------------------------------------------------------------------------------------
// Applying the caller's hint (rules E2, E3)

/**
 * The target as the evaluation reads it: a threshold written without an operator becomes
 * less-is-better (hint `cost` / `time`, direction `lower-better`), exact (hint `count` on a count
 * unit, direction `exact`) or more-is-better (direction `higher-better`). Written operators win.
 */
export function resolveTarget(target: ParsedTarget, options?: EvaluateOptions): ParsedTarget {
  if (target.kind !== 'threshold' || !target.implied) return target;
  const d = options?.direction;
  const hint = options?.hint;
  if (d === 'exact' || (d === undefined && hint === 'count' && isCountLike(target))) {
    return {
      kind: 'exact',
      value: target.value,
      percent: target.percent,
      implied: true,
      ...(target.unit === undefined ? {} : { unit: target.unit }),
      ...(target.approx === undefined ? {} : { approx: target.approx }),
      ...(target.subject === undefined ? {} : { subject: target.subject }),
      ...(target.note === undefined ? {} : { note: target.note }),
      text: target.text,
    };
  }
  if (d === 'higher-better' && target.op !== 'gte') return { ...target, op: 'gte' };
  if ((d === 'lower-better' || (d === undefined && (hint === 'cost' || hint === 'time'))) && target.op !== 'lte') {
    return { ...target, op: 'lte' };
  }
  return target;
}

function isCountLike(t: ThresholdTarget): boolean {
  if (t.percent) return false;
  const c = unitCategory(t.unit);
  return c === undefined || c === 'count' || c === 'unknown';
}

export function directionOf(target: ParsedTarget): EvaluationDirection {
  switch (target.kind) {
    case 'threshold':
      return target.op === 'gte' || target.op === 'gt' ? 'higher-better' : 'lower-better';
    case 'exact':
      return 'exact';
    case 'range':
      return 'range';
    case 'deadline':
      return 'deadline';
    case 'qualitative':
      return 'qualitative';
    case 'unparsed':
      return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Units (rule E8)

interface Side {
  readonly value: Dec;
  readonly unit?: string | undefined;
  readonly percent: boolean;
}

type Aligned = { readonly tv: Dec; readonly av: Dec } | { readonly why: string };

function unitName(s: Side): string {
  return s.percent ? '百分比' : s.unit === undefined ? '无单位' : `「${s.unit}」`;
}

/** Brings target and actual to one unit; an actual without a unit takes the target's. */
function align(t: Side, a: Side): Aligned {
  if (a.unit === undefined && !a.percent) return { tv: t.value, av: a.value };
  if (t.unit === undefined && !t.percent) return { tv: t.value, av: a.value };
  if (t.percent || a.percent) {
    if (t.percent && a.percent) return { tv: t.value, av: a.value };
    return { why: `单位不同：目标为${unitName(t)}，实际为${unitName(a)}` };
  }
  const ti = unitInfo(t.unit ?? '');
  const ai = unitInfo(a.unit ?? '');
  if (ti.base !== ai.base) return { why: `单位不同：目标为${unitName(t)}，实际为${unitName(a)}` };
  return { tv: t.value.times(ti.factor), av: a.value.times(ai.factor) };
}

function approxNote(a: MeasureActual): string {
  return a.approx === undefined ? '' : '（实际值为约数，按所写数字计算）';
}

// ---------------------------------------------------------------------------------------------
// Quantitative targets (rules E1, E4, E5, E6)

function boundVerdict(
  op: ThresholdTarget['op'],
  tv: Dec,
  av: Dec,
  actualText: Text,
  targetText: Text,
): Verdict {
  const higher = op === 'gte' || op === 'gt';
  const ok = op === 'gte' ? av.gte(tv) : op === 'gt' ? av.gt(tv) : op === 'lte' ? av.lte(tv) : av.lt(tv);
  if (ok) return met(() => `实际${actualText}，达到目标「${targetText}」`);
  const edge = av.eq(tv) ? '，恰好等于界值但目标不含界值' : '';
  if (higher) {
    if (!av.isNegative() && !av.isZero() && tv.gt(Dec.ZERO)) {
      return partly(av, tv, () => `实际${actualText}未达到目标「${targetText}」${edge}，完成比例 ${ratioText(av, tv)}`);
    }
    return notMet(() => `实际${actualText}未达到目标「${targetText}」，完成比例为0`);
  }
  if (tv.gt(Dec.ZERO) && av.gt(Dec.ZERO)) {
    return partly(tv, av, () => `实际${actualText}超出目标「${targetText}」${edge}，完成比例 ${ratioText(tv, av)}`);
  }
  return notMet(() => `实际${actualText}超出目标「${targetText}」，目标上限不大于0，完成比例为0`);
}

function exactVerdict(tv: Dec, av: Dec, actualText: Text, targetText: Text): Verdict {
  if (av.eq(tv)) return met(() => `实际${actualText}，与目标「${targetText}」相等`);
  const small = Dec.min(av, tv);
  const large = Dec.max(av, tv);
  if (small.gt(Dec.ZERO)) {
    return partly(small, large, () => `实际${actualText}与目标「${targetText}」不相等，按较小值 ÷ 较大值，${ratioText(small, large)}`);
  }
  return notMet(() => `实际${actualText}与目标「${targetText}」不相等，完成比例为0`);
}

function rangeVerdict(t: RangeTarget, low: Dec, high: Dec, av: Dec, actualText: Text, targetText: Text): Verdict {
  const below = t.lowInclusive ? av.lt(low) : av.lte(low);
  const above = t.highInclusive ? av.gt(high) : av.gte(high);
  if (!below && !above) return met(() => `实际${actualText}，在目标范围「${targetText}」内`);
  if (below) {
    if (low.gt(Dec.ZERO) && av.gt(Dec.ZERO)) {
      return partly(av, low, () => `实际${actualText}低于目标范围「${targetText}」，按下限计算完成比例 ${ratioText(av, low)}`);
    }
    return notMet(() => `实际${actualText}低于目标范围「${targetText}」，完成比例为0`);
  }
  if (high.gt(Dec.ZERO) && av.gt(Dec.ZERO)) {
    return partly(high, av, () => `实际${actualText}高于目标范围「${targetText}」，按上限计算完成比例 ${ratioText(high, av)}`);
  }
  return notMet(() => `实际${actualText}高于目标范围「${targetText}」，完成比例为0`);
}

/** A qualitative actual against any target (rules E10, E11). Undefined when it says nothing about completion. */
function completionVerdict(a: QualitativeActual, targetText: Text, options: EvaluateOptions | undefined, numeric: boolean): Verdict | undefined {
  const noFigure = numeric ? '（未填写实际数值）' : '';
  switch (a.family) {
    case 'achieved':
      return met(() => `实际完成值「${a.level}」表示已达成目标「${targetText}」${noFigure}`);
    case 'not-achieved':
      return notMet(() => `实际完成值「${a.level}」表示未达成目标「${targetText}」`);
    case 'partly':
      return {
        status: 'partly-met',
        explanation: () => `实际完成值「${a.level}」表示部分达成目标「${targetText}」，按规则在60%（含）至80%档内评分`,
      };
    case 'grade': {
      const band = a.band ?? '中';
      const share = options?.bandShares?.[band] ?? DEFAULT_BAND_SHARES[band];
      const pct = share.times(Dec.HUNDRED).toString();
      if (share.gte(Dec.ONE)) return met(() => `实际等级为${band}，视为达成目标「${targetText}」`);
      if (share.isZero() || share.isNegative()) return notMet(() => `实际等级为${band}，按0%计`);
      return partly(share, Dec.ONE, () => `实际等级为${band}，按${pct}%计`);
    }
    default:
      return undefined;
  }
}

function measureAgainst(t: ThresholdTarget | ExactTarget | RangeTarget, a: MeasureActual, targetText: Text): Verdict {
  const actualText: Text = new LazyText(() => `${formatQuantity(a.value, a.unit ?? t.unit, a.percent || (a.unit === undefined && t.percent), a.approx)}${approxNote(a)}`);
  if (t.kind === 'range') {
    const lo = align({ value: t.low, unit: t.unit, percent: t.percent }, a);
    const hi = align({ value: t.high, unit: t.unit, percent: t.percent }, a);
    if ('why' in lo || 'why' in hi) return notComparable(() => `无法比较：${'why' in lo ? lo.why : 'why' in hi ? hi.why : ''}`);
    return rangeVerdict(t, lo.tv, hi.tv, lo.av, actualText, targetText);
  }
  const al = align(t, a);
  if ('why' in al) return notComparable(() => `无法比较：${al.why}`);
  if (t.kind === 'exact') return exactVerdict(al.tv, al.av, actualText, targetText);
  return boundVerdict(t.op, al.tv, al.av, actualText, targetText);
}

// ---------------------------------------------------------------------------------------------
// Deadlines (rules E7, E12)

type DayKey = readonly [year: number | undefined, month: number, day: number];

function upper(d: DateDue): DayKey {
  return [d.year, d.month, d.period === 'day' ? (d.day ?? 31) : 31];
}

function lower(d: DateDue): DayKey {
  switch (d.period) {
    case 'year':
      return [d.year, 1, 1];
    case 'year-end':
      return [d.year, 12, 1];
    case 'half-year':
      return [d.year, d.month - 5, 1];
    case 'quarter':
      return [d.year, d.month - 2, 1];
    case 'month':
      return [d.year, d.month, 1];
    case 'day':
      return [d.year, d.month, d.day ?? 1];
  }
}

/** Compares two day keys; a missing year on either side is taken as the same year. */
function cmpDay(a: DayKey, b: DayKey): number {
  if (a[0] !== undefined && b[0] !== undefined && a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2] - b[2];
}

function durationAgainst(due: DurationDue, a: ParsedActual, options: EvaluateOptions | undefined, targetText: Text): Verdict {
  const tSide: Side = { value: due.value, unit: due.unit, percent: false };
  if (a.kind === 'measure') {
    const al = align(tSide, a);
    if ('why' in al) return notComparable(() => `无法比较：${al.why}`);
    const actualText = formatQuantity(a.value, a.unit ?? due.unit, a.percent, a.approx);
    if (al.av.lte(al.tv)) return met(() => `实际用时${actualText}，在期限「${targetText}」内`);
    if (options?.missedDeadline === 'ratio' && al.tv.gt(Dec.ZERO)) {
      return partly(al.tv, al.av, () => `实际用时${actualText}超过期限「${targetText}」，按规则以期限 ÷ 实际计算，${ratioText(al.tv, al.av)}`);
    }
    return notMet(() => `实际用时${actualText}超过期限「${targetText}」，逾期按0计`);
  }
  if (a.kind === 'deadline') {
    if (a.due.form !== 'duration') return notComparable(() => `无法比较：目标是时长「${targetText}」，实际是日期「${describeActual(a)}」`);
    const al = align(tSide, { value: a.due.value, unit: a.due.unit, percent: false });
    if ('why' in al) return notComparable(() => `无法比较：${al.why}`);
    if (al.av.lte(al.tv)) return met(() => `实际「${describeActual(a)}」，在期限「${targetText}」内`);
    return notComparable(() => `实际只写了「${describeActual(a)}」，比期限「${targetText}」宽，无法判断是否按期`);
  }
  return notComparable(() => `无法比较：目标是期限「${targetText}」，实际是${describeActual(a)}`);
}

function dateAgainst(due: DateDue, a: ParsedActual, targetText: Text): Verdict {
  if (a.kind !== 'deadline') return notComparable(() => `无法比较：目标是日期期限「${targetText}」，实际是${describeActual(a)}`);
  if (a.due.form !== 'date') return notComparable(() => `无法比较：目标是日期期限「${targetText}」，实际是时长「${describeActual(a)}」`);
  const limit = upper(due);
  const actualText = describeActual(a);
  if (cmpDay(upper(a.due), limit) <= 0) return met(() => `实际「${actualText}」，不晚于期限「${targetText}」`);
  if (a.op === 'on' && cmpDay(lower(a.due), limit) > 0) {
    return notMet(() => `实际「${actualText}」晚于期限「${dateText(due)}」，逾期按0计`);
  }
  return notComparable(() => `实际「${actualText}」与期限「${targetText}」有重叠，无法判断是否按期`);
}

// ---------------------------------------------------------------------------------------------

function evaluateUnsafe(target: ParsedTarget, actual: ParsedActual, options: EvaluateOptions | undefined): Evaluation {
  if (target.kind === 'unparsed') {
    return finish('unknown', notComparable(() => `无法比较：目标值无法识别（${target.reason}）`));
  }
  const t = resolveTarget(target, options);
  const direction = directionOf(t);
  const targetText: Text = t.kind === 'qualitative' ? t.level : new LazyText(() => describeTarget(t));
  if (actual.kind === 'unparsed') {
    return finish(direction, notComparable(() => `无法比较：实际完成值无法识别（${actual.reason}）`));
  }
  if (actual.kind === 'expression') {
    return finish(
      direction,
      notComparable(() => `无法比较：实际完成值「${actual.text.trim()}」写成了表达式，应填写实际达到的数值`),
    );
  }
  switch (t.kind) {
    case 'threshold':
    case 'exact':
    case 'range': {
      if (actual.kind === 'measure') return finish(direction, measureAgainst(t, actual, targetText));
      if (actual.kind === 'qualitative') {
        const v = completionVerdict(actual, targetText, options, true);
        if (v !== undefined) return finish(direction, v);
        return finish(direction, notComparable(() => `无法比较：目标是数值「${targetText}」，实际是定性表述「${actual.level}」`));
      }
      if (t.kind === 'threshold' && actual.due.form === 'duration' && (t.op === 'lte' || t.op === 'lt')) {
        // ≤2个工作日 against 1个工作日内
        const al = align(t, { value: actual.due.value, unit: actual.due.unit, percent: false });
        if ('why' in al) return finish(direction, notComparable(() => `无法比较：${al.why}`));
        if (t.op === 'lte' ? al.av.lte(al.tv) : al.av.lt(al.tv)) {
          return finish(direction, met(() => `实际「${describeActual(actual)}」，达到目标「${targetText}」`));
        }
        return finish(direction, notComparable(() => `实际只写了「${describeActual(actual)}」，无法判断是否达到「${targetText}」`));
      }
      return finish(direction, notComparable(() => `无法比较：目标是数值「${targetText}」，实际是时间「${describeActual(actual)}」`));
    }
    case 'deadline': {
      if (actual.kind === 'qualitative') {
        const v = completionVerdict(actual, targetText, options, false);
        if (v !== undefined) return finish(direction, v);
        return finish(direction, notComparable(() => `无法比较：目标是期限「${targetText}」，实际是定性表述「${actual.level}」`));
      }
      if (t.due.form === 'duration') return finish(direction, durationAgainst(t.due, actual, options, targetText));
      return finish(direction, dateAgainst(t.due, actual, targetText));
    }
    case 'qualitative': {
      if (actual.kind !== 'qualitative') {
        return finish(
          direction,
          notComparable(() => `无法比较：目标是定性表述「${t.level}」，实际是${actual.kind === 'measure' ? '数值' : '时间'}${describeActual(actual)}`),
        );
      }
      if (actual.level === t.level) return finish(direction, met(() => `实际完成值「${actual.level}」与目标一致`));
      const v = completionVerdict(actual, targetText, options, false);
      if (v !== undefined) return finish(direction, v);
      if (actual.family === t.family) {
        return finish(direction, met(() => `实际完成值「${actual.level}」与目标「${t.level}」含义相同`));
      }
      return finish(direction, notComparable(() => `无法比较：实际完成值「${actual.level}」与目标「${t.level}」含义不同，需人工判断`));
    }
    case 'unparsed':
      return finish('unknown', notComparable(() => `无法比较：目标值无法识别（${t.reason}）`));
  }
}

/**
 * Evaluates an actual against a target. Never throws. See README.md for the rules; in short:
 * more-is-better targets are met when reached (else ratio actual ÷ target), less-is-better when
 * within (else target ÷ actual), exact when equal (else smaller ÷ larger), ranges when inside
 * (else the ratio to the nearer bound), deadlines when on or before (else 0).
 */
export function evaluate(target: ParsedTarget, actual: ParsedActual, options?: EvaluateOptions): Evaluation {
  try {
    return evaluateUnsafe(target, actual, options);
  } catch {
    return new EvaluationResult('not-comparable', 'unknown', '无法比较：评价时出现意外错误');
  }
}

