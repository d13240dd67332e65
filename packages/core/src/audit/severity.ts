/** @module Severities of findings, most serious first, and filtering by a minimum severity. */
import type { Severity } from './types.js';

/** Severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** True when `severity` is at least as serious as `minimum` (`warning` passes `info` and `warning`, not `error`). */
export function severityAtLeast(severity: Severity, minimum: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(minimum);
}
