/** @module Exact decimal arithmetic used for every figure a user sees. */
export { Dec, placesIn } from './decimal.js';
export type { RoundingMode } from './decimal.js';
