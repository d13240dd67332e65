/** @module Comparing printed figures with computed ones: half a unit in the last printed place. */
import { Dec, placesIn } from '../decimal/index.js';

/** Half a unit in the last decimal place written: "45.67" → 0.005, "100" → 0.5. */
export function halfUnitOf(printed: string): Dec {
  return Dec.fromUnits(5n, placesIn(printed) + 1);
}

/**
 * True when `computed` rounds to what was printed: |computed − printed| ≤ half a unit of the last
 * printed place, bounded above by `max` when given (so an integer "5" is not taken as a rounding of 4.6).
 */
export function printedAgrees(printed: string, computed: Dec, max?: Dec): boolean {
  const value = Dec.parse(printed.replace(/[%％]\s*$/, ''));
  if (!value) return false;
  let tol = halfUnitOf(printed);
  if (max && max.lt(tol)) tol = max;
  return computed.minus(value).abs().lte(tol);
}

/** Reads a printed percentage ("100%", "92.63") as its number of percent. */
export function percentValue(printed: string): Dec | undefined {
  return Dec.parse(printed.replace(/[%％]\s*$/, ''));
}
