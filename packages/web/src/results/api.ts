/** @module Endpoints of the results pages (结果应用): the year-end list, its workbook, rectification tasks. */
import { download, request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { CreateTasksInput, ResultsList, Task, TaskFilters, TaskList } from './types.js';

const id = (s: string) => encodeURIComponent(s);

export interface ResultsScope {
  year?: number | undefined;
  department?: string | undefined;
}

export function resultsList(s: ResultsScope, signal?: AbortSignal): Promise<ResultsList> {
  return request<ResultsList>('GET', `/results${queryString({ year: s.year, department: s.department })}`, { signal });
}

export function downloadResultsXlsx(s: ResultsScope): Promise<void> {
  return download(`/results/export.xlsx${queryString({ year: s.year, department: s.department })}`, `${s.year ?? ''}年度预算绩效评价结果应用清单.xlsx`);
}

export function tasks(f: TaskFilters, signal?: AbortSignal): Promise<TaskList> {
  return request<TaskList>('GET', `/results/tasks${queryString({ evaluation: f.evaluation, status: f.status, overdue: f.overdue === undefined ? undefined : String(f.overdue), year: f.year })}`, { signal });
}

export function createTasks(body: CreateTasksInput): Promise<{ items: Task[]; skipped: number }> {
  return request<{ items: Task[]; skipped: number }>('POST', '/results/tasks', { json: body });
}

export function startTask(taskId: string, note?: string): Promise<Task> {
  return request<Task>('POST', `/results/tasks/${id(taskId)}/start`, { json: note ? { note } : {} });
}

export function addTaskEvidence(taskId: string, body: { evidenceId?: string | undefined; note?: string | undefined }): Promise<Task> {
  return request<Task>('POST', `/results/tasks/${id(taskId)}/evidence`, { json: body });
}

/** A new file as the task's evidence (stored with the evaluation's evidence, even after publication). */
export function uploadTaskEvidence(taskId: string, file: File, note?: string): Promise<Task> {
  const form = new FormData();
  form.set('file', file);
  if (note) form.set('note', note);
  return request<Task>('POST', `/results/tasks/${id(taskId)}/evidence/file`, { form });
}

export function closeTask(taskId: string, note?: string): Promise<Task> {
  return request<Task>('POST', `/results/tasks/${id(taskId)}/close`, { json: note ? { note } : {} });
}

export function reopenTask(taskId: string, reason: string): Promise<Task> {
  return request<Task>('POST', `/results/tasks/${id(taskId)}/reopen`, { json: { reason } });
}

export function reassignTask(taskId: string, body: { ownerOrgId?: string | undefined; deadline?: string | undefined; note?: string | undefined }): Promise<Task> {
  return request<Task>('POST', `/results/tasks/${id(taskId)}/reassign`, { json: body });
}
