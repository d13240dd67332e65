/**
 * @module The evaluation document (绩效评价文档): one type that holds every table and report of the seeds.
 *
 * This zod schema is the single definition of the JSON interchange format. The TypeScript types are
 * inferred from it, the committed JSON Schema (`schema/evaluation.schema.json`) is generated from it,
 * and every importer, the server and the web editor read and write exactly this shape.
 *
 * Conventions:
 * - Figures are decimal strings ("243.03", "-0.5"), never JSON numbers, so nothing passes through
 *   binary floating point. Absent means "not given"; a printed "/" or blank is absent too.
 * - Text that people typed (targets, actuals, reasons) is kept verbatim; interpretation happens in
 *   the targets and scoring modules, so a document can always be shown as it was written.
 * - Printed figures (得分, 执行率, 总分 as printed) are kept beside anything computed, never replaced.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1 as const;

/** A decimal number as text: optional sign, digits, optional fraction. */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'a decimal number as text, e.g. "243.03"')
  .describe('decimal number as text (no binary floating point)');

/** A percentage as text, with or without the % sign: "100%", "95.03", "92.63%". */
export const PercentString = z
  .string()
  .regex(/^-?\d+(\.\d+)?%?$/, 'a percentage as text, e.g. "95.03%"')
  .describe('percentage as text, e.g. "95.03%"');

/** 万元 (ten thousand yuan) or 元 (yuan). */
export const MoneyUnit = z.enum(['万元', '元']).describe('money unit: 万元 or 元');

/** 项目支出 (project) or 部门整体支出 (whole department). */
export const EvaluationLevel = z.enum(['project', 'department']).describe('项目 (project) or 部门整体 (department)');

/**
 * Which step of the performance loop the document belongs to:
 * 绩效目标申报 (goals), 绩效运行监控 (monitoring), 绩效自评 (self-evaluation), 绩效评价 (evaluation by others).
 */
export const DocumentStage = z.enum(['goals', 'monitoring', 'self-evaluation', 'evaluation']);

const Text = z.string();

// ---------------------------------------------------------------------------------------------
// Header

export const SubProject = z
  .object({
    id: z.string().min(1),
    name: Text.describe('二级项目 / 子项目名称'),
    unit: Text.optional().describe('实施单位 or 处室 of this sub-project'),
    budget: DecimalString.optional().describe('amount arranged for it, in the document money unit'),
  })
  .describe('sub-project (二级项目)');

/** A link from a monitoring or self-evaluation document back to its approved goal document (the baseline). */
export const BaselineRef = z
  .object({
    id: z.string().min(1).describe('id of the goal document (stage goals)'),
    version: z.number().int().min(1).optional().describe('the version of the goal document that was approved'),
    approvedAt: Text.optional().describe('ISO date-time of the approval, when known'),
  })
  .describe('baseline (绩效目标基线)');

export const Header = z
  .object({
    title: Text.describe('report title as printed'),
    level: EvaluationLevel,
    stage: DocumentStage.default('self-evaluation'),
    year: z.number().int().min(1990).max(2100).describe('fiscal year (预算年度)'),
    organisation: Text.describe('预算部门 / 单位: the body being evaluated'),
    supervisingDepartment: Text.optional().describe('主管部门'),
    implementingUnits: z.array(Text).default([]).describe('实施单位 (one or more)'),
    projectName: Text.optional().describe('项目名称 (project level)'),
    projectCode: Text.optional().describe('项目编码'),
    period: z
      .object({ start: Text.optional(), end: Text.optional() })
      .optional()
      .describe('项目起始 / 截至时间 as printed'),
    subProjects: z.array(SubProject).default([]),
    region: Text.optional().describe('行政区划 or region code the document belongs to'),
    sector: Text.optional().describe('行业 / 领域 (e.g. 市场监管, 教育), for grouping in the indicator library and analytics'),
    functionClass: Text.optional().describe('支出功能分类科目 as printed, e.g. "2013899 其他市场监督管理事务"'),
    projectType: Text.optional().describe('项目类型 (e.g. 专项业务类, 设备购置类, 基本建设类)'),
    baseline: BaselineRef.optional().describe(
      'the approved goal declaration (绩效目标申报) a monitoring or self-evaluation document was created from',
    ),
  })
  .describe('header (表头)');

// ---------------------------------------------------------------------------------------------
// Money

/**
 * Amount columns met in the seeds' money tables. One row may fill any subset.
 * - initialBudget 年初预算数, annualBudget 全年预算数 (调整后), executed 全年执行数 (seed 000, 004)
 * - budget 预算数, carryOverStart 年初结转结余, income 收入数 / 本年收入, expenditure 支出数 / 本年支出,
 *   carryOverEnd 年末结转结余 / 期末结余 (seed 002, and seed 004's subordinate-unit table)
 * - arranged 预算安排资金, arrived 实际到位资金 (seed 002 资金到位)
 * - amount: a single figure (seed 004's 按收入性质分 / 按支出性质分 breakdowns)
 */
export const AmountColumn = z.enum([
  'initialBudget',
  'annualBudget',
  'executed',
  'budget',
  'carryOverStart',
  'income',
  'expenditure',
  'carryOverEnd',
  'arranged',
  'arrived',
  'amount',
]);

/** What a funding row stands for, when known (资金来源 / 性质). */
export const FundingSourceKind = z.enum([
  'same-level-fiscal', // 本级 / 同级财政拨款, 一般公共预算, 公共财政预算
  'upper-fiscal', // 上级 / 省级 / 中央财政拨款, 上级追加
  'central-fiscal', // 中央财政
  'lower-matching', // 下级配套
  'carry-over', // 上年结转资金
  'non-tax', // 纳入专户管理的非税收入拨款
  'government-fund', // 政府性基金
  'self-raised', // 部门自筹
  'basic-expenditure', // 基本支出
  'project-expenditure', // 项目支出
  'other', // 其他资金
]);

export const FundingRow = z
  .object({
    label: Text.describe('row label as printed, e.g. "其中：同级财政拨款"'),
    role: z.enum(['total', 'item']).describe('total: the row others sum to; item: a part of it'),
    sourceKind: FundingSourceKind.optional(),
    subProject: z.string().optional().describe('id of the sub-project this row is about'),
    project: z.string().optional().describe('id of the embedded project this row is about (department reports)'),
    amounts: z.partialRecord(AmountColumn, DecimalString).default({}),
    note: Text.optional(),
  })
  .describe('one row of a money table');

export const FundingTableKind = z.enum([
  'project-funding', // 项目资金 / 年度资金总额 block of the 自评表 (drives 预算执行率)
  'income-nature', // 按收入性质分
  'expenditure-nature', // 按支出性质分
  'sub-projects', // 项目支出明细 per sub-project
  'subordinate-units', // 机关及所属单位结转结余情况
  'funds-arrival', // 预算安排资金 vs 实际到位资金 by source
  'other',
]);

export const FundingTable = z
  .object({
    id: z.string().min(1),
    title: Text.optional(),
    kind: FundingTableKind,
    unit: MoneyUnit,
    rows: z.array(FundingRow),
  })
  .describe('a money table: rows of amounts; item rows should sum to the total row');

/** 预算执行率 block as printed beside the total row (分值 / 执行率 / 得分). */
export const ExecutionPrinted = z.object({
  weight: DecimalString.optional().describe('分值 (usually 10)'),
  printedRate: PercentString.optional().describe('执行率 as printed'),
  printedScore: DecimalString.optional().describe('得分 as printed'),
});

export const Funding = z.object({
  unit: MoneyUnit.describe('money unit of the main funding block'),
  tables: z.array(FundingTable).default([]),
  execution: ExecutionPrinted.optional(),
});

// ---------------------------------------------------------------------------------------------
// Goals and indicators

export const Goal = z
  .object({
    subject: Text.optional().describe('which project or sub-project the goal is for, when several'),
    expected: Text.describe('预期目标'),
    actual: Text.optional().describe('实际完成情况'),
  })
  .describe('年度总体目标');

/** Second-level classification (二级指标 kinds), used for required-category checks and the library. */
export const IndicatorCategory = z.enum([
  'output', // 产出指标
  'benefit', // 效益指标
  'satisfaction', // 满意度指标
  'cost', // 成本指标 (first level, seed 004)
  'input', // 投入
  'process', // 过程
  'effect', // 效果
  'decision', // 决策
  'management', // 管理
  'performance', // 绩效
  'quantity', // 数量指标
  'quality', // 质量指标
  'timeliness', // 时效指标
  'cost-output', // 成本指标 under 产出
  'economic', // 经济效益
  'social', // 社会效益
  'ecological', // 生态效益
  'sustainable', // 可持续影响
  'service-satisfaction', // 服务对象满意度
  'other',
]);

/** Per-indicator grading bands 优 / 良 / 中 / 差 with thresholds as printed ("M≥90%", "80%≤M<90%"). */
export const GradingBands = z.object({
  excellent: Text.optional().describe('优'),
  good: Text.optional().describe('良'),
  fair: Text.optional().describe('中'),
  poor: Text.optional().describe('差'),
});

export const EvidenceRef = z.object({
  id: z.string().min(1),
  name: Text.describe('file or document name (佐证材料)'),
  ref: Text.optional().describe('storage key or URL'),
  size: z.number().int().nonnegative().optional(),
  mediaType: Text.optional(),
});

/** A score decided by someone (an override by the preparer or a reviewer's 复核分), always with a reason. */
export const ScoreDecision = z.object({
  score: DecimalString,
  reason: Text.min(1),
  by: Text.optional(),
  at: Text.optional().describe('ISO date-time'),
});

/** Stated completion of a qualitative indicator (定性): the band the rules score it in. */
export const QualitativeCompletion = z.enum(['achieved', 'partly', 'not-achieved']);

export type IndicatorNodeInput = {
  id: string;
  name: string;
  category?: z.infer<typeof IndicatorCategory> | undefined;
  declaredWeight?: string | undefined;
  weight?: string | undefined;
  target?: string | undefined;
  actual?: string | undefined;
  lastYearActual?: string | undefined;
  unit?: string | undefined;
  direction?: 'higher-better' | 'lower-better' | 'exact' | undefined;
  bands?: z.infer<typeof GradingBands> | undefined;
  completion?: z.infer<typeof QualitativeCompletion> | undefined;
  completionRate?: string | undefined;
  printedGrade?: string | undefined;
  printedScore?: string | undefined;
  override?: z.infer<typeof ScoreDecision> | undefined;
  review?: z.infer<typeof ScoreDecision> | undefined;
  deviationReason?: string | undefined;
  explanation?: string | undefined;
  note?: string | undefined;
  subProject?: string | undefined;
  evidence?: z.infer<typeof EvidenceRef>[] | undefined;
  source?: string | undefined;
  children?: IndicatorNodeInput[] | undefined;
};

/**
 * One node of the indicator tree (绩效指标), any depth: 一级 → 二级 → 三级 (→ 四级 in seed 002).
 * A node with children is a section; its weight is the declared one (产出指标(50分) → 50) unless
 * `declaredWeight` keeps the printed label separately.
 */
export const IndicatorNode: z.ZodType<IndicatorNodeInput> = z.lazy(() =>
  z.object({
    id: z.string().min(1).describe('stable within the document'),
    name: Text.describe('指标名称 as printed'),
    category: IndicatorCategory.optional(),
    declaredWeight: DecimalString.optional().describe('weight printed in the section label, e.g. 产出指标(50分)'),
    weight: DecimalString.optional().describe('分值 / 权重'),
    target: Text.optional().describe('年度指标值 as printed (a target expression)'),
    actual: Text.optional().describe('实际完成值 as printed'),
    lastYearActual: Text.optional().describe('上年完成值'),
    unit: Text.optional().describe('度量单位 when printed in its own column'),
    direction: z.enum(['higher-better', 'lower-better', 'exact']).optional().describe('正向 / 反向 override'),
    bands: GradingBands.optional(),
    completion: QualitativeCompletion.optional(),
    completionRate: PercentString.optional().describe('完成率 as printed'),
    printedGrade: Text.optional().describe('完成质量 as printed (优 / 良 / 中 / 差)'),
    printedScore: DecimalString.optional().describe('得分 as printed'),
    override: ScoreDecision.optional().describe("preparer's score override, with reason"),
    review: ScoreDecision.optional().describe("reviewer's re-score (复核分), with reason"),
    deviationReason: Text.optional().describe('偏差原因分析及改进措施'),
    explanation: Text.optional().describe('指标解释 / 评分标准'),
    note: Text.optional().describe('情况说明 and other remarks'),
    subProject: z.string().optional().describe('id of the sub-project this indicator belongs to'),
    evidence: z.array(EvidenceRef).optional(),
    source: Text.optional().describe('where it was read from (cell or line), set by importers'),
    children: z.array(IndicatorNode).optional(),
  }),
).meta({ id: 'IndicatorNode', description: 'indicator tree node (绩效指标)' });

// ---------------------------------------------------------------------------------------------
// Department extras (部门整体支出 基础数据表)

export const Staffing = z.object({
  authorized: DecimalString.optional().describe('编制数'),
  actual: DecimalString.optional().describe('实际在职人数'),
  actualLabel: Text.optional().describe('label as printed, e.g. "2022年实际在职人数"'),
  printedControlRate: PercentString.optional().describe('控制率 as printed'),
  retired: DecimalString.optional().describe('离退休人员'),
});

/** A column of the expense-control table: one year and stage (决算 final accounts / 预算 budget). */
export const ExpenseColumn = z.object({
  key: z.string().min(1),
  label: Text.describe('e.g. "2022年决算数"'),
  year: z.number().int().optional(),
  stage: z.enum(['budget', 'final']).describe('预算 or 决算'),
});

/** Kinds of expense-control rows; used for the identities the audit checks. */
export const ExpenseRowKind = z.enum([
  'three-public-total', // 三公经费
  'vehicles', // 公务用车购置和维护经费
  'vehicle-purchase', // 公车购置
  'vehicle-operation', // 公车运行维护
  'overseas', // 因公出国(境)
  'reception', // 公务接待
  'project-total', // 项目支出
  'business-funds', // 业务工作经费
  'operation-maintenance', // 运行维护经费
  'own-special-total', // 本级专项资金
  'special-fund', // one named fund (市场监督专项 …)
  'public-funds-total', // 公用经费
  'office', // 办公经费
  'utilities-travel', // 水费、电费、差旅费
  'meetings-training', // 会议费、培训费
  'procurement', // 政府采购金额
  'budget-adjustment', // 部门基本预算调整
  'other',
]);

export const ExpenseRow = z.object({
  id: z.string().min(1),
  label: Text,
  kind: ExpenseRowKind,
  parent: z.string().optional().describe('id of the row this one is a part of (its parts sum to it)'),
  partsListed: z
    .enum(['all', 'some'])
    .optional()
    .describe('on a parent row: "all" (default) when its parts must add up to it, "some" for a 其中 list of selected parts'),
  values: z.record(z.string(), DecimalString).default({}).describe('column key → amount'),
});

export const ExpenseControl = z.object({
  unit: MoneyUnit,
  columns: z.array(ExpenseColumn),
  rows: z.array(ExpenseRow),
});

/** 楼堂馆所控制情况 (buildings completed in the year). */
export const BuildingProject = z.object({
  name: Text,
  approvedArea: DecimalString.optional().describe('批复规模 (㎡)'),
  actualArea: DecimalString.optional().describe('实际规模 (㎡)'),
  printedScaleRate: PercentString.optional().describe('规模控制率 as printed'),
  budgetInvestment: DecimalString.optional().describe('预算投资 (万元)'),
  actualInvestment: DecimalString.optional().describe('实际投资 (万元)'),
  printedInvestmentRate: PercentString.optional().describe('投资概算控制率 as printed'),
});

export const DepartmentData = z
  .object({
    staffing: Staffing.optional(),
    expenseControl: ExpenseControl.optional(),
    buildings: z.array(BuildingProject).default([]),
    savingMeasures: Text.optional().describe('厉行节约保障措施'),
  })
  .describe('部门整体支出绩效评价基础数据表');

// ---------------------------------------------------------------------------------------------
// Prose and meta

export const ProseSection = z
  .object({
    id: z.string().min(1),
    heading: Text.describe('heading as printed, e.g. "（一）项目资金使用及管理情况"'),
    path: z.array(Text).default([]).describe('headings of the enclosing sections, outermost first'),
    level: z.number().int().min(0).max(9),
    text: Text.describe('the section body, paragraphs separated by newlines'),
    project: z.string().optional().describe('id of the embedded project this section belongs to'),
  })
  .describe("a section of the report's prose");

export const TeamMember = z.object({
  role: Text.describe('组长 / 副组长 / 成员'),
  name: Text,
  title: Text.optional(),
  unit: Text.optional(),
});

export const EvaluationMeta = z.object({
  evaluator: Text.optional().describe('who evaluated (the unit itself, or a third party)'),
  evaluationDate: Text.optional().describe('自评日期 as printed'),
  method: Text.optional().describe('评价方法'),
  team: z.array(TeamMember).default([]),
  survey: z
    .object({
      sampleSize: DecimalString.optional().describe('问卷数 as given in the table'),
      score: DecimalString.optional().describe('survey score on 0–100'),
      description: Text.optional(),
    })
    .optional(),
  problems: z.array(Text).default([]).describe('存在的问题'),
  measures: z.array(Text).default([]).describe('改进措施'),
  publication: z.object({ date: Text.optional(), place: Text.optional() }).optional().describe('公开 date and place'),
  printedTotal: DecimalString.optional().describe('总分 as printed'),
  printedGrade: Text.optional().describe('等级 as printed (优 / 优秀 / 良 …)'),
  statedSelfScore: DecimalString.optional().describe('a self-score stated in the prose only'),
});

// ---------------------------------------------------------------------------------------------
// Embedded projects (a department report that contains one report per special fund, seed 001)

export const EmbeddedProject = z.object({
  id: z.string().min(1),
  name: Text,
  funding: DecimalString.optional().describe('amount of the project as given, in the document money unit'),
  goals: z.array(Goal).default([]),
  indicators: z.array(IndicatorNode).default([]),
  printedTotal: DecimalString.optional(),
  printedGrade: Text.optional(),
  problems: z.array(Text).default([]).describe("the project report's 存在的问题"),
  measures: z.array(Text).default([]).describe("the project report's 改进措施"),
});

// ---------------------------------------------------------------------------------------------
// Target adjustments (绩效目标调整)

/** Where an adjustment request stands: requested, approved (it applies) or rejected (it does not). */
export const AdjustmentStatus = z.enum(['pending', 'approved', 'rejected']);

/**
 * A recorded change (调整) of an indicator's target (or weight) after the goals were approved. The
 * indicator keeps the baseline value; approved adjustments apply on top of it, in order (see
 * `applyAdjustments` in the goals module), so the original always stays beside the adjusted one.
 */
export const TargetAdjustment = z
  .object({
    id: z.string().min(1),
    indicatorId: z.string().min(1).describe('id of the indicator node (in the main tree or an embedded project)'),
    project: z.string().optional().describe('id of the embedded project the indicator belongs to, when not the main tree'),
    field: z.enum(['target', 'weight']).optional().describe('what is adjusted; absent means the target'),
    from: Text.describe('the value before the adjustment, as printed'),
    to: Text.describe('the value after the adjustment, as printed'),
    reason: Text.min(1).describe('调整原因'),
    requestedBy: Text.min(1),
    requestedAt: Text.min(1).describe('ISO date-time'),
    status: AdjustmentStatus,
    approvedBy: Text.optional(),
    approvedAt: Text.optional().describe('ISO date-time'),
    rejectedBy: Text.optional(),
    rejectedAt: Text.optional().describe('ISO date-time'),
    rejectionReason: Text.optional(),
  })
  .describe('target adjustment (指标调整)');

// ---------------------------------------------------------------------------------------------
// The document

export const EvaluationDocument = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().optional(),
    ruleSet: z.string().optional().describe('rule set id (optionally @version) the document is scored by'),
    header: Header,
    funding: Funding.optional(),
    goals: z.array(Goal).default([]),
    indicators: z.array(IndicatorNode).default([]),
    department: DepartmentData.optional(),
    projects: z.array(EmbeddedProject).default([]).describe('project reports embedded in a department report'),
    prose: z.array(ProseSection).default([]),
    meta: EvaluationMeta.default({ team: [], problems: [], measures: [] }),
    notes: z.array(Text).default([]).describe('transcription or import remarks'),
    adjustments: z
      .array(TargetAdjustment)
      .optional()
      .describe('target adjustments (调整) recorded after the baseline was approved, oldest first'),
  })
  .describe('jixiao evaluation document, interchange format');

export type EvaluationDocument = z.infer<typeof EvaluationDocument>;
export type EvaluationDocumentInput = z.input<typeof EvaluationDocument>;
export type Header = z.infer<typeof Header>;
export type SubProject = z.infer<typeof SubProject>;
export type Funding = z.infer<typeof Funding>;
export type FundingTable = z.infer<typeof FundingTable>;
export type FundingTableKind = z.infer<typeof FundingTableKind>;
export type FundingRow = z.infer<typeof FundingRow>;
export type AmountColumn = z.infer<typeof AmountColumn>;
export type FundingSourceKind = z.infer<typeof FundingSourceKind>;
export type MoneyUnit = z.infer<typeof MoneyUnit>;
export type EvaluationLevel = z.infer<typeof EvaluationLevel>;
export type DocumentStage = z.infer<typeof DocumentStage>;
export type Goal = z.infer<typeof Goal>;
export type IndicatorNode = IndicatorNodeInput;
export type IndicatorCategory = z.infer<typeof IndicatorCategory>;
export type GradingBands = z.infer<typeof GradingBands>;
export type ScoreDecision = z.infer<typeof ScoreDecision>;
export type EvidenceRef = z.infer<typeof EvidenceRef>;
export type DepartmentData = z.infer<typeof DepartmentData>;
export type ExpenseControl = z.infer<typeof ExpenseControl>;
export type ExpenseRow = z.infer<typeof ExpenseRow>;
export type ExpenseRowKind = z.infer<typeof ExpenseRowKind>;
export type BuildingProject = z.infer<typeof BuildingProject>;
export type ProseSection = z.infer<typeof ProseSection>;
export type EvaluationMeta = z.infer<typeof EvaluationMeta>;
export type EmbeddedProject = z.infer<typeof EmbeddedProject>;
export type BaselineRef = z.infer<typeof BaselineRef>;
export type TargetAdjustment = z.infer<typeof TargetAdjustment>;
export type AdjustmentStatus = z.infer<typeof AdjustmentStatus>;
