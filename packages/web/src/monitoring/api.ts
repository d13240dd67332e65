/** @module Endpoints of the monitoring pages (绩效运行监控): assessment, snapshots, payments, cases, reminders, report, export. */
import { download, request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { CaseView, MonitoringList, MonitoringReport, MonitoringScope, PaymentsSummary, ProjectAssessmentAnswer, Reminder, SnapshotAnswer, SnapshotInput, SnapshotRow } from './types.js';

const id = (s: string) => encodeURIComponent(s);
const scope = (s: MonitoringScope) => queryString({ year: s.year, org: s.org, asOf: s.asOf });

export function monitoringList(s: MonitoringScope, signal?: AbortSignal): Promise<MonitoringList> {
  return request<MonitoringList>('GET', `/monitoring${scope(s)}`, { signal });
}

/** One project's assessment and its warning cases (as of today unless `asOf`). */
export function projectAssessment(evaluationId: string, asOf?: string, signal?: AbortSignal): Promise<ProjectAssessmentAnswer> {
  return request<ProjectAssessmentAnswer>('GET', `/monitoring/${id(evaluationId)}/assessment${queryString({ asOf })}`, { signal });
}

/**
 * A payments list (CSV or xlsx) read and summed by the server into the project's cumulative executed per
 * month or quarter, up to `through`; nothing is stored.
 */
export function summarisePayments(evaluationId: string, file: File, granularity: 'month' | 'quarter', through?: string): Promise<PaymentsSummary> {
  const form = new FormData();
  form.set('file', file);
  form.set('granularity', granularity);
  if (through !== undefined) form.set('through', through);
  return request<PaymentsSummary>('POST', `/monitoring/${id(evaluationId)}/payments`, { form });
}

export async function snapshots(evaluationId: string, signal?: AbortSignal): Promise<SnapshotRow[]> {
  return (await request<{ items: SnapshotRow[] }>('GET', `/monitoring/${id(evaluationId)}/snapshots`, { signal })).items;
}

export function reportSnapshot(evaluationId: string, body: SnapshotInput): Promise<SnapshotAnswer> {
  return request<SnapshotAnswer>('POST', `/monitoring/${id(evaluationId)}/snapshots`, { json: body });
}

export async function cases(s: MonitoringScope, signal?: AbortSignal): Promise<CaseView[]> {
  return (await request<{ items: CaseView[] }>('GET', `/monitoring/cases${scope(s)}`, { signal })).items;
}

export function respondToCase(caseId: string, body: { choice: 'continue' | 'reallocate' | 'cancel'; reason: string }): Promise<CaseView> {
  return request<CaseView>('POST', `/monitoring/cases/${id(caseId)}/response`, { json: body });
}

export function reviewCase(caseId: string, body: { decision: 'continue' | 'correct' | 'suspend'; reason: string; correctBy?: string | undefined }): Promise<CaseView> {
  return request<CaseView>('POST', `/monitoring/cases/${id(caseId)}/review`, { json: body });
}

export function reminders(s: MonitoringScope, signal?: AbortSignal): Promise<{ today: string; items: Reminder[] }> {
  return request<{ today: string; items: Reminder[] }>('GET', `/monitoring/reminders${scope(s)}`, { signal });
}

export function monitoringReport(s: MonitoringScope & { level?: 'organisation' | 'department' | 'region' }, signal?: AbortSignal): Promise<MonitoringReport> {
  return request<MonitoringReport>('GET', `/monitoring/report${queryString({ level: s.level, year: s.year, org: s.org, asOf: s.asOf })}`, { signal });
}

/** The 绩效监控表 workbook of the scope (summary by `level`, projects, indicators), under the server's file name. */
export function downloadMonitoringXlsx(s: MonitoringScope & { level?: 'organisation' | 'department' | 'region' }): Promise<void> {
  const year = s.year ?? '';
  return download(`/monitoring/export.xlsx${queryString({ level: s.level, year: s.year, org: s.org, asOf: s.asOf })}`, `${year}年度绩效监控表.xlsx`);
}
