/** @module The analytics overview as the API answers it (`GET /api/analytics/overview`); decimals are strings. */

/** Query parameters of `GET /api/evaluations` that list the evaluations behind a figure. */
export type ListFilter = Record<string, string>;

export interface Counts {
  error: number;
  warning: number;
  info: number;
  total: number;
}

export interface Overview {
  evaluations: number;
  scorable: number;
  filter: ListFilter;
  gradeDistribution: {
    title: string;
    xLabel: string;
    yLabel: string;
    by: 'year' | 'all';
    grades: string[];
    groups: Array<{ key: string; total: number; bars: Array<{ grade: string; count: number; share: string; filter: ListFilter }>; notScorable: { count: number; filter: ListFilter } }>;
    notScorable: { label: string; count: number; filter: ListFilter };
  };
  scoreVsExecution: {
    title: string;
    xLabel: string;
    yLabel: string;
    xBands: Array<{ band: number; label: string }>;
    yBands: Array<{ band: number; label: string }>;
    cells: Array<{ x: number; y: number; count: number; filter: ListFilter }>;
    bands: Array<{ band: number; label: string; count: number; meanTotal: string; filter: ListFilter }>;
    points: number;
    trend?: { slope: string; intercept: string };
    skipped: { count: number; label: string };
  };
  selfVsReview: {
    title: string;
    xLabel: string;
    yLabel: string;
    gapLabel: string;
    groups: Array<{ key: string; orgId: string; count: number; meanSelf: string; meanReview: string; meanGap: string; maxGap: string; filter: ListFilter }>;
    reviewed: { count: number; filter: ListFilter };
    unreviewed: { count: number; filter: ListFilter };
  };
  findingsByFamily: {
    title: string;
    xLabel: string;
    yLabel: string;
    families: Array<{ family: string; label: string; counts: Counts; evaluations: number; filter: ListFilter; bySeverity: Partial<Record<'error' | 'warning' | 'info', { evaluations: number; filter: ListFilter }>> }>;
  };
  findingsByUnit: {
    title: string;
    xLabel: string;
    yLabel: string;
    units: Array<{ key: string; orgId: string; evaluations: number; withFindings: number; counts: Counts; byFamily: Record<string, number>; perEvaluation: string; filter: ListFilter }>;
  };
  yearOnYear: {
    title: string;
    xLabel: string;
    yLabel: string;
    units: Array<{ key: string; orgId: string; years: Array<{ year: number; count: number; mean: string; filter: ListFilter }>; changes: Array<{ from: number; to: number; change: string; changePercent?: string }> }>;
  };
  executionCurve?: {
    title: string;
    xLabel: string;
    yLabel: string;
    labels: { actual: string; schedule: string; checkpoint: string };
    year: number;
    points: Array<{ month: number; asOf: string; executed: string; budget: string; ratePercent?: string; schedulePercent: string; checkpointPercent?: string; projects: number; filter: ListFilter }>;
    missingBudget: number;
    filter: ListFilter;
  };
}

export interface OverviewQuery {
  year?: number | undefined;
  department?: string | undefined;
  sector?: string | undefined;
  level?: 'project' | 'department' | undefined;
}
