/**
 * @module Words and colours for codes the UI shows: levels, statuses, grades, severities, roles.
 * Kept free of the core's runtime so the login and public pages do not load it.
 */
export const LEVEL_LABELS: Readonly<Record<string, string>> = { project: '项目支出', department: '部门整体支出' };

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  approved: '已审核',
  rechecked: '已复核',
  published: '已公开',
};

export const STATUS_COLORS: Readonly<Record<string, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'cyan',
  rechecked: 'purple',
  published: 'success',
};

export const GRADES = ['优', '良', '中', '差'] as const;

export const GRADE_COLORS: Readonly<Record<string, string>> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

export const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: '错误', warning: '警告', info: '提示' };

export const SEVERITY_COLORS: Readonly<Record<string, string>> = { error: 'red', warning: 'orange', info: 'blue' };

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  preparer: '填报人',
  'unit-head': '单位负责人',
  reviewer: '主管部门审核人',
  finance: '财政绩效科',
  admin: '系统管理员',
};

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  submit: '提交',
  return: '退回',
  approve: '审核通过',
  recheck: '复核通过',
  publish: '公开',
};

export const ITEM_STATUS_LABELS: Readonly<Record<string, string>> = {
  met: '已达成',
  'partly-met': '部分达成',
  'not-met': '未达成',
  'not-comparable': '无法比较',
  'within-band': '在评分区间内',
  'outside-band': '超出评分区间',
  proposed: '建议得分',
  given: '按填报得分',
  missing: '缺少得分',
  summed: '合计',
};

/** The years a filter offers: this year back ten years. */
export function recentYears(now: Date, count = 10): number[] {
  const y = now.getFullYear();
  return Array.from({ length: count }, (_, i) => y - i);
}

/** Indicator categories (指标类别) of the interchange format, in words. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
  cost: '成本指标',
  input: '投入',
  process: '过程',
  effect: '效果',
  decision: '决策',
  management: '管理',
  performance: '绩效',
  quantity: '数量指标',
  quality: '质量指标',
  timeliness: '时效指标',
  'cost-output': '成本指标（产出）',
  economic: '经济效益指标',
  social: '社会效益指标',
  ecological: '生态效益指标',
  sustainable: '可持续影响指标',
  'service-satisfaction': '服务对象满意度指标',
  other: '其他',
};
