/** @module Chinese labels, colours and small pure helpers of the results pages. */
import { Dec } from '@jixiao/core';
import type { Severity, Task, TaskStatus, Treatment } from './types.js';

export const TREATMENT_LABELS: Readonly<Record<Treatment, string>> = { priority: '优先保障', maintain: '保障', reduce: '压缩', cancel: '取消' };
export const TREATMENT_COLORS: Readonly<Record<Treatment, string>> = { priority: 'green', maintain: 'blue', reduce: 'orange', cancel: 'red' };
export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = { open: '待整改', 'in-progress': '整改中', closed: '已完成' };
export const TASK_STATUS_COLORS: Readonly<Record<TaskStatus, string>> = { open: 'blue', 'in-progress': 'gold', closed: 'green' };
export const SEVERITY_OPTIONS: ReadonlyArray<{ value: Severity; label: string }> = [
  { value: 'error', label: '错误' },
  { value: 'warning', label: '警告' },
  { value: 'info', label: '提示' },
];
export const EVENT_LABELS: Readonly<Record<string, string>> = { create: '下达', start: '开始整改', evidence: '提交佐证', close: '办结', reopen: '重新打开', reassign: '改派' };

/** A fraction ("0.9567") as a percentage with two places ("95.67%"); empty when absent. */
export function fractionToPercent(fraction: string | undefined): string {
  if (fraction === undefined || fraction === '') return '';
  const d = Dec.parse(fraction);
  return d ? `${d.times(Dec.HUNDRED).toFixed(2)}%` : '';
}

/** How the deadline reads: "已逾期3天", "今天到期", "还剩5天", or nothing once closed. */
export function deadlineNote(t: Pick<Task, 'status' | 'daysLeft'>): string {
  if (t.status === 'closed' || t.daysLeft === undefined) return '';
  if (t.daysLeft < 0) return `已逾期${-t.daysLeft}天`;
  if (t.daysLeft === 0) return '今天到期';
  return `还剩${t.daysLeft}天`;
}

/**
 * The reviewer's own items typed one per line: "位置：问题" (full- or half-width colon), or just the
 * problem, located at "评价文档". Blank lines are skipped.
 */
export function parseItems(text: string): Array<{ location: string; message: string }> {
  const out: Array<{ location: string; message: string }> = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^([^：:]{1,100})[：:]\s*(.+)$/.exec(line);
    out.push(m ? { location: m[1]!.trim(), message: m[2]!.trim() } : { location: '评价文档', message: line });
  }
  return out;
}
