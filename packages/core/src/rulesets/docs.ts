/** @module The rule-set reference page (docs/rule-sets.md), rendered from the shipped rule sets. */
import { listRuleSets, ruleSetRef } from './registry.js';
import type { RuleSet } from './schema.js';

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
    ...listRuleSets().map(section),
  ].join('\n');
}
