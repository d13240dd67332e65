/** @module Shapes of the monitoring routes (`/api/monitoring…`): core's assessment, cases and reminders as JSON. */
import type { MonitoringReport, MonitoringSnapshot, ProjectAssessment, Reminder, WarningCase } from '@jixiao/core';

export type Light = 'green' | 'yellow' | 'red';

/** A warning case as the server shows it: where it stands today. */
export interface CaseView {
  id: string;
  evaluationId: string;
  period: string;
  issuedAt: string;
  due: string;
  status: 'awaiting-unit' | 'due-soon' | 'overdue' | 'awaiting-review' | 'closed' | string;
  label: string;
  workingDaysLeft?: number | undefined;
  late: boolean;
  case: WarningCase;
}

export type ProjectView = ProjectAssessment & { cases: CaseView[] };

export interface MonitoringList {
  asOf: string;
  ruleSet: string;
  counts: Record<Light, number>;
  projects: ProjectView[];
}

/** `GET /api/monitoring/{evaluationId}/assessment`: one project, assessed as of `asOf`. */
export interface ProjectAssessmentAnswer {
  asOf: string;
  ruleSet: string;
  project: ProjectView;
}

export interface ImportNote {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
  where: string;
}

/** `POST /api/monitoring/{evaluationId}/payments`: a payments list summed per period (nothing stored). */
export interface PaymentsSummary {
  /** The document money unit: every amount is in it. */
  unit: string;
  granularity: 'month' | 'quarter';
  periods: Array<{ period: string; asOf: string; amount: string; cumulative: string; payments: number }>;
  counts: { rows: number; counted: number; otherProjects: number; otherYears: number };
  issues: Array<{ code: string; message: string; where?: string | undefined }>;
  /** The import report: units read, columns used, and every row skipped (bad date or amount: level `warning`) with its cell. */
  report: {
    format: 'csv' | 'xlsx';
    fileName: string;
    unit: string;
    fileUnit: string;
    unitSource: string;
    counts: { rows: number; rejected: number; totals: number };
    recognised: ImportNote[];
    skipped: ImportNote[];
    guessed: ImportNote[];
  };
}

export interface MonitoringScope {
  year?: number | undefined;
  org?: string | undefined;
  asOf?: string | undefined;
}

export interface SnapshotRow {
  period: string;
  asOf: string;
  snapshot: MonitoringSnapshot;
  reportedBy: string;
  reportedAt: string;
}

export interface SnapshotInput {
  period: string;
  asOf: string;
  executed: string;
  budget?: string | undefined;
  indicators?: Array<{ id: string; project?: string | undefined; progress: string }> | undefined;
  note?: string | undefined;
}

export interface SnapshotAnswer {
  snapshot: MonitoringSnapshot;
  assessment: ProjectAssessment | Record<string, never>;
  case: CaseView | null;
}

export type { MonitoringReport, Reminder };
