/** @module Shapes of the results API (结果应用): the year-end list and rectification tasks. */
import type { Treatment, TreatmentReason, TreatmentRecommendation } from '@jixiao/core';

export type { Treatment, TreatmentReason };
export type TaskStatus = 'open' | 'in-progress' | 'closed';
export type TaskAction = 'start' | 'evidence' | 'close' | 'reopen' | 'reassign';
export type Severity = 'error' | 'warning' | 'info';

/** A list entry: core's recommendation with what the server adds (ids, the document's title and status, counts). */
export interface ResultsItem extends TreatmentRecommendation {
  orgId: string;
  departmentId: string | null;
  title: string;
  status: string;
  findingCounts: Record<Severity, number>;
  tasks: { open: number; total: number };
}

export interface ResultsDepartment {
  department: string;
  departmentId: string | null;
  items: ResultsItem[];
  counts: Record<Treatment, number>;
  evaluations: number;
}

export interface ResultsList {
  year: number | null;
  evaluations: number;
  departments: ResultsDepartment[];
  unscored: Array<{ id: string; title: string; org: string; department: string }>;
  ruleSets: string[];
}

export interface EvidenceRef {
  id: string;
  name: string;
  ref?: string;
  size?: number;
  mediaType?: string;
}

export interface TaskEvent {
  at: string;
  by: string;
  action: 'create' | 'start' | 'evidence' | 'close' | 'reopen' | 'reassign';
  from?: TaskStatus;
  to?: TaskStatus;
  note?: string;
}

export interface Task {
  id: string;
  evaluationId: string;
  evaluationTitle: string;
  /** Whether the caller may open the evaluation and its evidence files (a reassigned owner may not). */
  evaluationReadable: boolean;
  year: number;
  orgId: string;
  orgName: string;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerUserId: string | null;
  ownerUserName: string | null;
  findingCode: string;
  location: string;
  message?: string;
  severity?: Severity;
  deadline: string;
  status: TaskStatus;
  statusLabel: string;
  daysLeft?: number;
  workingDaysLeft?: number;
  overdue: boolean;
  evidence: EvidenceRef[];
  history: TaskEvent[];
  actions: TaskAction[];
}

export interface TaskList {
  today: string;
  items: Task[];
  counts: { open: number; inProgress: number; closed: number; overdue: number };
}

export interface TaskFilters {
  evaluation?: string | undefined;
  status?: TaskStatus | undefined;
  overdue?: boolean | undefined;
  year?: number | undefined;
}

export interface CreateTasksInput {
  evaluationId: string;
  severities?: Severity[];
  items?: Array<{ location: string; message: string }>;
  ownerOrgId?: string;
  deadline?: string;
}
