/** @module Shapes of the goal routes (`/api/goals…`), mirrors of the server's zod schemas. */
import type { PriorIndicator, TargetAdjustment } from '@jixiao/core';
import type { Counts } from '../api/types.js';

export interface GoalSummary {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  level: string;
  title: string;
  status: string;
  statusLabel: string;
  version: number;
  counts: Counts;
  updatedAt: string;
}

export interface GoalQuery {
  year?: number | undefined;
  org?: string | undefined;
  level?: 'project' | 'department' | undefined;
  status?: string | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export type DerivedStage = 'monitoring' | 'self-evaluation';

/** A document created from a goal document, as `GET /api/goals/{id}/derived` lists it. */
export interface DerivedItem {
  id: string;
  stage: DerivedStage;
  title: string;
  status: string;
  statusLabel: string;
  version: number;
  /** The goal document's version it was created from. */
  baselineVersion?: number | undefined;
  createdAt: string;
}

/** A derived document on the goal pages: `at` is when it was created. */
export interface Derived {
  id: string;
  stage: DerivedStage;
  title?: string | undefined;
  status?: string | undefined;
  statusLabel?: string | undefined;
  version?: number | undefined;
  at?: string | undefined;
  baselineVersion?: number | undefined;
}

export interface AdjustmentView {
  indicatorId: string;
  project?: string | undefined;
  field: 'target' | 'weight';
  path: string;
  location: string;
  original?: string | undefined;
  adjusted?: string | undefined;
  pending?: string | undefined;
  history: TargetAdjustment[];
}

export interface Adjustments {
  items: TargetAdjustment[];
  views: AdjustmentView[];
  issues: Array<{ code: string; adjustmentId: string; message: string }>;
  version: number;
}

export interface QualityFinding {
  code: string;
  family: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  path: string;
  location?: string | undefined;
  figures?: Record<string, string> | undefined;
  suggestion?: string | undefined;
}

export interface GoalQuality {
  findings: QualityFinding[];
  counts: Counts;
  ruleSet: string;
}

/** One indicator of the prior record (core's `PriorIndicator`, as the API returns it). */
export type PriorIndicatorView = PriorIndicator;

export interface PriorRecordView {
  project?: { name: string; organisation: string; year: number };
  lastYear?: number | undefined;
  evaluation?: { id?: string | undefined; year: number; total: string; grade: string; ruleSet: string; executionRate?: string | undefined; printedTotal?: string | undefined; findings?: Counts | undefined; treatment?: { label?: string; reasons?: Array<{ message: string }> } & Record<string, unknown> } | undefined;
  monitoring?: { asOf?: string | undefined; light: 'green' | 'yellow' | 'red'; reasons: Array<{ code: string; message: string }>; ratePercent?: string | undefined } | undefined;
  money?: { unit: string; requested?: string | undefined; lastBudget?: string | undefined; lastExecuted?: string | undefined; changePercent?: string | undefined };
  indicators?: PriorIndicatorView[];
  dropped?: PriorIndicatorView[];
  facts?: string[];
}

export interface PriorRecordAnswer {
  lastYearEvaluationId: string | null;
  /** Last year's monitoring document of the same project, whose latest assessment is `record.monitoring`. */
  lastYearMonitoringId?: string | null | undefined;
  record: PriorRecordView;
}
