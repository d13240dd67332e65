/**
 * @module Shapes of parsed target expressions (年度指标值), parsed actuals (实际完成值) and evaluations.
 *
 * Every shape is plain readonly data with a `kind` tag; decimals are `Dec`, never JavaScript numbers
 * (month and day numbers of a date are the only `number`s, and they are small integers).
 */
import type { Dec } from '../decimal/decimal.js';

/** Comparison of a one-sided bound. `gte`/`lte` include the number (含), `gt`/`lt` exclude it (不含). */
export type ThresholdOp = 'gte' | 'gt' | 'lte' | 'lt';

/** Approximation words: 余 / 多 (more than), 近 / 将近 (nearly), 约 / 左右 (about). */
export type Approx = 'more-than' | 'nearly' | 'about';

/** Grade bands used by grading schemes and by qualitative completion (优 / 良 / 中 / 差). */
export type Band = '优' | '良' | '中' | '差';

/**
 * What a qualitative phrase (定性表述) says, used to decide whether an actual matches a target.
 * - `improve` 逐步提高 / 不断提升 / 持续向好 / 逐步改善 …
 * - `reduce` 逐步降低 / 有效遏制 / 不断减少 … (a decrease that is the goal)
 * - `stable` 保持稳定 / 稳中有升 …
 * - `long-term` 长期 / 长期有效 / 长效 …
 * - `effective` 效果明显 / 有效 / 显著 / 成效显著 …
 * - `achieved` 达成预期指标 / 完成 / 已完成 / 是 / 达到 / 达标 / 能圆满完成 …
 * - `partly` 部分完成 / 基本完成 / 部分达成 …
 * - `not-achieved` 未完成 / 未达成 / 否 …
 * - `grade` 优 / 良 / 中 / 差 (the band is in `band`)
 * - `none` 无 (nothing happened / nothing required, e.g. 无重大事故)
 */
export type QualitativeFamily =
  | 'improve'
  | 'reduce'
  | 'stable'
  | 'long-term'
  | 'effective'
  | 'achieved'
  | 'partly'
  | 'not-achieved'
  | 'grade'
  | 'none';

/** `600批次以上`, `≧70%`, `不超过700元/批次`, `M≥90%以上`, and `600批次` (no operator: `implied`). */
export interface ThresholdTarget {
  readonly kind: 'threshold';
  readonly op: ThresholdOp;
  /** The number as written, after multipliers: `4.4万人次` → 44000; `93%` → 93. */
  readonly value: Dec;
  /** Unit as written (full-width brackets normalised): `批次`, `元/批次`, `%` for percentages. */
  readonly unit?: string;
  /** True when the value is a percentage (`%`, `％`, `百分之…`); `value` keeps the number (93 for 93%). */
  readonly percent: boolean;
  /** True when no operator was written and the direction was read from the unit (see README). */
  readonly implied: boolean;
  readonly approx?: Approx;
  /** Words written before the number, e.g. `满意度` in `满意度95%以上`. */
  readonly subject?: string;
  /** Variable letter of a band threshold, e.g. `M` in `M≥90%`. */
  readonly variable?: string;
  /** Band named after the expression, e.g. `为良`. */
  readonly band?: Band;
  /** A short word after the unit that qualifies it, e.g. `企业` in `40家企业`. */
  readonly note?: string;
  /** The original text, exactly as given. */
  readonly text: string;
}

/** `80%≤M<90%`, `60%<B≤70%`, `90%-95%`, `1至2次`. */
export interface RangeTarget {
  readonly kind: 'range';
  readonly low: Dec;
  readonly high: Dec;
  readonly lowInclusive: boolean;
  readonly highInclusive: boolean;
  readonly unit?: string;
  readonly percent: boolean;
  readonly subject?: string;
  readonly variable?: string;
  readonly band?: Band;
  readonly note?: string;
  readonly text: string;
}

/** `=100%`, `＝1次`, and an implied count the caller marks exact (`1次` with hint `count`). */
export interface ExactTarget {
  readonly kind: 'exact';
  readonly value: Dec;
  readonly unit?: string;
  readonly percent: boolean;
  /** True when no `=` was written and the caller's hint or direction made it exact. */
  readonly implied: boolean;
  readonly approx?: Approx;
  readonly subject?: string;
  readonly note?: string;
  readonly text: string;
}

/** A duration: `2个工作日`, `3天`, `1.5个工作日`. */
export interface DurationDue {
  readonly form: 'duration';
  readonly value: Dec;
  readonly unit: string;
}

/**
 * A point in the calendar, at the granularity written, with `month` the last month it covers:
 * `年内` / `全年` / `2021年` (period year, month 12), `年底` (year-end, 12), `上半年` (half-year, 6),
 * `三季度末` (quarter, 9), `9月` / `9月底` (month, 9), `12月31日` (day). `9月上旬` is read as day 10
 * and `9月中旬` as day 20.
 */
export interface DateDue {
  readonly form: 'date';
  readonly year?: number;
  readonly month: number;
  readonly day?: number;
  readonly period: 'year' | 'year-end' | 'half-year' | 'quarter' | 'month' | 'day';
}

export type Due = DurationDue | DateDue;

/**
 * `2个工作日内`, `3天以内`, `年底前`, `9月前`, `12月31日前`, `2021年内完成`, `2021年1-12月`, and the
 * reduction form `7个工作日到1.5个工作日内` (due 1.5 个工作日, baseline 7 个工作日).
 */
export interface DeadlineTarget {
  readonly kind: 'deadline';
  /** On or before the due point (前 and 内 include it, see README). */
  readonly op: 'lte';
  readonly due: Due;
  /** Where a reduction starts: the 7 of `7个工作日到1.5个工作日内`. Informational only. */
  readonly baseline?: DurationDue;
  /** Start of a period target: the 1月 of `2021年1-12月`. Informational only. */
  readonly from?: DateDue;
  readonly subject?: string;
  readonly text: string;
}

/** 逐步提高, 持续向好, 不断提升, 长期, 效果明显, 有效, 显著, 达成预期指标, 优 / 良 / 中 / 差 … */
export interface QualitativeTarget {
  readonly kind: 'qualitative';
  /** The phrase, normalised (spaces, full-width forms, trailing punctuation and 已/均 removed). */
  readonly level: string;
  readonly family: QualitativeFamily;
  readonly band?: Band;
  readonly text: string;
}

/** Anything not understood; `reason` says (in Chinese) what was not understood. Never empty. */
export interface UnparsedTarget {
  readonly kind: 'unparsed';
  readonly reason: string;
  readonly text: string;
}

export type ParsedTarget =
  | ThresholdTarget
  | RangeTarget
  | ExactTarget
  | DeadlineTarget
  | QualitativeTarget
  | UnparsedTarget;

export type TargetKind = ParsedTarget['kind'];

/** A measured actual: `644批次`, `95.03%`, `1.5个工作日`, `600余份`, `近10万元`. */
export interface MeasureActual {
  readonly kind: 'measure';
  readonly value: Dec;
  readonly unit?: string;
  readonly percent: boolean;
  readonly approx?: Approx;
  readonly subject?: string;
  readonly note?: string;
  readonly text: string;
}

/** A qualitative actual: 逐步提高, 达成预期指标, 完成, 是, 优, 部分完成 … */
export interface QualitativeActual {
  readonly kind: 'qualitative';
  readonly level: string;
  readonly family: QualitativeFamily;
  readonly band?: Band;
  readonly text: string;
}

/**
 * A time statement: `9月20日` (op `on`: it happened then), `年底前完成` / `2个工作日内` (op `lte`: it
 * happened no later than that), `2021年1月至2021年12月` (op `on`, with `from`).
 */
export interface DeadlineActual {
  readonly kind: 'deadline';
  readonly op: 'on' | 'lte';
  readonly due: Due;
  readonly from?: DateDue;
  readonly text: string;
}

/** An actual written as an expression (`≧70%`, `≥266米`, `90%以上`): not a measurement. */
export interface ExpressionActual {
  readonly kind: 'expression';
  readonly parsed: ParsedTarget;
  readonly text: string;
}

export interface UnparsedActual {
  readonly kind: 'unparsed';
  readonly reason: string;
  readonly text: string;
}

export type ParsedActual = MeasureActual | QualitativeActual | DeadlineActual | ExpressionActual | UnparsedActual;

export type ActualKind = ParsedActual['kind'];

export type EvaluationStatus = 'met' | 'partly-met' | 'not-met' | 'not-comparable';

/**
 * How the target was read. `unknown` is used only when the target itself could not be parsed.
 */
export type EvaluationDirection =
  | 'higher-better'
  | 'lower-better'
  | 'exact'
  | 'range'
  | 'deadline'
  | 'qualitative'
  | 'unknown';

export interface Evaluation {
  readonly status: EvaluationStatus;
  /** Completion ratio in [0, 1], rounded half-up to 4 places. Absent when not comparable. */
  readonly ratio?: Dec;
  /** The exact fraction behind `ratio`, so scoring can multiply by the weight before rounding. */
  readonly ratioParts?: { readonly numerator: Dec; readonly denominator: Dec };
  readonly direction: EvaluationDirection;
  /** One line in Simplified Chinese. */
  readonly explanation: string;
}

/** What the caller knows about the indicator, from its name or section (成本指标, 时效指标 …). */
export type TargetHint = 'cost' | 'time' | 'count';

export interface EvaluateOptions {
  /**
   * `cost` (成本指标) and `time` (时效指标): a target written without an operator is less-is-better.
   * `count`: a count written without an operator (`1次`, `2人`) is exact.
   */
  readonly hint?: TargetHint;
  /**
   * The indicator's 正向 / 反向 override (the model's `direction`). Applies to targets written
   * without an operator only; a written operator always wins.
   */
  readonly direction?: 'higher-better' | 'lower-better' | 'exact';
  /**
   * What a missed duration deadline (`2个工作日内`, actual 3个工作日) scores: `zero` (default, the
   * national rule: not met, ratio 0) or `ratio` (partly met, target ÷ actual). Calendar deadlines
   * are always zero when missed.
   */
  readonly missedDeadline?: 'zero' | 'ratio';
  /** Share of the weight for a graded actual; default 优 1, 良 0.8, 中 0.6, 差 0 (rules §3). */
  readonly bandShares?: Partial<Readonly<Record<Band, Dec>>>;
}
