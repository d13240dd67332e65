/** @module The messages table of analytics: titles and axis labels of every series, in Chinese. */

export const CHART_LABELS = {
  gradeDistribution: { title: '评价等级分布', x: '等级', y: '项目数' },
  scoreVsExecution: { title: '得分与预算执行率', x: '预算执行率（%）', y: '得分' },
  selfVsReview: { title: '自评分与复核分', x: '自评分', y: '复核分', gap: '自评分 − 复核分' },
  findingsByFamily: { title: '问题类别分布', x: '问题类别', y: '问题数' },
  findingsByUnit: { title: '各单位问题数', x: '单位', y: '问题数' },
  executionCurve: { title: '预算执行进度', x: '月份', y: '执行率（%）', actual: '实际执行率', schedule: '时间进度', checkpoint: '进度节点要求' },
  yearOnYear: { title: '得分同比变化', x: '年度', y: '平均得分' },
} as const;

/** Names of grouping keys. */
export const GROUP_ZH = { year: '年度', department: '主管部门', org: '单位', level: '层级', sector: '行业', region: '地区' } as const;

/** Names of findings families not in the audit catalogue (e.g. a reviewer's own). */
export const OTHER_FAMILY_ZH = '其他';
