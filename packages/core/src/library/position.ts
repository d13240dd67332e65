/**
 * @module Where a target stands (目标值定位): against the targets peers set for the same library entry
 * (the mid-rank percentile of the value in their distribution) and against last year's actual, reading
 * direction from the target: for a more-is-better target a low value is the weak one, for a
 * less-is-better target (a cost ceiling, a duration) a high value is.
 *
 * - ambition = the percentile for more-is-better, 1 − percentile for less-is-better (0 weakest, 1 strongest)
 * - far below peers: ambition < 0.10; below peers: < 0.25; above peers: > 0.75; typical otherwise
 * - fewer than `MIN_PEERS` peer targets: not judged (`LIB-FEW-PEERS`)
 * - below last year: more-is-better target under last year's actual (less-is-better: above it)
 */
import { Dec } from '../decimal/index.js';
import { directionOf, parseActualCached, parseTargetCached, resolveTarget, unitInfo } from '../targets/index.js';
import type { EvaluateOptions } from '../targets/index.js';
import { displayDivisor } from './entry.js';
import { POSITION_REASONS } from './messages.js';
import type { PositionReasonCode } from './messages.js';
import { unitFamily } from './normalize.js';
import { mergeHistograms, percentileOf, quantiles } from './stats.js';
import type { Histogram, Quantiles } from './stats.js';
import type { LibraryEntry } from './types.js';

export const MIN_PEERS = 5;

export type TargetStanding = 'far-below-peers' | 'below-peers' | 'typical' | 'above-peers' | 'few-peers' | 'not-comparable';

export interface PositionReason {
  code: PositionReasonCode;
  message: string;
  figures: Record<string, string>;
}

export interface TargetPosition {
  comparable: boolean;
  standing: TargetStanding;
  /** The target in the entry's display unit. */
  value?: string | undefined;
  unit?: string | undefined;
  direction?: 'higher-better' | 'lower-better' | 'exact' | undefined;
  /** Share of peer targets below the value (ties half), 4 places. */
  percentile?: string | undefined;
  /** 0 weakest … 1 most demanding among peers, 4 places. */
  ambition?: string | undefined;
  peers?: Quantiles | undefined;
  belowLastYear?: boolean | undefined;
  reasons: PositionReason[];
}

export interface PositionOptions {
  /** Compare only with peers of these years (default: all years in the entry). */
  years?: readonly number[] | undefined;
  /** The indicator's 正向 / 反向 override. */
  direction?: 'higher-better' | 'lower-better' | 'exact' | undefined;
  hint?: EvaluateOptions['hint'];
}

function reason(code: PositionReasonCode, figures: Record<string, string>): PositionReason {
  return { code, message: POSITION_REASONS[code](figures), figures };
}

/** Where `target` stands among the entry's peers and against `lastYearActual` (both as written). */
export function targetPosition(entry: LibraryEntry, target: string, lastYearActual?: string, options: PositionOptions = {}): TargetPosition {
  const parsed = parseTargetCached(target);
  const eo: EvaluateOptions = { ...(options.hint ? { hint: options.hint } : {}), ...(options.direction ? { direction: options.direction } : {}) };
  const resolved = resolveTarget(parsed, eo);
  if ((resolved.kind !== 'threshold' && resolved.kind !== 'exact') || unitFamily(parsed) !== entry.family) {
    return { comparable: false, standing: 'not-comparable', reasons: [reason('LIB-NOT-COMPARABLE', {})] };
  }
  const d = directionOf(resolved);
  const direction = d === 'higher-better' || d === 'lower-better' || d === 'exact' ? d : undefined;
  const base = resolved.percent || resolved.unit === undefined ? resolved.value : resolved.value.times(unitInfo(resolved.unit).factor);
  const divisor = displayDivisor(entry.family, entry.unit);
  const shown = divisor.eq(Dec.ONE) ? base : base.div(divisor, 6)!.normalize();
  const display = `${shown.toString()}${entry.unit ?? ''}`;
  const reasons: PositionReason[] = [];

  // Last year's actual, in the same base unit.
  let belowLastYear: boolean | undefined;
  if (lastYearActual !== undefined && lastYearActual.trim() !== '') {
    const a = parseActualCached(lastYearActual);
    if (a.kind === 'measure') {
      let last: Dec | undefined;
      if (a.percent) last = entry.family === '%' ? a.value : undefined;
      else if (a.unit === undefined) last = resolved.percent || resolved.unit === undefined ? a.value : a.value.times(unitInfo(resolved.unit).factor);
      else if (unitInfo(a.unit).base === entry.family) last = a.value.times(unitInfo(a.unit).factor);
      if (last !== undefined && direction !== 'exact' && direction !== undefined) {
        belowLastYear = direction === 'higher-better' ? base.lt(last) : base.gt(last);
        if (belowLastYear) reasons.push(reason('LIB-BELOW-LAST-YEAR', { target: display, lastYearActual: lastYearActual.trim() }));
      }
    }
  }

  let peersHistogram: Histogram = [];
  for (const y of entry.years) if (!options.years || options.years.includes(y.year)) peersHistogram = mergeHistograms(peersHistogram, y.targets);
  const peers = quantiles(peersHistogram, divisor);
  const common = { comparable: true, value: shown.toString(), ...(entry.unit !== undefined ? { unit: entry.unit } : {}), ...(direction ? { direction } : {}), ...(belowLastYear !== undefined ? { belowLastYear } : {}) };
  if (!peers || peers.n < MIN_PEERS) {
    reasons.push(reason('LIB-FEW-PEERS', { n: String(peers?.n ?? 0) }));
    return { ...common, standing: 'few-peers', ...(peers ? { peers } : {}), reasons };
  }
  const percentile = percentileOf(peersHistogram, base)!;
  const ambition = direction === 'lower-better' ? Dec.ONE.minus(percentile) : percentile;
  let standing: TargetStanding = 'typical';
  if (direction !== 'exact') {
    if (ambition.lt(Dec.of('0.1'))) standing = 'far-below-peers';
    else if (ambition.lt(Dec.of('0.25'))) standing = 'below-peers';
    else if (ambition.gt(Dec.of('0.75'))) standing = 'above-peers';
  }
  const median = `${peers.p50}${entry.unit ?? ''}`;
  if (standing === 'far-below-peers') {
    reasons.push(reason('LIB-FAR-BELOW-PEERS', { target: display, median, peersShare: `${Dec.ONE.minus(ambition).times(Dec.HUNDRED).round(0).toString()}%` }));
  } else if (standing === 'below-peers') {
    reasons.push(reason('LIB-BELOW-PEERS', { target: display, median }));
  }
  return { ...common, standing, percentile: percentile.toFixed(4), ambition: ambition.toFixed(4), peers, reasons };
}
