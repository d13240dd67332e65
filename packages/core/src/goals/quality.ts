/**
 * @module Goal quality (绩效目标审核) as the preparer types: the audit engine's indicator-quality (SMART),
 * across-years and goal-declaration families on a goal document. Not a parallel system: the checks
 * and their messages live in the audit catalogue (`audit/checks/goals.ts`, `audit/messages.ts`).
 */
import { auditDocument } from '../audit/index.js';
import type { AuditResult, CheckFamily } from '../audit/index.js';
import type { EvaluationDocument } from '../model/index.js';
import type { RuleSet } from '../rulesets/index.js';

/** The audit families that apply to a goal declaration. */
export const GOAL_QUALITY_FAMILIES: readonly CheckFamily[] = ['quality', 'history', 'goals'];

export interface GoalQualityOptions {
  ruleSet?: RuleSet | string | undefined;
  /** Earlier years' documents of the same project (last year's goals or self-evaluation). */
  history?: readonly EvaluationDocument[] | undefined;
  /** Other projects' declarations, to find copied indicators. */
  peers?: readonly EvaluationDocument[] | undefined;
  /** Families to keep (default `GOAL_QUALITY_FAMILIES`). */
  families?: readonly CheckFamily[] | undefined;
}

/**
 * Audits a goal declaration and keeps the goal-relevant families. The document is read as a
 * declaration (stage `goals`) whatever its stage says, so a draft being typed is checked as one.
 */
export function goalQuality(doc: EvaluationDocument, options: GoalQualityOptions = {}): AuditResult {
  const asGoals: EvaluationDocument = doc.header.stage === 'goals' ? doc : { ...doc, header: { ...doc.header, stage: 'goals' } };
  const result = auditDocument(asGoals, { ruleSet: options.ruleSet, history: options.history, peers: options.peers });
  const keep = new Set(options.families ?? GOAL_QUALITY_FAMILIES);
  const findings = result.findings.filter((f) => keep.has(f.family));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts, ruleSet: result.ruleSet };
}
