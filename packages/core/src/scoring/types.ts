/** @module Result types of the scoring engine: every number with the formula, inputs and result behind it. */
import type { Dec } from '../decimal/index.js';
import type { EvaluationLevel } from '../model/index.js';
import type { FormulaKind } from '../rulesets/index.js';

/** What a reviewer reads next to a number: the formula, the inputs it used and the result. */
export interface Explanation {
  /** The formula in words, e.g. "分值 × 实际值 ÷ 目标值". */
  formula: string;
  /** Named inputs as printed or computed, e.g. { 分值: "20", 目标: "600批次以上", 实际: "644批次" }. */
  inputs: Record<string, string>;
  /** The result as text, e.g. "19.33". */
  result: string;
  /** One sentence in Chinese. */
  text: string;
}

/**
 * How an item's computed score came about.
 * - met / partly-met / not-met / not-comparable: a quantitative comparison of actual with target
 * - within-band / outside-band / proposed: a qualitative or graded item (proposed = no score printed, top of band)
 * - given: nothing to compute from, the printed points are taken as given
 * - missing: nothing to compute from and nothing printed
 * - summed: a section, the sum of its children
 */
export type ItemStatus =
  | 'met'
  | 'partly-met'
  | 'not-met'
  | 'not-comparable'
  | 'within-band'
  | 'outside-band'
  | 'proposed'
  | 'given'
  | 'missing'
  | 'summed';

export type ItemMethod = FormulaKind | 'sum' | 'none';

export interface ScoredItem {
  id: string;
  /** JSON path of the node in the document. */
  path: string;
  /** Names from the root section down to the node. */
  names: string[];
  /** Human path: "产出指标 › 数量指标 › 生产及流通领域产品质量监督抽查量". */
  location: string;
  name: string;
  depth: number;
  leaf: boolean;
  /** Id of the embedded project the node belongs to, for department reports with project reports. */
  project?: string | undefined;
  weight?: Dec | undefined;
  printed?: Dec | undefined;
  /** What the rules give; undefined when nothing can be computed. */
  computed?: Dec | undefined;
  /** What counts toward the total: an override, else the computed score, else the printed one. */
  effective?: Dec | undefined;
  /** A reviewer's 复核分, kept beside. */
  review?: Dec | undefined;
  method: ItemMethod;
  status: ItemStatus;
  /** Completion ratio 0–1 for quantitative items, rounded to 4 places. */
  ratio?: Dec | undefined;
  /** True when the printed score differs from the computed one beyond the rule set's tolerance. */
  differs: boolean;
  explanation: Explanation;
}

export interface ExecutionScore {
  weight: Dec;
  annualBudget?: Dec | undefined;
  executed?: Dec | undefined;
  /** Execution rate as a percentage, rounded by the rule set (156.79). */
  ratePercent?: Dec | undefined;
  printedRate?: string | undefined;
  rateDiffers: boolean;
  capped: boolean;
  computed?: Dec | undefined;
  printed?: Dec | undefined;
  effective?: Dec | undefined;
  differs: boolean;
  explanation: Explanation;
}

export interface SectionScore {
  id: string;
  name: string;
  path: string;
  project?: string | undefined;
  weight?: Dec | undefined;
  declaredWeight?: Dec | undefined;
  score?: Dec | undefined;
}

/** An embedded project report's own total (department reports with project reports, seed 001). */
export interface ProjectScore {
  id: string;
  name: string;
  /** Sum of its indicator sections; undefined when none can be scored. */
  total?: Dec | undefined;
  grade?: string | undefined;
  printedTotal?: Dec | undefined;
  printedGrade?: string | undefined;
}

export interface ScoreReport {
  /** `id@version` of the rule set used. */
  ruleSet: string;
  level: EvaluationLevel;
  total: Dec;
  grade: string;
  printedTotal?: Dec | undefined;
  printedGrade?: string | undefined;
  totalDiffers: boolean;
  gradeDiffers: boolean;
  execution?: ExecutionScore | undefined;
  /** False when the document has nothing to score (a report written as prose only, seed 001): `total` is then 0 by default, not a result. */
  scorable: boolean;
  projects: ProjectScore[];
  sections: SectionScore[];
  items: ScoredItem[];
  /** Sum of the weights that make up the total (execution plus root sections). */
  weightSum: Dec;
  /** Number of leaves counted with their printed score because nothing could be computed. */
  uncomputed: number;
  /** Number of leaves with neither a computed nor a printed score. */
  missing: number;
  explanation: Explanation;
}
