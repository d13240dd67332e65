/**
 * @module The messages table of the audit: for every check code its family, severity, titles, what it
 * checks, and the Chinese (and English) message and suggestion built from the finding's figures.
 *
 * All user-facing Chinese text of the audit lives here, including the names of money columns and
 * labels the checks put into locations. Checks only pass figures (decimals as strings) and document
 * labels; they never word a message.
 */
import type { CheckFamily, Figures, Severity } from './types.js';

/** One entry of the table. `f` holds the finding's figures and the check's wording parameters. */
export interface CheckDef {
  family: CheckFamily;
  severity: Severity;
  title: string;
  titleEn: string;
  checks: string;
  checksEn: string;
  message: (f: Figures) => string;
  messageEn: (f: Figures) => string;
  suggestion: (f: Figures) => string;
}

/** A figure or parameter, or a dash when absent. */
function v(f: Figures, key: string): string {
  return f[key] ?? '—';
}

/** "12.5" → "12.5%", leaving printed text with its own sign alone. */
function pct(f: Figures, key: string): string {
  const x = f[key];
  if (x === undefined) return '—';
  return /[%％]$/.test(x) ? x : `${x}%`;
}

/** A signed difference without its sign, for "相差5分". */
function diff(f: Figures, key = 'difference'): string {
  return v(f, key).replace(/^-/, '');
}

function has(f: Figures, key: string): boolean {
  return f[key] !== undefined && f[key] !== '';
}

/** Chinese names of the money columns (AmountColumn). */
export const COLUMN_ZH: Readonly<Record<string, string>> = {
  initialBudget: '年初预算数',
  annualBudget: '全年预算数',
  executed: '全年执行数',
  budget: '预算数',
  carryOverStart: '年初结转结余',
  income: '收入数',
  expenditure: '支出数',
  carryOverEnd: '年末结转结余',
  arranged: '预算安排资金',
  arrived: '实际到位资金',
  amount: '金额',
};

/** The Chinese name of a money column, or the key itself when unknown. */
export function columnZh(column: string): string {
  return COLUMN_ZH[column] ?? column;
}

/** Labels used in locations built by the checks. */
export const LABEL_ZH = {
  fundingTable: '资金表',
  executionBlock: '预算执行率',
  executionRate: '执行率',
  executionScore: '得分',
  staffing: '财政供养人员情况',
  controlRate: '控制率',
  buildings: '楼堂馆所控制情况',
  scaleRate: '规模控制率',
  investmentRate: '投资概算控制率',
  expenseControl: '经费控制情况',
  total: '总分',
  grade: '等级',
  statedSelfScore: '正文所述自评分',
  framework: '指标体系',
  survey: '满意度调查',
  header: '表头',
  subProjects: '二级项目',
  goals: '年度总体目标',
  prose: '正文',
  notes: '备注',
  history: '往年文档',
} as const;

const REASON_ZH: Readonly<Record<string, string>> = {
  annualBudget: '缺少全年预算数',
  executed: '缺少全年执行数',
  zeroBudget: '全年预算数为0',
  table: '没有项目资金表',
};

const FIELD_ZH: Readonly<Record<string, string>> = {
  weight: '分值',
  declaredWeight: '标注分值',
  printedScore: '得分',
};

const CONTROL_ZH: Readonly<Record<string, string>> = {
  staffing: '人员控制率（实际在职人数 ÷ 编制数）',
  'building-scale': '规模控制率（实际规模 ÷ 批复规模）',
  'building-investment': '投资概算控制率（实际投资 ÷ 预算投资）',
};

const FAMILY_READING_ZH: Readonly<Record<string, string>> = {
  improve: '趋势性的定性表述（如“逐步提高”“持续向好”）',
  reduce: '趋势性的定性表述（如“逐步降低”“不断减少”）',
  stable: '定性表述（如“保持稳定”）',
  'long-term': '定性表述（如“长期”“长期有效”）',
  effective: '定性表述（如“效果明显”）',
  achieved: '定性表述（如“完成”“达到要求”）',
  partly: '定性表述（如“部分完成”）',
  'not-achieved': '定性表述（如“未完成”）',
  unparsed: '无法解析为数值、比率或时限的文字',
};

/** Where an amount was stated, read from the JSON path that keys it. */
function sourceOf(path: string): string {
  if (path.startsWith('$.header')) return '表头二级项目';
  if (path.startsWith('$.funding')) return '资金表';
  if (path.startsWith('$.goals') || /^\$\.projects\[\d+\]\.goals/.test(path)) return '绩效目标';
  if (path.startsWith('$.prose')) return '正文';
  if (path.startsWith('$.projects')) return '项目金额';
  return path;
}

/** "102（表头二级项目）；20（资金表）；50（绩效目标）" from figures keyed by the JSON paths of the statements, grouped by amount. */
function sourceList(f: Figures): string {
  const byValue = new Map<string, string[]>();
  for (const [k, x] of Object.entries(f)) {
    if (!k.startsWith('$')) continue;
    const list = byValue.get(x) ?? [];
    const label = sourceOf(k);
    if (!list.includes(label)) list.push(label);
    byValue.set(x, list);
  }
  return [...byValue].map(([x, labels]) => `${x}（${labels.join('、')}）`).join('；');
}

const HIST_REASON_ZH: Readonly<Record<string, string>> = {
  'not-earlier': '年度不早于本年度',
  'other-organisation': '单位不同',
  'other-project': '评价对象（部门整体或项目）不同',
};

export const CHECKS = {
  // -------------------------------------------------------------------------------------------
  // Arithmetic (数字核对)
  'ARITH-FUNDING-SUM': {
    family: 'arithmetic',
    severity: 'error',
    title: '资金分项之和与合计不符',
    titleEn: 'Funding items do not add up to the total',
    checks: '每张资金表的每个金额列：各分项行之和应等于合计行（两边都已填写时才比较；只有合计行的表不作比较）。',
    checksEn: 'Every money table, every amount column: the item rows must add up to the total row (compared only where both sides are given).',
    message: (f) => `${v(f, 'table')}“${columnZh(v(f, 'column'))}”各分项之和为${v(f, 'sum')}，与合计${v(f, 'total')}不符（相差${diff(f)}）。`,
    messageEn: (f) => `${v(f, 'column')}: the items add up to ${v(f, 'sum')}, not to the total ${v(f, 'total')} (difference ${v(f, 'difference')}).`,
    suggestion: (f) => `逐行核对“${columnZh(v(f, 'column'))}”各分项金额与合计行；如有未列出的资金来源，应补列该行。`,
  },
  'ARITH-ROUNDING': {
    family: 'arithmetic',
    severity: 'info',
    title: '分项之和与合计存在舍入差',
    titleEn: 'Items and total differ by rounding',
    checks: '分项之和与合计的差额不超过各数所印末位半个单位之和（如元换算为万元后的四舍五入），不作为错误。',
    checksEn: 'The difference between the items and the total is within the rounding of the printed figures (half a unit of the last place each).',
    message: (f) => `${v(f, 'table')}${has(f, 'column') ? `“${columnZh(v(f, 'column'))}”` : ''}：分项之和${v(f, 'sum')}与合计${v(f, 'total')}相差${diff(f)}，在舍入误差${v(f, 'tolerance')}以内。`,
    messageEn: (f) => `Items ${v(f, 'sum')} vs total ${v(f, 'total')}: difference ${v(f, 'difference')} within rounding ${v(f, 'tolerance')}.`,
    suggestion: () => '如原始数据以元为单位，核对换算为万元时的舍入；可在表下注明“因四舍五入，分项之和与合计略有差异”。',
  },
  'ARITH-INCOMPLETE': {
    family: 'arithmetic',
    severity: 'info',
    title: '数字缺失，无法核对',
    titleEn: 'Figures missing, cannot be checked',
    checks: '应当相加的数字中有空白（分项未填或合计未填），且已填数字本身不能相互印证时，报告缺失而不报告计算错误。',
    checksEn: 'Some figures of a sum are blank (items or total) and the given ones do not confirm each other: reported as missing, never as an arithmetic error.',
    message: (f) =>
      has(f, 'total')
        ? `${v(f, 'table')}${has(f, 'column') ? `“${columnZh(v(f, 'column'))}”` : ''}：${v(f, 'blanks')}未填写，已填分项之和${v(f, 'sum')}与合计${v(f, 'total')}无法核对。`
        : `${v(f, 'table')}${has(f, 'column') ? `“${columnZh(v(f, 'column'))}”` : ''}：分项已填写（之和为${v(f, 'sum')}），合计行却未填写。`,
    messageEn: (f) => (has(f, 'total') ? `Blank items (${v(f, 'blanks')}); given items ${v(f, 'sum')} vs total ${v(f, 'total')} cannot be checked.` : `Items given (sum ${v(f, 'sum')}) but the total is blank.`),
    suggestion: (f) => (has(f, 'total') ? `补填${v(f, 'blanks')}的金额（没有发生的填0），使分项之和可与合计核对。` : '补填合计行，或注明合计不适用。'),
  },
  'ARITH-EXEC-RATE': {
    family: 'arithmetic',
    severity: 'error',
    title: '所印预算执行率与计算不符',
    titleEn: 'Printed execution rate differs from the figures',
    checks: '预算执行率 = 全年执行数 ÷ 全年预算数，与所印执行率比较（容差为所印末位半个单位）。',
    checksEn: 'Execution rate = executed ÷ annual budget, compared with the printed rate (half a unit of the last printed place).',
    message: (f) => `所印执行率${pct(f, 'printedRate')}，按全年执行数${v(f, 'executed')} ÷ 全年预算数${v(f, 'annualBudget')}计算应为${pct(f, 'computedRate')}。`,
    messageEn: (f) => `Printed execution rate ${pct(f, 'printedRate')}; ${v(f, 'executed')} ÷ ${v(f, 'annualBudget')} = ${pct(f, 'computedRate')}.`,
    suggestion: () => '按全年执行数 ÷ 全年预算数重算执行率；若全年预算已调整（追加、结转），应先更新全年预算数。',
  },
  'ARITH-EXEC-OVER-BUDGET': {
    family: 'arithmetic',
    severity: 'warning',
    title: '全年执行数超过全年预算数',
    titleEn: 'Executed above the annual budget',
    checks: '全年执行数大于全年预算数（执行率超过100%）：预算未按追加、结转调整，或数字有误；评分按100%封顶。',
    checksEn: 'Executed exceeds the annual budget (rate above 100%): the budget was not adjusted for additions or carry-over, or a figure is wrong.',
    message: (f) => `全年执行数${v(f, 'executed')}超过全年预算数${v(f, 'annualBudget')}，执行率${pct(f, 'computedRate')}。`,
    messageEn: (f) => `Executed ${v(f, 'executed')} exceeds the annual budget ${v(f, 'annualBudget')} (${pct(f, 'computedRate')}).`,
    suggestion: () => '将年中追加、上年结转等资金计入全年预算数（调整后预算），或核实全年执行数。',
  },
  'ARITH-EXEC-SCORE': {
    family: 'arithmetic',
    severity: 'error',
    title: '预算执行率得分与规则不符',
    titleEn: 'Execution score differs from the rule set',
    checks: '执行率得分 = 分值 × min(执行率, 1)（按规则集取整），与所印得分比较。',
    checksEn: 'Execution score = weight × min(rate, 1), rounded by the rule set, compared with the printed score.',
    message: (f) => `预算执行率得分印作${v(f, 'printed')}分，按规则（分值${v(f, 'weight')} × 执行率${pct(f, 'computedRate')}，超过100%按100%）应为${v(f, 'computed')}分。`,
    messageEn: (f) => `Execution score printed ${v(f, 'printed')}, the rule set gives ${v(f, 'computed')} (weight ${v(f, 'weight')}, rate ${pct(f, 'computedRate')}).`,
    suggestion: () => '按分值 × 执行率（封顶100%）重算预算执行率得分。',
  },
  'ARITH-EXEC-MISSING': {
    family: 'arithmetic',
    severity: 'info',
    title: '无法计算预算执行率',
    titleEn: 'Execution rate cannot be computed',
    checks: '规则集对预算执行率计分，但资金表缺少全年预算数或全年执行数（或没有资金表）。',
    checksEn: 'The rule set scores budget execution but the funding table lacks the annual budget or the executed amount (or is absent).',
    message: (f) => `${REASON_ZH[v(f, 'reason')] ?? v(f, 'reason')}，无法计算预算执行率${has(f, 'printed') ? `，执行率得分按所印${v(f, 'printed')}分计` : ''}。`,
    messageEn: (f) => `Execution rate cannot be computed (${v(f, 'reason')}).`,
    suggestion: () => '在项目资金表的年度资金总额行填写全年预算数与全年执行数。',
  },
  'ARITH-CARRY-OVER': {
    family: 'arithmetic',
    severity: 'error',
    title: '结转结余恒等式不成立',
    titleEn: 'Carry-over identity fails',
    checks: '每行：年初结转结余 + 本年收入 − 本年支出 = 年末结转结余。',
    checksEn: 'Per row: carry-over at start + income − expenditure = carry-over at end.',
    message: (f) => `${v(f, 'row')}：年初结转结余${v(f, 'carryOverStart')} + 收入${v(f, 'income')} − 支出${v(f, 'expenditure')} = ${v(f, 'computed')}，与所印年末结转结余${v(f, 'carryOverEnd')}不符（相差${diff(f)}）。`,
    messageEn: (f) => `${v(f, 'row')}: ${v(f, 'carryOverStart')} + ${v(f, 'income')} − ${v(f, 'expenditure')} = ${v(f, 'computed')}, printed end balance ${v(f, 'carryOverEnd')}.`,
    suggestion: () => '核对该行的年初结转结余、收入、支出与年末结转结余，四者应满足恒等式。',
  },
  'ARITH-CONTROL-RATE': {
    family: 'arithmetic',
    severity: 'error',
    title: '所印控制率与计算不符',
    titleEn: 'Printed control rate differs from the figures',
    checks: '人员控制率 = 实际在职人数 ÷ 编制数；楼堂馆所规模控制率 = 实际规模 ÷ 批复规模；投资概算控制率 = 实际投资 ÷ 预算投资。',
    checksEn: 'Staff control rate = staff in post ÷ authorised posts; building scale and investment control rates likewise.',
    message: (f) => `所印${CONTROL_ZH[v(f, 'kind')] ?? '控制率'}为${pct(f, 'printed')}，按${v(f, 'numerator')} ÷ ${v(f, 'denominator')}计算应为${pct(f, 'computed')}。`,
    messageEn: (f) => `Printed control rate ${pct(f, 'printed')}; ${v(f, 'numerator')} ÷ ${v(f, 'denominator')} = ${pct(f, 'computed')}.`,
    suggestion: () => '按公式重算控制率，并核对分子、分母两项数字。',
  },
  'ARITH-EXPENSE-PARTS': {
    family: 'arithmetic',
    severity: 'error',
    title: '经费控制表分项与上级行不符',
    titleEn: 'Expense-control parts do not match their parent row',
    checks: '经费控制情况表每列：下级行之和应等于上级行（上级行标为“其中”部分列举时，下级行之和不得超过上级行）。',
    checksEn: 'Expense-control table, per column: parts add up to the parent row (a parent listing only some parts must not be exceeded).',
    message: (f) =>
      has(f, 'some')
        ? `${v(f, 'row')}“${v(f, 'column')}”：所列其中项之和${v(f, 'sum')}超过该行${v(f, 'parent')}。`
        : `${v(f, 'row')}“${v(f, 'column')}”：下级各项之和${v(f, 'sum')}与该行${v(f, 'parent')}不符（相差${diff(f)}）。`,
    messageEn: (f) => `${v(f, 'column')}: parts add up to ${v(f, 'sum')}, parent row ${v(f, 'parent')}.`,
    suggestion: () => '核对该行及其下级各项的金额；三公经费 = 公务用车购置及运行维护 + 因公出国（境） + 公务接待。',
  },
  'ARITH-EXPENSE-OVER-BUDGET': {
    family: 'arithmetic',
    severity: 'warning',
    title: '三公经费决算超过预算',
    titleEn: '"Three public expenses" above budget',
    checks: '三公经费（及公务用车、出国、接待各项）同一年度的决算数超过预算数。',
    checksEn: 'The three public expenses (and each part) spent more than budgeted in the same year.',
    message: (f) => `${v(f, 'row')}${v(f, 'year')}年决算数${v(f, 'final')}超过预算数${v(f, 'budget')}。`,
    messageEn: (f) => `${v(f, 'row')} ${v(f, 'year')}: final accounts ${v(f, 'final')} above budget ${v(f, 'budget')}.`,
    suggestion: () => '三公经费应控制在预算以内；说明超支原因及是否履行了预算调整程序。',
  },
  'ARITH-EXPENSE-GROWTH': {
    family: 'arithmetic',
    severity: 'warning',
    title: '三公经费决算比上年增加',
    titleEn: '"Three public expenses" grew year on year',
    checks: '三公经费合计本年决算数高于上年决算数（“三公”经费只减不增）。',
    checksEn: 'The three public expenses total rose against the previous year\'s final accounts (policy: they may only fall).',
    message: (f) => `${v(f, 'row')}${v(f, 'year')}年决算数${v(f, 'current')}比${v(f, 'previousYear')}年决算数${v(f, 'previous')}增加${v(f, 'change')}。`,
    messageEn: (f) => `${v(f, 'row')}: ${v(f, 'current')} in ${v(f, 'year')} vs ${v(f, 'previous')} in ${v(f, 'previousYear')}.`,
    suggestion: () => '按“三公”经费只减不增的要求说明增加的原因。',
  },
  'ARITH-SECTION-SUM': {
    family: 'arithmetic',
    severity: 'error',
    title: '指标得分与下级得分之和不符',
    titleEn: 'Section score differs from the sum of its indicators',
    checks: '所印一级、二级指标得分应等于其下各指标所印得分之和（下级未全部打分时，只检查是否超过）。',
    checksEn: 'A section\'s printed score equals the sum of its indicators\' printed scores (when some are unscored, only that it is not exceeded).',
    message: (f) => `所印得分${v(f, 'printed')}，其下各指标所印得分之和为${v(f, 'sum')}（相差${diff(f)}）。`,
    messageEn: (f) => `Printed ${v(f, 'printed')}, indicators below add up to ${v(f, 'sum')}.`,
    suggestion: () => '核对该项得分与其下各指标得分，使合计一致。',
  },
  'ARITH-TOTAL-SUM': {
    family: 'arithmetic',
    severity: 'error',
    title: '总分与各项得分之和不符',
    titleEn: 'Printed total differs from the sum of printed scores',
    checks: '所印总分应等于预算执行率得分与各一级指标所印得分之和。',
    checksEn: 'The printed total equals the execution score plus the printed scores of the sections.',
    message: (f) => `所印总分${v(f, 'printedTotal')}，而执行率得分与各指标所印得分之和为${v(f, 'sum')}（相差${diff(f)}）。`,
    messageEn: (f) => `Printed total ${v(f, 'printedTotal')}, printed scores add up to ${v(f, 'sum')}.`,
    suggestion: () => '重新汇总各项得分，更正总分。',
  },
  'ARITH-GRADE': {
    family: 'arithmetic',
    severity: 'error',
    title: '等级与总分不符',
    titleEn: 'Grade does not match the total',
    checks: '所印等级应与所印总分（或正文所述自评分）按规则集等级划分相符（优 ≥ 90、良 80–90、中 60–80、差 < 60）。',
    checksEn: 'The printed grade matches the printed total under the rule set\'s grade bands.',
    message: (f) => `总分${v(f, 'score')}对应等级为“${v(f, 'grade')}”，所印等级为“${v(f, 'printedGrade')}”。`,
    messageEn: (f) => `Total ${v(f, 'score')} is grade ${v(f, 'grade')}, printed ${v(f, 'printedGrade')}.`,
    suggestion: () => '按规则集的等级划分更正等级或总分。',
  },

  // -------------------------------------------------------------------------------------------
  // Weights (权重)
  'WEIGHT-SECTION-DECLARED': {
    family: 'weights',
    severity: 'error',
    title: '标注分值与下级指标分值之和不符',
    titleEn: 'Declared section weight differs from its indicators',
    checks: '指标标签中标注的分值（如“产出指标（50分）”）应等于其下各指标分值之和（下级未全部设分值时，只检查是否超过）。',
    checksEn: 'The weight printed in a section label, e.g. 产出指标(50分), equals the sum of the weights of its indicators (when some are unweighted, only that it is not exceeded).',
    message: (f) => `标注分值${v(f, 'declared')}分，其下各指标分值之和为${v(f, 'indicators')}分（相差${diff(f)}分）。`,
    messageEn: (f) => `Declared ${v(f, 'declared')}, indicators below add up to ${v(f, 'indicators')}.`,
    suggestion: () => '调整下级指标分值使之合计等于标注分值，或更正标签中的分值（一级指标权重调整须有依据）。',
  },
  'WEIGHT-SECTION-SUM': {
    family: 'weights',
    severity: 'error',
    title: '指标分值与下级分值之和不符',
    titleEn: 'Section weight differs from its indicators',
    checks: '设有分值的上级指标，其下各指标分值之和应等于该分值（父子两级都设分值时不得互相矛盾）。',
    checksEn: 'A weighted section\'s indicators add up to its weight (parent and child rows must not both be weighted inconsistently).',
    message: (f) => `该项分值${v(f, 'weight')}分，其下各指标分值之和为${v(f, 'indicators')}分（相差${diff(f)}分）。`,
    messageEn: (f) => `Weight ${v(f, 'weight')}, indicators below add up to ${v(f, 'indicators')}.`,
    suggestion: () => '只在一级保留分值，或使下级分值合计与上级一致。',
  },
  'WEIGHT-TOTAL': {
    family: 'weights',
    severity: 'error',
    title: '权重合计与规则集总分不符',
    titleEn: 'Weights do not add up to the rule set total',
    checks: '预算执行率分值与各一级指标分值之和应等于规则集的总分（通常100分）。',
    checksEn: 'Execution weight plus the section weights add up to the rule set\'s total weight (usually 100).',
    message: (f) => `权重合计${v(f, 'total')}分（${v(f, 'breakdown')}），规则集总分为${v(f, 'expected')}分。`,
    messageEn: (f) => `Weights add up to ${v(f, 'total')} (${v(f, 'breakdown')}), the rule set expects ${v(f, 'expected')}.`,
    suggestion: (f) => `调整各一级指标权重使合计为${v(f, 'expected')}分，或选用按比例折算的规则集。`,
  },
  'WEIGHT-RULESET': {
    family: 'weights',
    severity: 'info',
    title: '一级指标权重与规则集不同',
    titleEn: 'Section weight differs from the scheme',
    checks: '一级指标的分值与规则集规定的权重不同（单位可在特殊情况下调整，需有说明）。',
    checksEn: 'A section\'s weight differs from the scheme weight of the rule set (allowed in special cases, with a reason).',
    message: (f) => `${v(f, 'section')}分值${v(f, 'weight')}分，规则集（${v(f, 'ruleSet')}）规定为${v(f, 'scheme')}分。`,
    messageEn: (f) => `${v(f, 'section')}: weight ${v(f, 'weight')}, the scheme sets ${v(f, 'scheme')}.`,
    suggestion: () => '如确需调整一级指标权重，应在报告中说明理由；否则按规则集权重设置。',
  },
  'WEIGHT-SCORE-ABOVE': {
    family: 'weights',
    severity: 'error',
    title: '得分超过分值',
    titleEn: 'Score above weight',
    checks: '所印得分不得超过该项分值。',
    checksEn: 'A printed score may not exceed the weight.',
    message: (f) => `所印得分${v(f, 'printed')}超过分值${v(f, 'weight')}。`,
    messageEn: (f) => `Printed score ${v(f, 'printed')} above weight ${v(f, 'weight')}.`,
    suggestion: () => '得分最多为满分（分值），请更正。',
  },
  'WEIGHT-NEGATIVE': {
    family: 'weights',
    severity: 'error',
    title: '分值或得分为负',
    titleEn: 'Negative weight or score',
    checks: '分值、标注分值与得分都不得为负数。',
    checksEn: 'Weights, declared weights and scores may not be negative.',
    message: (f) => `${FIELD_ZH[v(f, 'field')] ?? v(f, 'field')}为负数（${v(f, 'value')}）。`,
    messageEn: (f) => `Negative ${v(f, 'field')}: ${v(f, 'value')}.`,
    suggestion: () => '更正为非负数；扣分应体现为得分低于分值，而不是负分。',
  },
  'WEIGHT-MISSING': {
    family: 'weights',
    severity: 'warning',
    title: '指标未设分值',
    titleEn: 'Indicator has no weight',
    checks: '同一指标体系中其他指标设有分值，而该指标填写了指标值或实际值却没有分值。',
    checksEn: 'Other indicators of the tree are weighted, this one has a target or actual but no weight.',
    message: () => '该指标填写了指标值或完成值，但未设分值，不计入总分。',
    messageEn: () => 'The indicator has a target or actual but no weight; it does not count toward the total.',
    suggestion: () => '为该指标设定分值，或将其并入已设分值的指标。',
  },

  // -------------------------------------------------------------------------------------------
  // Scoring (评分)
  'SCORE-ITEM-DIFFERS': {
    family: 'scoring',
    severity: 'error',
    title: '所印得分与规则计算不符',
    titleEn: 'Printed score differs from the rule-computed score',
    checks: '按规则集计算的指标得分与所印得分比较，超过容差（所印末位半个单位，且不超过规则集上限）即报告。',
    checksEn: 'The rule-computed score of an indicator against its printed score, beyond the rule set\'s tolerance.',
    message: (f) => `所印得分${v(f, 'printed')}，按规则计算为${v(f, 'computed')}（分值${v(f, 'weight')}）：${v(f, 'explanation')}`,
    messageEn: (f) => `Printed ${v(f, 'printed')}, the rule set gives ${v(f, 'computed')} (weight ${v(f, 'weight')}).`,
    suggestion: () => '按规则集重新计分；如有理由偏离，应在偏差原因中说明并由复核确认。',
  },
  'SCORE-MISSED-FULL': {
    family: 'scoring',
    severity: 'error',
    title: '未达成目标却得满分',
    titleEn: 'Target missed yet full marks',
    checks: '实际完成值未达到年度指标值（部分达成或未达成），所印得分却为满分。',
    checksEn: 'The actual does not reach the target, yet the printed score is the full weight.',
    message: (f) => `年度指标值“${v(f, 'target')}”，实际完成“${v(f, 'actual')}”，未达成目标却得满分${v(f, 'printed')}分；按规则应为${v(f, 'computed')}分。`,
    messageEn: (f) => `Target ${v(f, 'target')} not reached (${v(f, 'actual')}), yet full marks ${v(f, 'printed')}; the rule set gives ${v(f, 'computed')}.`,
    suggestion: () => '按完成比例扣分，并填写偏差原因分析及改进措施。',
  },
  'SCORE-NO-REASON': {
    family: 'scoring',
    severity: 'warning',
    title: '扣分未说明偏差原因',
    titleEn: 'Points deducted with no reason',
    checks: '得分低于分值时，应填写“偏差原因分析及改进措施”。',
    checksEn: 'A score below the weight needs a deviation reason (偏差原因分析及改进措施).',
    message: (f) => `得分${v(f, 'printed')}低于分值${v(f, 'weight')}（扣${v(f, 'deducted')}分），未说明偏差原因。`,
    messageEn: (f) => `Score ${v(f, 'printed')} of ${v(f, 'weight')} (−${v(f, 'deducted')}) with no deviation reason.`,
    suggestion: () => '在“偏差原因分析及改进措施”栏说明扣分原因和改进措施。',
  },
  'SCORE-TARGET-TOO-LOW': {
    family: 'scoring',
    severity: 'warning',
    title: '实际远超目标，目标设置偏低',
    titleEn: 'Actual far beyond target: target set too low',
    checks: '实际值达到目标值的规则集倍数以上（正向指标，默认1.5倍），或不到规则集倍数（反向指标，默认0.5倍）。',
    checksEn: 'The actual is at least the rule set\'s factor × the target (default 1.5), or at most its factor for less-is-better (default 0.5).',
    message: (f) => `年度指标值${v(f, 'target')}，实际完成${v(f, 'actual')}，为目标的${v(f, 'ratio')}倍（阈值${v(f, 'factor')}倍），目标设置可能偏低。`,
    messageEn: (f) => `Actual ${v(f, 'actual')} is ${v(f, 'ratio')} × the target ${v(f, 'target')} (threshold ${v(f, 'factor')}).`,
    suggestion: () => '下一年度按实际能力设置指标值；按规定，目标明显偏低的可按偏离程度扣分。',
  },
  'SCORE-UNCOMPUTED': {
    family: 'scoring',
    severity: 'info',
    title: '得分无法按规则核算',
    titleEn: 'Score could not be computed',
    checks: '指标无法按规则计算（无指标值、实际值不可比等），所印得分按原样计入总分。',
    checksEn: 'Nothing to compute the score from (no target, incomparable actual): the printed score is taken as given.',
    message: (f) => (has(f, 'explanation') ? `无法按规则核算：${v(f, 'explanation')}` : `无法按规则核算，所印得分${v(f, 'printed')}分按原样计入。`),
    messageEn: (f) => `Not computable; printed score ${v(f, 'printed')} taken as given.`,
    suggestion: () => '补充可度量的指标值和实际完成值，以便核算得分。',
  },
  'SCORE-MISSING': {
    family: 'scoring',
    severity: 'warning',
    title: '指标既无得分也无法计算',
    titleEn: 'Indicator has neither a score nor a computation',
    checks: '设有分值的指标（或只有标注分值的一级指标）既没有所印得分，也无法按规则计算。',
    checksEn: 'A weighted indicator (or a section with only a declared weight) has no printed score and nothing to compute one from.',
    message: (f) => `该项分值${v(f, 'weight')}分，既未给出得分，也无法按规则计算。`,
    messageEn: (f) => `Weight ${v(f, 'weight')}: no printed score and nothing to compute one from.`,
    suggestion: () => '补充该项的完成情况和得分。',
  },
  'SCORE-TOTAL': {
    family: 'scoring',
    severity: 'warning',
    title: '所印总分与规则计算总分不符',
    titleEn: 'Printed total differs from the rule-computed total',
    checks: '按规则集计算的总分与所印总分比较（差异通常来自已单独报告的指标得分差异）。',
    checksEn: 'The rule-computed total against the printed total (usually the consequence of item differences reported separately).',
    message: (f) => `所印总分${v(f, 'printedTotal')}，按规则计算为${v(f, 'computedTotal')}（相差${diff(f)}）。`,
    messageEn: (f) => `Printed total ${v(f, 'printedTotal')}, computed ${v(f, 'computedTotal')}.`,
    suggestion: () => '先更正各指标得分，再重新汇总总分。',
  },
  'SCORE-TOTAL-UNVERIFIED': {
    family: 'scoring',
    severity: 'warning',
    title: '总分无法由分项得出',
    titleEn: 'Total cannot be derived from the items',
    checks: '有指标缺少得分，所印总分无法由各项得分核实。',
    checksEn: 'Some indicators have no score, so the printed total cannot be verified from the items.',
    message: (f) => `所印总分${v(f, 'printedTotal')}，但有${v(f, 'unscored')}项指标未给出得分，总分无法由分项核实（已给出的得分合计${v(f, 'sum')}）。`,
    messageEn: (f) => `Printed total ${v(f, 'printedTotal')}, ${v(f, 'unscored')} indicators unscored (given scores add up to ${v(f, 'sum')}).`,
    suggestion: () => '补全所有指标的得分，使总分可由分项汇总得出。',
  },
  'SCORE-GRADE': {
    family: 'scoring',
    severity: 'warning',
    title: '按规则计算的等级与所印等级不同',
    titleEn: 'Computed grade differs from the printed one',
    checks: '按规则计算的总分所对应的等级与所印等级不同。',
    checksEn: 'The grade of the rule-computed total differs from the printed grade.',
    message: (f) => `按规则计算总分${v(f, 'computedTotal')}，等级为“${v(f, 'grade')}”，所印等级为“${v(f, 'printedGrade')}”。`,
    messageEn: (f) => `Computed total ${v(f, 'computedTotal')} is grade ${v(f, 'grade')}, printed ${v(f, 'printedGrade')}.`,
    suggestion: () => '更正指标得分后重新评定等级。',
  },

  // -------------------------------------------------------------------------------------------
  // Indicator quality (指标质量, SMART)
  'SMART-VAGUE-TARGET': {
    family: 'quality',
    severity: 'warning',
    title: '指标值不具体、不可衡量',
    titleEn: 'Vague or unmeasurable target',
    checks: '年度指标值是定性表述（逐步提高、持续向好、长期……）或无法解析为数值、时限。',
    checksEn: 'The target is a qualitative phrase (逐步提高, 持续向好, 长期 …) or cannot be read as a number or deadline.',
    message: (f) => `年度指标值“${v(f, 'target')}”是${FAMILY_READING_ZH[v(f, 'reading')] ?? '定性表述'}，无法衡量完成程度。`,
    messageEn: (f) => `Target "${v(f, 'target')}" is not measurable (${v(f, 'reading')}).`,
    suggestion: () => '改为可量化的指标值（数量、比率、时限，如“≥95%”“600批次以上”“2个工作日内”），或写明可核验的完成标准。',
  },
  'SMART-NO-UNIT': {
    family: 'quality',
    severity: 'warning',
    title: '指标值缺少计量单位',
    titleEn: 'Number without a unit',
    checks: '年度指标值是数字但没有计量单位（也不是百分比）。',
    checksEn: 'The target is a number with no unit (and not a percentage).',
    message: (f) => `年度指标值“${v(f, 'target')}”没有计量单位。`,
    messageEn: (f) => `Target "${v(f, 'target')}" has no unit.`,
    suggestion: () => '写明计量单位（批次、家、人次、%、万元……）。',
  },
  'SMART-ACTUAL-EXPRESSION': {
    family: 'quality',
    severity: 'warning',
    title: '实际完成值写成了表达式',
    titleEn: 'Actual written as an expression',
    checks: '实际完成值是“≥70%”“90%以上”这样的目标式表达，而不是实测值。',
    checksEn: 'The actual is an expression such as ≥70% or 90%以上, not a measurement.',
    message: (f) => `实际完成值“${v(f, 'actual')}”是表达式而不是实测值${has(f, 'target') ? `（年度指标值“${v(f, 'target')}”）` : ''}，无法核算完成程度。`,
    messageEn: (f) => `Actual "${v(f, 'actual')}" is an expression, not a measurement.`,
    suggestion: () => '填写实际测得的数值（如问卷调查的满意率“86.5%”），并附佐证材料。',
  },
  'SMART-MISSING-ACTUAL': {
    family: 'quality',
    severity: 'warning',
    title: '缺少实际完成值',
    titleEn: 'Actual missing',
    checks: '自评或评价阶段，设有年度指标值的指标没有实际完成值（一个指标体系中大多数指标都缺少时，合并为一条）。',
    checksEn: 'In a self-evaluation or evaluation, an indicator with a target has no actual (one finding per tree when most of its indicators lack one).',
    message: (f) =>
      has(f, 'missing')
        ? `${v(f, 'total')}项设有年度指标值的指标中，${v(f, 'missing')}项未填写实际完成值（如${v(f, 'examples')}）。`
        : `年度指标值“${v(f, 'target')}”，未填写实际完成值。`,
    messageEn: (f) => (has(f, 'missing') ? `${v(f, 'missing')} of ${v(f, 'total')} indicators with a target have no actual.` : `Target "${v(f, 'target')}" has no actual.`),
    suggestion: () => '填写实际完成值并附佐证材料；未完成的应写明实际数并说明原因。',
  },
  'SMART-MISSING-TARGET': {
    family: 'quality',
    severity: 'warning',
    title: '缺少年度指标值',
    titleEn: 'Target missing',
    checks: '产出、效益、满意度、成本类指标设有分值、得分或实际值，却没有年度指标值（一个指标体系中大多数指标都缺少时，合并为一条）。',
    checksEn: 'An output, benefit, satisfaction or cost indicator has a weight, score or actual but no target (one finding per tree when most of its indicators lack one).',
    message: (f) =>
      has(f, 'missing')
        ? `${v(f, 'total')}项指标中，${v(f, 'missing')}项未填写年度指标值（如${v(f, 'examples')}），无法判断完成程度。`
        : '未填写年度指标值，无法判断完成程度。',
    messageEn: (f) => (has(f, 'missing') ? `${v(f, 'missing')} of ${v(f, 'total')} indicators have no target.` : 'No target: completion cannot be judged.'),
    suggestion: () => '按申报的绩效目标填写年度指标值。',
  },
  'SMART-GOAL-AS-NAME': {
    family: 'quality',
    severity: 'warning',
    title: '指标名称写成了目标语句',
    titleEn: 'Indicator name is a goal sentence',
    checks: '三级指标名称是含“开展、加强、提升、推动”等动词或标点的长句，混淆了绩效目标与绩效指标。',
    checksEn: 'The indicator name is a long sentence with verbs like 开展 / 加强 / 提升 / 推动 or punctuation: a goal, not an indicator.',
    message: (f) => `指标名称“${v(f, 'name')}”是目标性语句，而不是可度量的指标。`,
    messageEn: (f) => `Indicator name "${v(f, 'name')}" reads as a goal.`,
    suggestion: () => '拆分为可度量的指标，名称写成“对象 + 度量”（如“特种设备定期检验率”“监督抽查批次”）。',
  },
  'SMART-REQUIRED-CATEGORY': {
    family: 'quality',
    severity: 'warning',
    title: '缺少必备的二级指标',
    titleEn: 'Required indicator category missing',
    checks: '规则集要求的二级指标类别（如产出指标须有数量、质量指标）不存在或只是空行。',
    checksEn: 'A category the rule set requires under a section (e.g. 产出 needs 数量 and 质量) is absent or an empty placeholder.',
    message: (f) => `${v(f, 'section')}缺少${v(f, 'required')}（空行视为缺少）。`,
    messageEn: (f) => `${v(f, 'section')} lacks ${v(f, 'requiredEn')}.`,
    suggestion: (f) => `在${v(f, 'section')}下设置${v(f, 'required')}并填写具体指标。`,
  },
  'SMART-MISSING-SECTION': {
    family: 'quality',
    severity: 'warning',
    title: '缺少规则集规定的一级指标',
    titleEn: 'Scheme section missing',
    checks: '规则集为某一级指标规定了权重，而文档的指标体系中没有该类指标。',
    checksEn: 'The rule set weights a section the indicator tree does not have.',
    message: (f) => `指标体系中没有${v(f, 'section')}（规则集规定${v(f, 'weight')}分）。`,
    messageEn: (f) => `No ${v(f, 'section')} section (the scheme weights it ${v(f, 'weight')}).`,
    suggestion: (f) => `补设${v(f, 'section')}及其下的具体指标。`,
  },
  'SMART-DUPLICATE': {
    family: 'quality',
    severity: 'warning',
    title: '重复的指标',
    titleEn: 'Duplicate indicator',
    checks: '同一指标体系内两个指标名称（规范化后）相同。',
    checksEn: 'Two indicators of one tree have the same normalised name.',
    message: (f) => `指标“${v(f, 'name')}”与“${v(f, 'other')}”重复。`,
    messageEn: (f) => `Indicator "${v(f, 'name')}" duplicates "${v(f, 'other')}".`,
    suggestion: () => '合并重复的指标，或在名称中写明区别。',
  },
  'SMART-COPIED-PROJECT': {
    family: 'quality',
    severity: 'warning',
    title: '指标照搬自另一项目',
    titleEn: 'Indicators copied from another project',
    checks: '同一文档中两个项目的多项特有指标名称相近、指标值相同（通用指标如预算执行率、满意度不计）。',
    checksEn: 'Several distinctive indicators of one project have near-identical names and the same targets as another project of the same document.',
    message: (f) => `“${v(f, 'project')}”有${v(f, 'matches')}项指标与“${v(f, 'source')}”相同：${v(f, 'list')}。`,
    messageEn: (f) => `${v(f, 'matches')} indicators of "${v(f, 'project')}" repeat those of "${v(f, 'source')}".`,
    suggestion: () => '按本项目的实际内容重新设置绩效指标，不应照搬其他项目的指标。',
  },

  // -------------------------------------------------------------------------------------------
  // Prose vs tables (正文与表格)
  'PROSE-FIGURE-MISMATCH': {
    family: 'prose',
    severity: 'warning',
    title: '正文数字与表格不一致',
    titleEn: 'Prose figure disagrees with the table',
    checks: '从正文句子中提取“主语 + 数字 + 单位”，按名称相似度匹配到表中指标，数值不同即报告。',
    checksEn: 'Figures (subject + number + unit) read from the prose, matched to indicators by name similarity; a different value is reported.',
    message: (f) => `表中实际完成值为${v(f, 'tableText')}，正文写作“${v(f, 'sentence')}”（${v(f, 'proseText')}）。`,
    messageEn: (f) => `Table ${v(f, 'tableText')}, prose ${v(f, 'proseText')}.`,
    suggestion: () => '核对原始数据，统一表格与正文中的数字。',
  },
  'PROSE-FIGURE-CONFIRMED': {
    family: 'prose',
    severity: 'info',
    title: '正文印证了表中数字',
    titleEn: 'Prose confirms a table figure',
    checks: '正文中与指标名称相近的句子给出了与表中相同的实际完成值。',
    checksEn: 'A prose sentence close to the indicator name states the same actual as the table.',
    message: (f) => `正文“${v(f, 'sentence')}”与表中实际完成值${v(f, 'tableText')}一致。`,
    messageEn: (f) => `Prose confirms ${v(f, 'tableText')}.`,
    suggestion: () => '无需修改。',
  },
  'PROSE-YOY': {
    family: 'prose',
    severity: 'warning',
    title: '同比增减额与增减率不一致',
    titleEn: 'Year-on-year change and rate disagree',
    checks: '“比上年增加194.09万元，增长10.86%”这类表述：增减额与增减率应相互一致（以本年数减增减额为上年基数；写明上年数时以其为准）。',
    checksEn: 'Statements like 比上年增加194.09万元，增长10.86%: the change and the percentage agree with each other (base = this year − change, or the stated base).',
    message: (f) =>
      `“${v(f, 'sentence')}”：${has(f, 'baseText') ? `以上年数${v(f, 'baseText')}为基数` : `以本年数${v(f, 'currentText')}与增减额推算上年基数`}，增减${v(f, 'changeText')}对应的增减率应为${pct(f, 'expected')}，文中为${pct(f, 'percent')}。`,
    messageEn: (f) => `"${v(f, 'sentence')}": a change of ${v(f, 'changeText')} is ${pct(f, 'expected')}, the text says ${pct(f, 'percent')}.`,
    suggestion: () => '核对本年数、上年数、增减额与增减率，四者应相互一致。',
  },
  'PROSE-SELF-SCORE-NO-TABLE': {
    family: 'prose',
    severity: 'warning',
    title: '正文所述自评分没有评分表支撑',
    titleEn: 'Self-score stated with no scoring table',
    checks: '正文给出了自评分，但文档中没有任何设分值、打分的指标。',
    checksEn: 'A self-score is stated in the prose but no indicator carries a weight or a score.',
    message: (f) => `正文称自评${v(f, 'stated')}分，但没有列出各指标的分值与得分。`,
    messageEn: (f) => `Self-score ${v(f, 'stated')} stated with no scored indicators behind it.`,
    suggestion: () => '附上绩效自评表（各指标的分值、得分及偏差原因），使自评分可核验。',
  },
  'PROSE-TOTAL-MISMATCH': {
    family: 'prose',
    severity: 'warning',
    title: '正文所述总分与表中不一致',
    titleEn: 'Prose total differs from the printed total',
    checks: '正文中“自评得分为X分”“评分X分”等总分表述与所印总分比较。',
    checksEn: 'A total stated in the prose (自评得分为X分) against the printed total.',
    message: (f) => `正文“${v(f, 'sentence')}”为${v(f, 'prose')}分，所印总分为${v(f, 'printed')}分。`,
    messageEn: (f) => `Prose states ${v(f, 'prose')}, printed total ${v(f, 'printed')}.`,
    suggestion: () => '统一正文与评分表中的总分。',
  },
  'PROSE-AMOUNT-CONFLICT': {
    family: 'prose',
    severity: 'warning',
    title: '同一项目在不同位置金额不同',
    titleEn: 'The same project has different amounts in different places',
    checks: '同一（二级）项目的安排金额在表头、资金表、绩效目标、正文等处不一致（按金额单位换算后比较）。',
    checksEn: 'The amount of one (sub-)project differs between the header, the money tables, the goals and the prose (after unit conversion).',
    message: (f) => `“${v(f, 'name')}”的金额在不同位置不一致：${sourceList(f)}（单位：${v(f, 'unit')}）。`,
    messageEn: (f) => `"${v(f, 'name')}" has different amounts: ${Object.entries(f).filter(([k]) => k.startsWith('$')).map(([k, x]) => `${k} ${x}`).join('; ')} (${v(f, 'unit')}).`,
    suggestion: () => '核对预算批复文件，统一各处的项目金额；如金额经过调整，应写明调整前后金额及原因。',
  },
  'PROSE-SURVEY-SAMPLE': {
    family: 'prose',
    severity: 'warning',
    title: '问卷数量前后不一致',
    titleEn: 'Survey sample size stated differently',
    checks: '满意度调查的问卷数量（表中）与正文所述问卷份数比较。',
    checksEn: 'The survey sample size in the table against the number of questionnaires stated in the prose.',
    message: (f) => `表中问卷数为${v(f, 'table')}份，正文“${v(f, 'sentence')}”为${v(f, 'prose')}份。`,
    messageEn: (f) => `Sample size ${v(f, 'table')} in the table, ${v(f, 'prose')} in the prose.`,
    suggestion: () => '核对问卷发放与回收记录，统一问卷数量。',
  },
  'PROSE-RATE-MISMATCH': {
    family: 'prose',
    severity: 'warning',
    title: '正文所述执行率或到位率与资金表不符',
    titleEn: 'Rate stated in the prose differs from the money table',
    checks: '正文中的“预算执行率”“资金到位率”与资金表计算值比较。',
    checksEn: 'Execution or arrival rates stated in the prose against the rate computed from the money table.',
    message: (f) => `正文“${v(f, 'sentence')}”为${pct(f, 'prose')}，按资金表计算为${pct(f, 'computed')}。`,
    messageEn: (f) => `Prose ${pct(f, 'prose')}, money table ${pct(f, 'computed')}.`,
    suggestion: () => '按资金表数字更正正文中的比率，或更正资金表。',
  },

  // -------------------------------------------------------------------------------------------
  // Across years (跨年度)
  'HIST-TARGET-BELOW-LAST': {
    family: 'history',
    severity: 'warning',
    title: '指标值低于上年实际完成值',
    titleEn: 'Target below last year\'s actual',
    checks: '正向指标的本年指标值低于上年同一指标（名称规范化后匹配）的实际完成值；反向指标高于上年实际值。',
    checksEn: 'A more-is-better target below last year\'s actual of the same indicator (matched by normalised name), or a less-is-better one above it.',
    message: (f) => `本年指标值${v(f, 'target')}，${v(f, 'year')}年实际完成${v(f, 'lastActual')}，目标低于上年已达到的水平。`,
    messageEn: (f) => `Target ${v(f, 'target')} below the ${v(f, 'year')} actual ${v(f, 'lastActual')}.`,
    suggestion: () => '指标值应不低于上年实际水平，确需降低的应说明理由。',
  },
  'HIST-TARGET-CHANGE': {
    family: 'history',
    severity: 'warning',
    title: '指标值较上年大幅变动',
    titleEn: 'Large change of a target from last year',
    checks: '同一指标的年度指标值较上年变动达50%以上（默认阈值），且未写明指标解释或说明。',
    checksEn: 'The target of the same indicator changed by 50% or more from last year (default threshold) with no explanation on the indicator.',
    message: (f) => `本年指标值${v(f, 'target')}，${v(f, 'year')}年为${v(f, 'lastTarget')}，变动${pct(f, 'change')}。`,
    messageEn: (f) => `Target ${v(f, 'target')} vs ${v(f, 'lastTarget')} in ${v(f, 'year')} (${pct(f, 'change')}).`,
    suggestion: () => '在指标解释中说明指标值大幅调整的依据。',
  },
  'HIST-MONEY-CHANGE': {
    family: 'history',
    severity: 'warning',
    title: '资金较上年大幅变动',
    titleEn: 'Large change of money from last year',
    checks: '项目资金总额（全年预算数、全年执行数等）或三公经费较上年变动达30%以上（默认阈值）。',
    checksEn: 'The funding total (annual budget, executed …) or the three public expenses changed by 30% or more from last year (default threshold).',
    message: (f) => `${v(f, 'what')}本年${v(f, 'current')}，${v(f, 'year')}年${v(f, 'previous')}，变动${pct(f, 'change')}。`,
    messageEn: (f) => `${v(f, 'current')} vs ${v(f, 'previous')} in ${v(f, 'year')} (${pct(f, 'change')}).`,
    suggestion: () => '在报告中说明资金大幅增减的原因（任务调整、追加、结转等）。',
  },
  'HIST-IGNORED': {
    family: 'history',
    severity: 'info',
    title: '往年文档未用于比较',
    titleEn: 'History document not used',
    checks: '所给往年文档不是同一单位、同一项目的更早年度文档，未用于跨年度比较。',
    checksEn: 'A history document that is not an earlier year of the same organisation and project is not compared.',
    message: (f) => `往年文档“${v(f, 'title')}”（${v(f, 'year')}年）未用于比较：${HIST_REASON_ZH[v(f, 'reason')] ?? v(f, 'reason')}。`,
    messageEn: (f) => `History document "${v(f, 'title')}" (${v(f, 'year')}) not used: ${v(f, 'reason')}.`,
    suggestion: () => '只提供同一单位、同一项目往年的文档。',
  },

  // -------------------------------------------------------------------------------------------
  // Goal declaration (绩效目标申报): only for documents at stage goals
  'GOAL-NO-MONEY': {
    family: 'goals',
    severity: 'error',
    title: '未填写申请资金',
    titleEn: 'Money requested missing',
    checks: '绩效目标申报（阶段为目标申报）的项目资金表合计行没有大于0的申请金额（年初预算数、全年预算数、预算数、预算安排资金或金额）；部门申报中每个列有指标的项目都应写明资金。',
    checksEn: 'A goal declaration whose project funding table has no positive amount on its total row (initial or annual budget, budget, arranged, amount); in a department declaration every project with indicators states its money.',
    message: (f) => (has(f, 'project') ? `项目“${v(f, 'project')}”未填写申请资金。` : '绩效目标申报未填写申请资金（项目资金合计行没有申请金额）。'),
    messageEn: (f) => (has(f, 'project') ? `Project "${v(f, 'project')}" states no money requested.` : 'The declaration states no money requested.'),
    suggestion: () => '在项目资金表合计行填写申请的年度资金总额，并按资金来源分列。',
  },
  'GOAL-NO-OVERALL': {
    family: 'goals',
    severity: 'error',
    title: '未填写年度总体目标',
    titleEn: 'Overall goal missing',
    checks: '绩效目标申报没有年度总体目标（或只有空白）；部门申报中每个列有指标的项目都应有总体目标。',
    checksEn: 'A goal declaration with no overall annual goal (or only blank ones); in a department declaration every project with indicators has one.',
    message: (f) => (has(f, 'project') ? `项目“${v(f, 'project')}”未填写年度总体目标。` : '绩效目标申报未填写年度总体目标。'),
    messageEn: (f) => (has(f, 'project') ? `Project "${v(f, 'project')}" has no overall goal.` : 'No overall annual goal.'),
    suggestion: () => '用一两句话写明项目年度总体目标：做什么、做到什么程度、惠及谁，并与下面的绩效指标对应。',
  },
  'GOAL-MISSING-CATEGORY': {
    family: 'goals',
    severity: 'warning',
    title: '缺少某类绩效指标',
    titleEn: 'Indicator category missing from the declaration',
    checks: '绩效目标申报的指标体系应包含数量、质量、时效、成本、效益、满意度六类指标；规则集已要求的类别（如产出指标下的数量、质量）由“缺少必备的二级指标”报告，此处不重复。',
    checksEn: 'A goal declaration should have quantity, quality, timeliness, cost, benefit and satisfaction indicators; categories the rule set already requires are reported by SMART-REQUIRED-CATEGORY instead.',
    message: (f) => `${has(f, 'project') ? `项目“${v(f, 'project')}”的` : ''}指标体系缺少${v(f, 'missing')}。`,
    messageEn: (f) => `The indicator tree lacks ${v(f, 'missingEn')}.`,
    suggestion: (f) => `补设${v(f, 'missing')}，每类至少一个可量化的指标（数量、比率、时限或金额）。`,
  },
  'GOAL-COPIED-PEER': {
    family: 'goals',
    severity: 'warning',
    title: '指标与其他项目的申报相同',
    titleEn: 'Indicators copied from another project\'s declaration',
    checks: '与同期其他项目（其他文档）的申报相比，多项特有指标名称相近、指标值相同（通用指标如预算执行率、满意度不计）。',
    checksEn: 'Several distinctive indicators have near-identical names and the same targets as another project\'s declaration (generic indicators such as execution rate or satisfaction are not counted).',
    message: (f) => `有${v(f, 'matches')}项指标与“${v(f, 'source')}”${has(f, 'sourceOrganisation') ? `（${v(f, 'sourceOrganisation')}）` : ''}的申报相同：${v(f, 'list')}。`,
    messageEn: (f) => `${v(f, 'matches')} indicators repeat those of "${v(f, 'source')}".`,
    suggestion: () => '按本项目的实际内容和资金规模设置指标值，不应照搬其他项目的指标。',
  },
} as const satisfies Record<string, CheckDef>;

export type CheckCode = keyof typeof CHECKS;

/** Chinese names of indicator categories, for required-category messages. */
export const CATEGORY_ZH: Readonly<Record<string, string>> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  input: '投入指标',
  process: '过程指标',
  effect: '效果指标',
  decision: '决策指标',
  management: '管理指标',
  performance: '绩效指标',
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  'cost-output': '成本指标',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainable: '可持续影响指标',
  'service-satisfaction': '服务对象满意度指标',
  other: '其他指标',
};

/** "数量指标或质量指标" for a list of alternative categories. */
export function categoriesZh(list: readonly string[]): string {
  return list.map((c) => CATEGORY_ZH[c] ?? c).join('或');
}


/** Names of the indicator categories a goal declaration should have (GOAL-MISSING-CATEGORY), by group key. */
export const GOAL_CATEGORY_ZH: Readonly<Record<string, string>> = {
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  cost: '成本指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};

/** What HIST-MONEY-CHANGE is about. */
export const MONEY_WHAT_ZH: Readonly<Record<string, string>> = {
  annualBudget: '项目资金全年预算数',
  initialBudget: '项目资金年初预算数',
  executed: '项目资金全年执行数',
  threePublic: '三公经费决算数',
};
