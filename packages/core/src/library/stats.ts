/**
 * @module Exact distributions of targets and actuals: histograms of decimal values (value → count),
 * mergeable by adding counts, and nearest-rank quantiles read from them (no interpolation, so every
 * quantile is a value someone actually wrote).
 */
import { Dec } from '../decimal/index.js';

/** Distinct values (canonical decimal text) with their counts, values ascending. */
export type Histogram = Array<[value: string, count: number]>;

/** Quantiles of a distribution, decimal strings; `n` is the number of values. */
export interface Quantiles {
  n: number;
  min: string;
  p10: string;
  p25: string;
  p50: string;
  p75: string;
  p90: string;
  max: string;
}

/** A histogram being built: value text → count. */
export type Tally = Map<string, number>;

export function tally(t: Tally, value: Dec): void {
  tallyText(t, value.toString());
}

/** Counts a value given as canonical decimal text (as `Dec.toString` writes it). */
export function tallyText(t: Tally, canonical: string): void {
  t.set(canonical, (t.get(canonical) ?? 0) + 1);
}

/** A tally as a sorted histogram. */
export function toHistogram(t: Tally): Histogram {
  const values = [...t.entries()].map(([k, c]) => ({ k, c, d: Dec.of(k) }));
  values.sort((a, b) => a.d.cmp(b.d));
  return values.map((x) => [x.k, x.c]);
}

/** Two histograms as one (counts added). */
export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const t: Tally = new Map();
  for (const [k, c] of a) t.set(k, (t.get(k) ?? 0) + c);
  for (const [k, c] of b) t.set(k, (t.get(k) ?? 0) + c);
  return toHistogram(t);
}

export function histogramSize(h: Histogram): number {
  let n = 0;
  for (const [, c] of h) n += c;
  return n;
}

/** The nearest-rank quantile: the smallest value with at least ⌈q·n⌉ values at or below it. */
function nearestRank(h: Histogram, n: number, q: Dec): string {
  // rank = ceil(q × n), at least 1; computed on integers: q has at most 4 places here.
  const scaled = q.times(Dec.fromInt(n));
  let rank = Number(scaled.round(0, 'up').toString());
  if (rank < 1) rank = 1;
  let seen = 0;
  for (const [k, c] of h) {
    seen += c;
    if (seen >= rank) return k;
  }
  return h[h.length - 1]![0];
}

const Q = { p10: Dec.of('0.1'), p25: Dec.of('0.25'), p50: Dec.of('0.5'), p75: Dec.of('0.75'), p90: Dec.of('0.9') };

/** Quantiles of a histogram, divided by `divisor` (to show base-unit values in the display unit); undefined when empty. */
export function quantiles(h: Histogram, divisor: Dec = Dec.ONE): Quantiles | undefined {
  const n = histogramSize(h);
  if (n === 0) return undefined;
  const show = (k: string) => (divisor.eq(Dec.ONE) ? k : Dec.of(k).div(divisor, 6)!.normalize().toString());
  return {
    n,
    min: show(h[0]![0]),
    p10: show(nearestRank(h, n, Q.p10)),
    p25: show(nearestRank(h, n, Q.p25)),
    p50: show(nearestRank(h, n, Q.p50)),
    p75: show(nearestRank(h, n, Q.p75)),
    p90: show(nearestRank(h, n, Q.p90)),
    max: show(h[h.length - 1]![0]),
  };
}

/** Share of the values below `value` plus half of those equal to it (mid-rank percentile), 4 places. */
export function percentileOf(h: Histogram, value: Dec): Dec | undefined {
  const n = histogramSize(h);
  if (n === 0) return undefined;
  let below = 0;
  let equal = 0;
  for (const [k, c] of h) {
    const cmp = Dec.of(k).cmp(value);
    if (cmp < 0) below += c;
    else if (cmp === 0) equal += c;
    else break;
  }
  // (below + equal / 2) / n, on integers: (2·below + equal) / (2n).
  return Dec.fromInt(2 * below + equal).div(Dec.fromInt(2 * n), 4)!;
}
