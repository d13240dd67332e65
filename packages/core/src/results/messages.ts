/**
 * @module The messages table of results into the next budget (结果应用): treatment names and reasons,
 * rectification refusals and history labels, and the facts shown beside a new request.
 */
import type { Treatment } from '../rulesets/index.js';

export const TREATMENT_ZH: Readonly<Record<Treatment, string>> = { priority: '优先保障', maintain: '保障', reduce: '压缩', cancel: '取消' };

export type TreatmentReasonCode = 'RES-GRADE' | 'RES-UNKNOWN-GRADE' | 'RES-LOW-EXECUTION' | 'RES-SERIOUS-FINDINGS';

export const TREATMENT_REASONS: Readonly<Record<TreatmentReasonCode, (f: Record<string, string>) => string>> = {
  'RES-GRADE': (f) => `评价等级为“${f['grade'] ?? ''}”（${f['total'] ?? ''}分），按规则${f['treatment'] ?? ''}。`,
  'RES-UNKNOWN-GRADE': (f) => `评价等级“${f['grade'] ?? ''}”不在规则集的等级中，按保障处理，请人工确认。`,
  'RES-LOW-EXECUTION': (f) => `预算执行率${f['ratePercent'] ?? ''}%，低于${f['thresholdPercent'] ?? ''}%，下调${f['steps'] ?? ''}档。`,
  'RES-SERIOUS-FINDINGS': (f) => `存在${f['count'] ?? ''}项严重问题（${f['severities'] ?? ''}），下调${f['steps'] ?? ''}档。`,
};

export const SEVERITY_ZH = { error: '错误', warning: '警告', info: '提示' } as const;

export const TASK_STATUS_ZH = { open: '待整改', 'in-progress': '整改中', closed: '已完成' } as const;

export const TASK_ERRORS = {
  'not-open': '只有待整改的任务可以开始整改。',
  'closed': '任务已完成，如需继续整改请先重新打开。',
  'not-in-progress': '只有整改中的任务可以办结。',
  'evidence-required': '办结整改任务必须上传整改佐证材料。',
  'not-closed': '只有已完成的任务可以重新打开。',
  'reason-required': '重新打开整改任务必须写明原因。',
  'owner-required': '必须指定整改责任人。',
  'invalid-deadline': '整改期限应为有效日期。',
  'invalid-evidence': '佐证材料信息不完整。',
} as const;
export type TaskErrorCode = keyof typeof TASK_ERRORS;

/** One-line facts beside a new request (上年绩效情况). */
export const PRIOR_FACTS = {
  evaluation: (year: string, total: string, grade: string) => `${year}年绩效自评得分${total}分，等级“${grade}”。`,
  execution: (year: string, rate: string) => `${year}年预算执行率${rate}%。`,
  findings: (errors: string, warnings: string) => `审核发现错误${errors}项、警告${warnings}项。`,
  treatment: (label: string) => `结果应用建议：${label}。`,
  monitoring: (asOf: string, light: string, reasons: string) => `运行监控（截至${asOf}）：${light}${reasons ? `，${reasons}` : ''}。`,
  money: (requested: string, last: string, change: string, unit: string) => `本次申请${requested}${unit}，上年预算${last}${unit}，变动${change}%。`,
  belowLast: (name: string, target: string, last: string) => `“${name}”本年目标${target}低于上年实际完成值${last}。`,
  notMet: (name: string, lastTarget: string, lastActual: string) => `“${name}”上年目标${lastTarget}未完成（实际${lastActual}）。`,
  newIndicators: (n: string) => `新增指标${n}项。`,
  dropped: (n: string, names: string) => `上年指标中有${n}项未列入本年申报：${names}。`,
} as const;
