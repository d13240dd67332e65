/** @module Rule sets: the schema and the shipped national and provincial schemes. */
export { RuleSet, FormulaKind, SectionRule, MonitoringRules, MonitoringReasonCode, ExecutionCheckpoint, ResultsRules, Treatment } from './schema.js';
export type { RuleSetInput } from './schema.js';
export { listRuleSets, getRuleSet, ruleSetRef, defaultRuleSetFor, parseRuleSet } from './registry.js';
export { renderRuleSetDocs } from './docs.js';
