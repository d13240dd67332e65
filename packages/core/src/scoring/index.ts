/** @module Scoring: exact, explained scores of a document under a rule set. */
export { scoreDocument, ruleSetFor, gradeFor, gradeMatches, mainFundingTable } from './engine.js';
export { printedAgrees, halfUnitOf, percentValue } from './tolerance.js';
export type { Explanation, ItemStatus, ItemMethod, ScoredItem, ExecutionScore, SectionScore, ProjectScore, ScoreReport } from './types.js';
export { scoreReportToJson } from './json.js';
export type { ScoreReportJson } from './json.js';
