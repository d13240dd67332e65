/**
 * @module Plain JSON shapes of parsed targets and evaluations: the public contract printed by
 * `jixiao targets --json` as `{ input, parsed: {...}, evaluation?: {...} }`. Decimals are strings.
 */
import type { Evaluation, ParsedTarget } from './types.js';

/** `{ kind, op?, value?, low?, high?, unit?, reason? }`; keys appear in this order, absent when not set. */
export interface TargetJson {
  readonly kind: ParsedTarget['kind'];
  readonly op?: 'gte' | 'gt' | 'lte' | 'lt' | 'eq';
  readonly value?: string;
  readonly low?: string;
  readonly high?: string;
  readonly unit?: string;
  readonly reason?: string;
  /** Ranges: whether each bound counts (80%≤M<90% → true, false). Added after the first contract; additive. */
  readonly lowInclusive?: boolean;
  readonly highInclusive?: boolean;
  /** Calendar deadlines: the due point (年底前 → { month: 12, period: "year-end" }). */
  readonly due?: { readonly year?: number; readonly month: number; readonly day?: number; readonly period: string };
  /** Qualitative targets: the normalised phrase (逐步提高). */
  readonly level?: string;
}

/** `{ status, ratio?, explanation }`; `ratio` is the 4-place ratio as canonical decimal text. */
export interface EvaluationJson {
  readonly status: Evaluation['status'];
  readonly ratio?: string;
  readonly explanation: string;
}

/**
 * The JSON shape of a parsed target. Percentages carry `unit: "%"` and keep their number (93).
 * Exact targets have `op: "eq"`; duration deadlines `op: "lte"` with value and unit; calendar
 * deadlines `op: "lte"` only; qualitative targets `kind` only (see README, "JSON contract").
 */
export function targetToJson(parsed: ParsedTarget): TargetJson {
  switch (parsed.kind) {
    case 'threshold':
      return {
        kind: 'threshold',
        op: parsed.op,
        value: parsed.value.toString(),
        ...(parsed.unit === undefined ? {} : { unit: parsed.unit }),
      };
    case 'exact':
      return {
        kind: 'exact',
        op: 'eq',
        value: parsed.value.toString(),
        ...(parsed.unit === undefined ? {} : { unit: parsed.unit }),
      };
    case 'range':
      return {
        kind: 'range',
        low: parsed.low.toString(),
        high: parsed.high.toString(),
        ...(parsed.unit === undefined ? {} : { unit: parsed.unit }),
        lowInclusive: parsed.lowInclusive,
        highInclusive: parsed.highInclusive,
      };
    case 'deadline':
      if (parsed.due.form === 'duration') {
        return { kind: 'deadline', op: 'lte', value: parsed.due.value.toString(), unit: parsed.due.unit };
      }
      return {
        kind: 'deadline',
        op: 'lte',
        due: {
          ...(parsed.due.year === undefined ? {} : { year: parsed.due.year }),
          month: parsed.due.month,
          ...(parsed.due.day === undefined ? {} : { day: parsed.due.day }),
          period: parsed.due.period,
        },
      };
    case 'qualitative':
      return { kind: 'qualitative', level: parsed.level };
    case 'unparsed':
      return { kind: 'unparsed', reason: parsed.reason };
  }
}

export function evaluationToJson(e: Evaluation): EvaluationJson {
  return {
    status: e.status,
    ...(e.ratio === undefined ? {} : { ratio: e.ratio.toString() }),
    explanation: e.explanation,
  };
}
