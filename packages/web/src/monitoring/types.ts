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
