/**
 * @module Rule sets (评分规则): versioned, serialisable data that name a small set of formula kinds.
 *
 * A province's scheme is a value of this type, not code. The scoring engine reads it; every score it
 * produces records `id@version`. Where the official texts leave a choice open, the rule set names
 * the choice in `choices` so a reviewer can read what was decided.
 */
import { z } from 'zod';
import { Dec } from '../decimal/decimal.js';
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

/** A fraction in [0, 1] as text: "0.25" is 25%. */
const Fraction = DecimalString.refine((x) => {
  const d = Dec.parse(x);
  return d !== undefined && !d.isNegative() && d.lte(Dec.ONE);
}, 'a fraction between 0 and 1, e.g. "0.25"');

/** Reasons the in-year monitoring (绩效运行监控) can give; `respondTo` lists those that need the unit's answer. */
export const MonitoringReasonCode = z.enum([
  'MON-CHECKPOINT-MISSED',
  'MON-EXEC-BEHIND',
  'MON-GAP',
  'MON-NO-OUTPUT',
  'MON-IND-UNREACHABLE',
  'MON-IND-BEHIND',
  'MON-IND-NO-PROGRESS',
  'MON-IND-DEADLINE-PASSED',
  'MON-IND-LEVEL-BELOW',
  'MON-NO-SNAPSHOT',
]);
export type MonitoringReasonCode = z.infer<typeof MonitoringReasonCode>;

/** An execution checkpoint: by the end of `month`, at least `minExecution` of the budget is spent. */
export const ExecutionCheckpoint = z.object({
  month: z.number().int().min(1).max(12),
  minExecution: Fraction.describe('share of the year budget, e.g. "0.25"'),
});

/**
 * In-year monitoring (绩效运行监控, 双监控) thresholds. The defaults are jixiao's, taken from a provincial
 * practice (25 / 40 / 60 / 80% by the end of April / June / August / October, goal completion and
 * execution no more than 10 points apart, 10 working days to answer); a province states its own.
 */
export const MonitoringRules = z.object({
  checkpoints: z
    .array(ExecutionCheckpoint)
    .default([
      { month: 4, minExecution: '0.25' },
      { month: 6, minExecution: '0.40' },
      { month: 8, minExecution: '0.60' },
      { month: 10, minExecution: '0.80' },
    ])
    .describe('execution checkpoints, months ascending'),
  tolerance: Fraction.default('0.1').describe(
    'how far (share of the budget) execution may lag the time-proportional schedule, and an indicator its pro-rata progress, before a warning',
  ),
  maxGapPoints: DecimalString.default('10').describe('largest gap, in percentage points, between goal completion and execution'),
  noOutputMinExecution: Fraction.default('0.1').describe('execution from which money spent with no output at all is a warning'),
  responseWorkingDays: z.number().int().min(1).max(60).default(10).describe('working days the unit has to answer a warning'),
  respondTo: z
    .array(MonitoringReasonCode)
    .default(['MON-CHECKPOINT-MISSED', 'MON-GAP', 'MON-NO-OUTPUT'])
    .describe('warnings that need the unit to choose continue, reallocate or cancel'),
  reminderWorkingDays: z.number().int().min(0).max(30).default(3).describe('remind this many working days before a response is due'),
}).superRefine((m, ctx) => {
  for (let i = 1; i < m.checkpoints.length; i++) {
    const a = m.checkpoints[i - 1]!;
    const b = m.checkpoints[i]!;
    if (b.month <= a.month) ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'month'], message: 'checkpoint months must be ascending' });
    else if (Dec.of(b.minExecution).lt(Dec.of(a.minExecution))) {
      ctx.addIssue({ code: 'custom', path: ['checkpoints', i, 'minExecution'], message: 'a later checkpoint cannot ask for less execution' });
    }
  }
});
export type MonitoringRules = z.infer<typeof MonitoringRules>;

/** What the evaluation result means for next year's budget (结果应用), most favourable first. */
export const Treatment = z.enum(['priority', 'maintain', 'reduce', 'cancel']);
export type Treatment = z.infer<typeof Treatment>;

/** Results into the next budget (结果应用): tiers by grade and what else moves a project down. */
export const ResultsRules = z.object({
  tiers: z
    .array(z.object({ grade: z.string().min(1), treatment: Treatment }))
    .default([
      { grade: '优', treatment: 'priority' },
      { grade: '良', treatment: 'maintain' },
      { grade: '中', treatment: 'reduce' },
      { grade: '差', treatment: 'cancel' },
    ])
    .describe('grade → treatment (优先保障 / 保障 / 压缩 / 取消)'),
  lowExecution: Fraction.default('0.6').describe('an execution rate below this share is low execution'),
  lowExecutionSteps: z.number().int().min(0).max(3).default(1).describe('tiers a low execution moves the treatment down'),
  seriousSeverities: z
    .array(z.enum(['error', 'warning', 'info']))
    .default(['error'])
    .describe('finding severities that count as serious'),
  seriousFindingSteps: z.number().int().min(0).max(3).default(1).describe('tiers serious findings move the treatment down'),
  listGrades: z.array(z.string().min(1)).default(['中', '差']).describe('grades that put a project on the year-end list'),
  rectificationDays: z.number().int().min(1).max(365).default(60).describe('calendar days a rectification task gets by default'),
}).superRefine((r, ctx) => {
  const seen = new Set<string>();
  r.tiers.forEach((t, i) => {
    if (seen.has(t.grade)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'grade'], message: `grade ${t.grade} has two tiers` });
    seen.add(t.grade);
  });
});
export type ResultsRules = z.infer<typeof ResultsRules>;

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
  monitoring: MonitoringRules.default(() => MonitoringRules.parse({})).describe('in-year monitoring thresholds (绩效运行监控)'),
  results: ResultsRules.default(() => ResultsRules.parse({})).describe('results into the next budget (结果应用)'),
}).superRefine((rs, ctx) => {
  const grades = new Set(rs.grades.map((g) => g.grade));
  rs.results.tiers.forEach((t, i) => {
    if (!grades.has(t.grade)) ctx.addIssue({ code: 'custom', path: ['results', 'tiers', i, 'grade'], message: `grade ${t.grade} is not one of the rule set's grades` });
  });
  for (const g of grades) {
    if (!rs.results.tiers.some((t) => t.grade === g)) ctx.addIssue({ code: 'custom', path: ['results', 'tiers'], message: `grade ${g} has no treatment` });
  }
  // A better grade never gets a less favourable treatment.
  const order = Treatment.options;
  const byMin = [...rs.grades].sort((a, b) => Dec.of(b.min).cmp(Dec.of(a.min)));
  let worst = -1;
  for (const g of byMin) {
    const t = rs.results.tiers.find((x) => x.grade === g.grade);
    if (!t) continue;
    const i = order.indexOf(t.treatment);
    if (i < worst) ctx.addIssue({ code: 'custom', path: ['results', 'tiers'], message: `grade ${g.grade} gets a more favourable treatment than a better grade` });
    worst = Math.max(worst, i);
  }
});

export type RuleSet = z.infer<typeof RuleSet>;
export type RuleSetInput = z.input<typeof RuleSet>;
