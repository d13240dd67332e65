/** @module @jixiao/core — the pure domain core shared by the CLI, the server and the browser. */
export * from './decimal/index.js';
export * from './model/index.js';
export * from './targets/index.js';
export * from './rulesets/index.js';
export * from './scoring/index.js';
export * from './audit/index.js';
export { generateProvince, SeededRandom } from './generate/province.js';
export type { ProvinceOptions } from './generate/province.js';
export * from './workflow/index.js';
export * from './goals/index.js';
export * from './monitoring/index.js';
export * from './library/index.js';
export * from './analytics/index.js';
export * from './results/index.js';
