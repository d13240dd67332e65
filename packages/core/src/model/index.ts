/** @module The evaluation model: schema, validation and tree helpers. */
export * from './schema.js';
export { parseDocument, jsonPath } from './validate.js';
export type { ParseResult, SchemaIssue } from './validate.js';
export { walkIndicators, isLeaf, humanPath, indicatorTrees } from './tree.js';
export type { IndicatorVisit } from './tree.js';
export { toJsonSchema } from './json-schema.js';
export { classifyIndicator, categoryOf, normaliseIndicatorName, isSatisfaction, weightInLabel } from './categories.js';
