/** @module Endpoints of the monitoring pages (绩效运行监控): assessment, snapshots, cases, reminders, report, export. */
import { download, request } from '../api/client.js';
import { queryString } from '../api/query.js';
import type { CaseView, MonitoringList, MonitoringReport, MonitoringScope, Reminder, SnapshotAnswer, SnapshotInput, SnapshotRow } from './types.js';

const id = (s: string) => encodeURIComponent(s);
const scope = (s: MonitoringScope) => queryString({ year: s.year, org: s.org, asOf: s.asOf });

export function monitoringList(s: MonitoringScope, signal?: AbortSignal): Promise<MonitoringList> {
  return request<MonitoringList>('GET', `/monitoring${scope(s)}`, { signal });
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

/**
 * The 绩效监控表 workbook. The documents package writes it (`exportMonitoringXlsx`), but the server has
 * no route for it yet: this is the route the page expects (see the web README); until it exists the
 * download answers 404 and the page says so.
 */
export function downloadMonitoringXlsx(s: MonitoringScope & { level?: 'organisation' | 'department' | 'region' }): Promise<void> {
  const year = s.year ?? '';
  return download(`/monitoring/export${queryString({ format: 'xlsx', level: s.level, year: s.year, org: s.org, asOf: s.asOf })}`, `${year}年度绩效监控表.xlsx`);
}
