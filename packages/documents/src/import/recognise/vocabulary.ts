/**
 * @module The header words and row labels the table finder looks for, and how a printed header maps
 * to a field. Tables are found by these words, never by cell addresses. Keys are `matchKey`s
 * (half-width, simplified, no whitespace), so `年度\n指标值` and `年度指標值` both match.
 */
import type { AmountColumn, FundingSourceKind, IndicatorCategory } from '@jixiao/core';
import { matchKey, memoText } from '../text-util/normalise.js';

/** Columns of an indicator grid. */
export type IndicatorRole =
  | 'frame' // the vertical 绩效指标 label column
  | 'level1'
  | 'level2'
  | 'level3'
  | 'level4'
  | 'target'
  | 'actual'
  | 'weight'
  | 'score'
  | 'review'
  | 'reviewReason'
  | 'reason'
  | 'explanation'
  | 'unit'
  | 'nature'
  | 'lastYear'
  | 'completionRate'
  | 'grade'
  | 'note'
  | 'band-excellent'
  | 'band-good'
  | 'band-fair'
  | 'band-poor';

/** Most specific first: the first entry whose words match wins. */
const INDICATOR_COLUMNS: ReadonlyArray<readonly [IndicatorRole, readonly string[]]> = [
  ['reason', ['偏差原因分析及改进措施', '偏差原因分析及整改措施', '偏差原因及改进措施', '偏差原因分析', '偏差原因', '未完成原因', '原因分析及改进措施', '扣分原因']],
  ['reviewReason', ['复核意见', '复核说明', '复核理由', '复核扣分原因']],
  ['review', ['复核分', '复核得分', '复评分', '复核分值', '复核评分']],
  ['score', ['自评得分', '得分', '评分', '自评分', '实际得分']],
  ['weight', ['分值', '权重', '标准分', '指标分值', '满分', '权重(分)', '分值(分)']],
  ['level1', ['一级指标']],
  ['level2', ['二级指标', '指标类型']],
  ['level3', ['三级指标', '项目绩效指标名称', '绩效指标名称', '指标名称', '具体指标']],
  ['level4', ['四级指标']],
  ['lastYear', ['上年完成值', '上年实际完成值', '上年绩效指标完成情况', '上年完成指标', '上年指标值']],
  ['actual', ['实际完成值', '全年实际完成值', '实际完成情况', '完成值', '实际值', '完成指标', '实际完成']],
  ['unit', ['度量单位', '计量单位', '指标单位']],
  ['nature', ['指标性质', '指标方向', '比较符', '指标值性质']],
  ['target', ['年度指标值', '年度目标值', '全年指标值', '指标值', '目标值', '预期指标值', '计划值', '年度绩效目标值', '预期目标值']],
  ['completionRate', ['完成率', '完成比例', '指标完成率']],
  ['grade', ['完成质量', '评价等级']],
  ['explanation', ['指标解释', '评分标准', '指标说明', '评分细则', '计分方法', '指标定义']],
  ['note', ['备注', '情况说明', '说明']],
  ['frame', ['绩效指标', '绩效目标', '年度绩效指标']],
  ['band-excellent', ['优']],
  ['band-good', ['良']],
  ['band-fair', ['中']],
  ['band-poor', ['差']],
];

/** Money-table columns. */
export type FundingRole = AmountColumn | 'weight' | 'rate' | 'score';

const FUNDING_COLUMNS: ReadonlyArray<readonly [FundingRole, readonly string[]]> = [
  ['initialBudget', ['年初预算数', '年初预算', '年初预算金额', '年初批复数']],
  ['annualBudget', ['全年预算数', '全年预算', '调整后预算数', '调整预算数', '全年预算金额']],
  ['executed', ['全年执行数', '执行数', '全年执行', '实际执行数', '实际支出数', '全年实际支出']],
  ['carryOverStart', ['年初结转结余', '上年结余', '上年结转结余', '年初结余', '上年结转']],
  ['carryOverEnd', ['年末结转结余数', '年末结转结余', '期末结余', '年末结余']],
  ['income', ['本年收入', '收入数', '收入']],
  ['expenditure', ['本年支出', '支出数', '支出']],
  ['arranged', ['预算安排资金', '预算安排']],
  ['arrived', ['实际到位资金', '到位资金']],
  ['budget', ['预算数', '预算金额']],
  ['rate', ['执行率', '预算执行率']],
  ['weight', ['分值', '权重']],
  ['score', ['得分']],
];

/** Header-block labels (label / value pairs). */
export type HeaderField =
  | 'projectName'
  | 'projectCode'
  | 'supervisingDepartment'
  | 'implementingUnits'
  | 'organisation'
  | 'topUnit'
  | 'periodStart'
  | 'periodEnd'
  | 'period'
  | 'year'
  | 'evaluationDate'
  | 'totalAmount'
  | 'annualAmount'
  | 'annualGoal'
  | 'longTermGoal'
  | 'policyBasis'
  | 'calculationBasis'
  | 'projectType'
  | 'isNew'
  | 'allocation'
  | 'preparer'
  | 'phone';

const HEADER_LABELS: ReadonlyArray<readonly [HeaderField, readonly string[]]> = [
  ['projectName', ['项目名称', '二级项目名称', '专项名称']],
  ['projectCode', ['项目编码', '项目代码', '项目编号']],
  ['supervisingDepartment', ['主管部门', '主管单位']],
  ['implementingUnits', ['实施单位', '项目实施单位', '项目单位', '项目执行单位']],
  ['organisation', ['预算部门', '预算单位', '部门名称', '单位名称', '申请单位', '部门(单位)名称', '填报单位']],
  ['topUnit', ['一级预算单位']],
  ['periodStart', ['项目起始时间', '起始时间', '开始时间']],
  ['periodEnd', ['项目截至时间', '项目截止时间', '截止时间', '截至时间', '结束时间']],
  ['period', ['实施期限', '实施周期', '项目期限']],
  ['year', ['预算年度', '评价年度', '年度']],
  ['evaluationDate', ['自评日期', '填报日期', '评价日期']],
  ['totalAmount', ['项目总金额(中期规划,万元)', '项目总金额(中期规划)', '项目总金额']],
  ['annualAmount', ['本年度项目金额(万元)', '本年度项目金额', '年度项目金额']],
  ['annualGoal', ['年度目标', '年度绩效目标']],
  ['longTermGoal', ['长期目标(跨度多年的项目需填)', '长期目标', '总体目标']],
  ['policyBasis', ['政策依据', '立项依据']],
  ['calculationBasis', ['测算依据']],
  ['projectType', ['项目类型']],
  ['isNew', ['是否新增项目']],
  ['allocation', ['分配方式']],
  ['preparer', ['填报人', '联系人']],
  ['phone', ['联系电话']],
];

function compile<R extends string>(table: ReadonlyArray<readonly [R, readonly string[]]>): Array<[R, string]> {
  const out: Array<[R, string]> = [];
  for (const [role, words] of table) for (const w of words) out.push([role, matchKey(w)]);
  return out;
}

const INDICATOR_KEYS = compile(INDICATOR_COLUMNS);
const FUNDING_KEYS = compile(FUNDING_COLUMNS);
const HEADER_KEYS = compile(HEADER_LABELS);

/** Header text without numbering, brackets and units: "分值（分）" → "分值", "年度\n指标值" → "年度指标值". */
export const headerKey = memoText((text: string): string => {
  const k = matchKey(text);
  if (k.length > 120) return k;
  return k
    .replace(/^[0-9]+[.、]/, '')
    .replace(/[(（][^)）]*[)）]$/u, '')
    .replace(/[:：*＊]+$/u, '');
});

function lookup<R extends string>(keys: Array<[R, string]>, text: string): R | undefined {
  // Header words are short; a long cell is never one (and is not worth normalising).
  if (text.length > 120) return undefined;
  const k = headerKey(text);
  if (k.length === 0) return undefined;
  for (const [role, w] of keys) if (k === w) return role;
  return undefined;
}

export const indicatorRole = memoText((text: string): IndicatorRole | undefined => lookup(INDICATOR_KEYS, text));

export const fundingRole = memoText((text: string): FundingRole | undefined => lookup(FUNDING_KEYS, text));

/** A label of the header block, tolerating a trailing colon and a unit in brackets. */
export const headerField = memoText((text: string): HeaderField | undefined => {
  if (text.length > 120) return undefined;
  const full = matchKey(text).replace(/[:：]+$/u, '');
  for (const [field, w] of HEADER_KEYS) if (full === w) return field;
  return lookup(HEADER_KEYS, text);
});

/** How many of the given cells are header words of any known table (used to spot space-separated tables). */
export function headerWordCoverage(parts: readonly string[]): number {
  if (parts.length === 1) return segmentHeaderWords(parts[0]!)?.length ?? 0;
  let n = 0;
  for (const p of parts) {
    const role = indicatorRole(p);
    if ((role && !role.startsWith('band') && role !== 'frame' && role !== 'note') || fundingRole(p)) n++;
  }
  return n;
}

const SEGMENT_WORDS = [...new Set([...INDICATOR_KEYS, ...FUNDING_KEYS].map(([, w]) => w).filter((w) => w.length >= 2))].sort(
  (a, b) => b.length - a.length,
);

/**
 * Splits a header whose cells ran together ("一级指标二级指标三级指标年度指标值…") into the known
 * words, longest first; undefined unless the words cover the whole text.
 */
export function segmentHeaderWords(text: string): string[] | undefined {
  const k = matchKey(text);
  if (k.length < 6) return undefined;
  const out: string[] = [];
  let i = 0;
  while (i < k.length) {
    const w = SEGMENT_WORDS.find((word) => k.startsWith(word, i));
    if (!w) return undefined;
    out.push(w);
    i += w.length;
  }
  return out.length >= 3 ? out : undefined;
}

/** Category of a section by its printed name; `depth` 0 is a first-level (一级) node. */
export function sectionCategory(name: string, depth: number, parent?: IndicatorCategory): IndicatorCategory | undefined {
  const n = matchKey(name)
    .replace(/[(（][^)）]*[)）]/gu, '')
    .replace(/^(项目|部门)/u, '')
    .replace(/^\d+[.、]/u, '');
  if (n.length === 0 || n.length > 16) return undefined;
  if (depth === 0) {
    if (/^产出/.test(n)) return 'output';
    if (/^效益/.test(n)) return 'benefit';
    if (/^效果/.test(n)) return 'effect';
    if (/满意/.test(n)) return 'satisfaction';
    if (/^成本/.test(n)) return 'cost';
    if (/^投入/.test(n)) return 'input';
    if (/^过程/.test(n)) return 'process';
    if (/^决策/.test(n)) return 'decision';
    if (/^管理/.test(n)) return 'management';
    if (/^绩效/.test(n)) return 'performance';
    return undefined;
  }
  if (/^数量/.test(n)) return 'quantity';
  if (/^质量/.test(n)) return 'quality';
  if (/^时效/.test(n)) return 'timeliness';
  if (/成本/.test(n)) return parent === 'cost' ? 'cost' : 'cost-output';
  if (/^经济效益|^经济$/.test(n)) return 'economic';
  if (/^社会效益|^社会$/.test(n)) return 'social';
  if (/^生态效益|^生态$|^环境效益/.test(n)) return 'ecological';
  if (/^可持续/.test(n)) return 'sustainable';
  if (/服务对象|社会公众|群众|公众/.test(n) && /满意/.test(n)) return 'service-satisfaction';
  if (/满意/.test(n)) return 'satisfaction';
  return undefined;
}

/** Which funding source a row label names (资金来源 / 性质). `provincial` is true for a provincial body. */
export function sourceKindOf(label: string, provincial: boolean): FundingSourceKind | undefined {
  const k = matchKey(label).replace(/^其中[:：]?/u, '');
  if (/中央/.test(k)) return 'central-fiscal';
  if (/下级配套|地方配套|配套/.test(k)) return 'lower-matching';
  if (/上年结转|上年结余|结转资金|结余资金/.test(k)) return 'carry-over';
  if (/非税/.test(k)) return 'non-tax';
  if (/政府性基金/.test(k)) return 'government-fund';
  if (/自筹/.test(k)) return 'self-raised';
  if (/^基本支出/.test(k)) return 'basic-expenditure';
  if (/^项目支出/.test(k)) return 'project-expenditure';
  if (/省级/.test(k)) return provincial ? 'same-level-fiscal' : 'upper-fiscal';
  if (/上级|追加/.test(k)) return 'upper-fiscal';
  if (/同级|本级|一般公共预算|公共财政|财政拨款|财政资金/.test(k)) return 'same-level-fiscal';
  if (/^其他/.test(k)) return 'other';
  return undefined;
}

/** Labels of the total row of a money table. */
export function isTotalLabel(label: string): boolean {
  return /^(年度资金总额|资金总额|合计|总计|小计|资金合计|总额)$/.test(matchKey(label).replace(/[:：]$/u, ''));
}

/** A title row or line: 自评表 / 申报表 / 评价表 / 基础数据表. */
export function titleKind(text: string): 'self-evaluation' | 'goals' | 'basic-data' | 'evaluation' | undefined {
  const k = matchKey(text);
  if (k.length > 60) return undefined;
  if (/基础数据表$/.test(k)) return 'basic-data';
  if (/申报表$|目标表$/.test(k)) return 'goals';
  if (/自评表$|监控表$/.test(k)) return 'self-evaluation';
  if (/评价表$|评分表$/.test(k)) return 'evaluation';
  return undefined;
}
