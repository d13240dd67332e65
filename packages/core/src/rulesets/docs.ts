/** @module The rule-set reference page (docs/rule-sets.md), rendered from the shipped rule sets. */
import { Dec } from '../decimal/decimal.js';
import { listRuleSets, ruleSetRef } from './registry.js';
import type { RuleSet } from './schema.js';

/** Chinese names of the treatments (结果应用). */
const TREATMENT_ZH: Record<string, string> = { priority: '优先保障', maintain: '保障', reduce: '压缩', cancel: '取消' };
const SEVERITY_ZH: Record<string, string> = { error: '错误', warning: '警告', info: '提示' };
const REASON_ZH: Record<string, string> = {
  'MON-CHECKPOINT-MISSED': '未达执行进度节点',
  'MON-EXEC-BEHIND': '执行落后于时间进度',
  'MON-GAP': '目标完成度与执行率偏离',
  'MON-NO-OUTPUT': '资金已支出但无产出',
  'MON-IND-UNREACHABLE': '指标按当前进度无法完成',
  'MON-IND-BEHIND': '指标进度落后',
  'MON-IND-NO-PROGRESS': '指标未填报进度',
  'MON-IND-DEADLINE-PASSED': '时限已过未完成',
  'MON-IND-LEVEL-BELOW': '指标当前水平未达目标',
  'MON-NO-SNAPSHOT': '未报送监控数据',
};

/** "0.25" → "25%". */
function pct(fraction: string): string {
  return `${Dec.of(fraction).times(Dec.HUNDRED).toString()}%`;
}

function monitoringLine(rs: RuleSet): string {
  const m = rs.monitoring;
  const points = m.checkpoints.map((c) => `${c.month}月末 ≥ ${pct(c.minExecution)}`).join('，') || '无';
  return `- 运行监控（双监控）：执行进度节点 ${points}；执行率落后时间进度超过 ${Dec.of(m.tolerance).times(Dec.HUNDRED).toString()} 个百分点预警；目标完成度与执行率相差超过 ${m.maxGapPoints} 个百分点预警；执行率达到 ${pct(m.noOutputMinExecution)} 而无任何产出预警；需单位答复的预警：${m.respondTo.map((c) => REASON_ZH[c] ?? c).join('、')}，${m.responseWorkingDays} 个工作日内选择继续、调整或取消，到期前 ${m.reminderWorkingDays} 个工作日提醒`;
}

function resultsLine(rs: RuleSet): string {
  const r = rs.results;
  return `- 结果应用：${r.tiers.map((t) => `${t.grade} → ${TREATMENT_ZH[t.treatment] ?? t.treatment}`).join('，')}；执行率低于 ${pct(r.lowExecution)} 下调 ${r.lowExecutionSteps} 档；存在严重问题（${r.seriousSeverities.map((x) => SEVERITY_ZH[x] ?? x).join('、')}）下调 ${r.seriousFindingSteps} 档；列入年度清单的等级：${r.listGrades.join('、')}；整改期限默认 ${r.rectificationDays} 天`;
}

const FORMULA_ZH: Record<string, string> = {
  quantitative: '定量：达成得满分，未达成按完成比例',
  qualitative: '定性：按完成档次',
  'grading-bands': '按优/良/中/差绩效标准分档',
  'survey-score': '问卷得分：分值 × 得分 ÷ 100',
  'rate-proportional': '分值 × 实际比率',
  given: '采用所印得分',
};

function section(rs: RuleSet): string {
  const rows = rs.sections.map(
    (s) =>
      `| ${s.name} | ${s.weight ?? '由单位分配'} | ${s.categories.join(', ')} | ${s.requiredCategories.map((g) => g.join(' / ')).join('；') || '—'} | ${s.leafFormula ? FORMULA_ZH[s.leafFormula] : '按指标值判断'} |`,
  );
  return [
    `## ${rs.name} — \`${ruleSetRef(rs)}\``,
    '',
    rs.description,
    '',
    `- 依据：${rs.sources.join('；')}`,
    `- 适用层级：${rs.level === 'project' ? '项目支出' : rs.level === 'department' ? '部门整体支出' : '通用'}；总分 ${rs.totalWeight}`,
    `- 预算执行率：${rs.execution ? `${rs.execution.weight} 分，分值 × min(全年执行数 ÷ 全年预算数, 1)` : '不单列分值'}`,
    `- 等级：${rs.grades.map((g) => `${g.grade} ≥ ${g.min}`).join('，')}（下限含）`,
    `- 定性指标分档（占分值比例）：达成 ${rs.qualitative.achieved.join('–')}，部分达成 ${rs.qualitative.partly.join('–')}，未达成 ${rs.qualitative.notAchieved.join('–')}`,
    `- 绩效标准分档计分：优 ${rs.gradingBands.excellent}，良 ${rs.gradingBands.good}，中 ${rs.gradingBands.fair}，差 ${rs.gradingBands.poor}`,
    `- 未设目标值的满意度：${rs.satisfactionWithoutTarget === 'rate-proportional' ? '分值 × 满意率' : '采用所印得分'}；未分项的部分：${rs.unitemisedRemainder === 'printed' ? '按所印得分计入' : '不计算'}`,
    `- 取整：${rs.rounding.mode}，得分 ${rs.rounding.scorePlaces} 位小数，百分比 ${rs.rounding.ratePlaces} 位；所印数字的容差：末位半个单位，至多 ${rs.tolerance.max}`,
    `- 目标偏低提示：实际 ≥ ${rs.quantitative.targetTooLowFactor} × 目标（反向指标 ≤ ${rs.quantitative.targetTooHighFactor} × 目标）`,
    monitoringLine(rs),
    resultsLine(rs),
    '',
    '| 一级指标 | 权重 | 匹配类别 | 必备二级指标 | 叶子指标计分 |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    '规则选择（官方文件未明确之处）：',
    '',
    ...rs.choices.map((c) => `- **${c.key}**：${c.text}`),
    '',
  ].join('\n');
}

/** The whole page, deterministic. */
export function renderRuleSetDocs(): string {
  return [
    '# 评分规则集（Rule sets）',
    '',
    '<!-- Generated from packages/core/src/rulesets by `npm run docs`; do not edit by hand. -->',
    '',
    'Each rule set is versioned data (`packages/core/src/rulesets/data/`), validated when loaded; every score records `id@version`. `jixiao rules show ID` prints the same.',
    '',
    'The `monitoring` (运行监控) and `results` (结果应用) blocks are optional in a rule set: when absent they take jixiao\'s defaults, shown below for every scheme. The default monitoring thresholds follow a provincial practice (execution of 25 / 40 / 60 / 80% by the end of April / June / August / October, goal completion and execution at most 10 points apart, 10 working days to answer a warning); the default results tiers are 优 / 良 / 中 / 差 → 优先保障 / 保障 / 压缩 / 取消. A province states its own figures in its rule set.',
    '',
    ...listRuleSets().map(section),
  ].join('\n');
}
