/** @module Shapes of the audit (智能审核): findings, the check catalogue and the options of `auditDocument`. */
import type { EvaluationDocument } from '../model/index.js';
import type { RuleSet } from '../rulesets/index.js';
import type { ScoreReport } from '../scoring/index.js';

/** How serious a finding is: error (the document contradicts itself or the rules), warning (a reviewer should look), info. */
export type Severity = 'error' | 'warning' | 'info';

/** Families of checks, in the order the catalogue lists them. */
export type CheckFamily = 'arithmetic' | 'weights' | 'scoring' | 'quality' | 'prose' | 'history' | 'goals';

/** Decimal figures (as strings) and short labels a finding is about, keyed by name. */
export type Figures = Record<string, string>;

/** One thing that does not add up, with where it is and what to do about it. */
export interface Finding {
  /** Stable code, e.g. `ARITH-FUNDING-SUM`. */
  code: string;
  family: CheckFamily;
  severity: Severity;
  /** Simplified Chinese. */
  message: string;
  messageEn: string;
  /** JSON path in the document, e.g. `$.funding.tables[0].rows[0].amounts.executed`. */
  path: string;
  /** Human path, e.g. "产出指标 › 数量指标 › 生产及流通领域产品质量监督抽查量". */
  location: string;
  /** The figures involved, decimals as strings. */
  figures: Figures;
  /** Suggested fix (Chinese). */
  suggestion: string;
}

/** The JSON shape of a finding (`jixiao audit --json`), a public contract. */
export interface FindingJson {
  code: string;
  severity: Severity;
  message: string;
  path: string;
  location: string;
  figures: Figures;
  suggestion: string;
}

/** What the catalogue says about one check, for documentation and the UI. */
export interface CheckInfo {
  code: string;
  family: CheckFamily;
  severity: Severity;
  title: string;
  titleEn: string;
  /** What the check looks at (Chinese). */
  checks: string;
  checksEn: string;
}

export interface AuditOptions {
  /** A rule set or its `id` / `id@version`; default: the one the document names, else the national one for its level. */
  ruleSet?: RuleSet | string | undefined;
  /** Earlier years' documents of the same organisation / project. */
  history?: readonly EvaluationDocument[] | undefined;
  /** A score report of the same document under the same rule set, when the caller already scored it. */
  score?: ScoreReport | undefined;
  /**
   * Other projects' documents (usually goal declarations of the same year), to find targets copied from
   * them (`GOAL-COPIED-PEER`). Documents of the same project (by name) are skipped.
   */
  peers?: readonly EvaluationDocument[] | undefined;
}

export interface AuditResult {
  /** Sorted by document order of `path`, then by `code`. */
  findings: Finding[];
  counts: { error: number; warning: number; info: number };
  /** `id@version` of the rule set used. */
  ruleSet: string;
}
