/**
 * @module Rule sets (评分规则): versioned, serialisable data that name a small set of formula kinds.
 *
 * A province's scheme is a value of this type, not code. The scoring engine reads it; every score it
 * produces records `id@version`. Where the official texts leave a choice open, the rule set names
 * the choice in `choices` so a reviewer can read what was decided.
 */
import { z } from 'zod';
import { DecimalString, IndicatorCategory } from '../model/schema.js';

/** How a leaf indicator is scored. */
export const FormulaKind = z.enum([
  'quantitative', // 定量: full weight when met, proportional otherwise (direction-aware)
  'qualitative', // 定性: bands by stated completion (80–100 / 60–80 / 0–60 % of the weight)
  'grading-bands', // per-indicator 优 / 良 / 中 / 差 thresholds, share of weight per band
  'survey-score', // 满意度 survey score on 0–100: weight × score ÷ 100
  'rate-proportional', // a rate with no target: weight × rate
  'given', // no formula applies: the printed points are taken as given (and reported as such)
]);
export type FormulaKind = z.infer<typeof FormulaKind>;

export const RoundingMode = z.enum(['half-up', 'half-even', 'down', 'up']);

/** A section of the framework: matched to document nodes by category or name. */
export const SectionRule = z.object({
  key: z.string().min(1),
  name: z.string().describe('Chinese name, e.g. 产出指标'),
  categories: z.array(IndicatorCategory).min(1).describe('node categories this section matches'),
  weight: DecimalString.optional().describe('the scheme weight of the section, when fixed'),
  requiredCategories: z
    .array(z.array(IndicatorCategory).min(1))
    .default([])
    .describe('each inner list: at least one child of one of these categories must exist (e.g. 产出 needs 数量 and 质量)'),
  leafFormula: FormulaKind.optional().describe('force a formula for the leaves of this section'),
});
export type SectionRule = z.infer<typeof SectionRule>;

export const GradeRule = z.object({
  grade: z.string().min(1).describe('优 / 良 / 中 / 差'),
  min: DecimalString.describe('lower bound, included'),
  aliases: z.array(z.string()).default([]).describe('printed forms accepted as this grade, e.g. 优秀'),
});

/** A cap on the total by execution rate, seen in provincial 一体化 systems. */
export const ExecutionCap = z.object({
  rateBelow: DecimalString.describe('execution rate as a fraction, e.g. "0.6"'),
  maxTotal: DecimalString,
});

export const RuleSet = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  name: z.string().describe('Chinese name of the scheme'),
  description: z.string(),
  sources: z.array(z.string()).min(1).describe('official documents the rules come from'),
  level: z.enum(['project', 'department', 'any']),
  totalWeight: DecimalString.describe('what all weights should add up to (100)'),
  execution: z
    .object({
      weight: DecimalString.describe('预算执行率 分值'),
      formula: z.literal('capped-ratio').describe('weight × min(全年执行数 ÷ 全年预算数, 1)'),
    })
    .nullable()
    .describe('budget execution scoring; null when the scheme has none'),
  sections: z.array(SectionRule),
  quantitative: z.object({
    partial: z.literal('proportional'),
    missedDeadline: z.enum(['zero', 'proportional']).describe('score for a missed deadline'),
    targetTooLowFactor: DecimalString.describe('audit warns when actual ≥ factor × target (more-is-better)'),
    targetTooHighFactor: DecimalString.describe('audit warns when actual ≤ factor × target (less-is-better)'),
    deviationPenalty: z
      .object({ threshold: DecimalString, points: DecimalString })
      .optional()
      .describe('a fixed deduction when the deviation from target reaches the threshold (fraction)'),
  }),
  qualitative: z.object({
    achieved: z.tuple([DecimalString, DecimalString]).describe('share of weight for 达成年度指标, [low, high]'),
    partly: z.tuple([DecimalString, DecimalString]).describe('部分达成并具有一定效果'),
    notAchieved: z.tuple([DecimalString, DecimalString]).describe('未达成且效果较差'),
    unscored: z.literal('top-of-band').describe('what to propose when no score is printed'),
  }),
  gradingBands: z.object({
    excellent: DecimalString,
    good: DecimalString,
    fair: DecimalString,
    poor: DecimalString,
  }),
  satisfactionWithoutTarget: z
    .enum(['given', 'rate-proportional'])
    .describe('how a satisfaction rate with no target is scored'),
  unitemisedRemainder: z
    .enum(['printed', 'none'])
    .describe('a section whose children carry only part of its weight: take the rest as printed, or leave it uncomputed'),
  grades: z.array(GradeRule).min(1),
  rounding: z.object({
    scorePlaces: z.number().int().min(0).max(6),
    ratePlaces: z.number().int().min(0).max(6).describe('decimal places of a percentage (156.79%)'),
    mode: RoundingMode,
  }),
  tolerance: z.object({
    kind: z.literal('half-unit-last-printed-place'),
    max: DecimalString.describe('upper bound, so that an integer printed score is not read as a rounding of 4.6'),
  }),
  normalisation: z.enum(['none', 'scale-to-total']).describe('when the framework weights do not add up to totalWeight'),
  executionCaps: z.array(ExecutionCap).default([]),
  choices: z
    .array(z.object({ key: z.string(), text: z.string() }))
    .default([])
    .describe('choices made where the official texts leave them open'),
});

export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
