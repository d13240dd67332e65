/** @module Pure helpers of the goal pages: stage labels, titles, who may do what. */
import type { Role } from '../api/types.js';

export const STAGE_LABELS: Readonly<Record<string, string>> = {
  goals: '绩效目标申报',
  monitoring: '绩效运行监控',
  'self-evaluation': '绩效自评',
  evaluation: '绩效评价',
};

/** Workflow states in which goals count as approved (they may be derived from and adjusted). */
export const APPROVED = new Set(['approved', 'rechecked', 'published']);

/** The usual title of a goal declaration: 2025年度<项目名称>绩效目标申报表. */
export function goalTitle(year: number, level: 'project' | 'department', name: string): string {
  const n = name.trim();
  if (level === 'department') return `${year}年度${n || '部门'}部门整体支出绩效目标申报表`;
  return `${year}年度${n || '项目'}绩效目标申报表`;
}

/** The unit's own staff (preparer, unit head) of the goal's organisation. */
export function isUnitStaff(user: { role: Role; orgId: string }, orgId: string): boolean {
  return (user.role === 'preparer' || user.role === 'unit-head') && user.orgId === orgId;
}

/** May derive documents and ask for adjustments: the unit's staff, once the goals are approved. */
export function canDerive(user: { role: Role; orgId: string }, goal: { orgId: string; status: string }): boolean {
  return isUnitStaff(user, goal.orgId) && APPROVED.has(goal.status);
}

/** May decide adjustments: a reviewer or the finance office (the server checks the scope and that it is not the requester). */
export function canDecide(user: { role: Role }, goal: { status: string }): boolean {
  return (user.role === 'reviewer' || user.role === 'finance') && APPROVED.has(goal.status);
}
