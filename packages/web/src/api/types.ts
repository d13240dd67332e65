/**
 * @module Shapes of the HTTP API as the server declares them (`/api/openapi.json`). Hand-written
 * mirrors of the server's zod schemas; the document itself is the core's `EvaluationDocument`.
 */
import type { EvaluationDocument, FindingJson, ScoreReportJson, WorkflowAction, WorkflowState } from '@jixiao/core';

export type Role = 'preparer' | 'unit-head' | 'reviewer' | 'finance' | 'admin';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgId: string;
  orgName?: string | undefined;
  region: string;
  disabled: boolean;
  /** For reminders by e-mail (sent when the server has SMTP configured). */
  email: string | null;
  mustChangePassword: boolean;
  locked: boolean;
  lockedUntil: string | null;
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export type EvaluationLevel = 'project' | 'department';

export interface EvaluationSummary {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  level: EvaluationLevel | string;
  title: string;
  status: WorkflowState;
  statusLabel: string;
  version: number;
  /** Null when the document is not scorable (不可评分). */
  total: string | null;
  grade: string | null;
  scorable?: boolean;
  counts: Counts;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EvaluationPermissions {
  update: boolean;
  delete: boolean;
  rescore: boolean;
  comment: boolean;
  uploadEvidence: boolean;
}

export interface Evaluation {
  id: string;
  orgId: string;
  orgName: string;
  year: number;
  level: EvaluationLevel;
  stage: string;
  title: string;
  status: WorkflowState;
  statusLabel: string;
  version: number;
  ruleSet: string;
  /** Null when the document is not scorable (不可评分). */
  total: string | null;
  grade: string | null;
  counts: Counts;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: { id: string; name: string };
  publishedAt: string | null;
  importBatchId: string | null;
  permissions: EvaluationPermissions;
  actions: WorkflowAction[];
  document: EvaluationDocument;
  score: ScoreReportJson;
  findings: FindingJson[];
}

/** An evaluation as read, with the ETag to send back as If-Match. */
export interface Versioned<T> {
  data: T;
  etag: string;
}

export interface Comment {
  id: string;
  indicatorId: string | null;
  body: string;
  author: { id: string; name: string; role: string };
  createdAt: string;
}

export interface HistoryItem {
  at: string;
  type: 'version' | 'transition' | 'comment';
  actor: { id: string; name: string; role: string };
  version?: number | undefined;
  action?: string | undefined;
  from?: string | undefined;
  fromLabel?: string | undefined;
  to?: string | undefined;
  toLabel?: string | undefined;
  reason?: string | null | undefined;
  total?: string | undefined;
  grade?: string | undefined;
  indicatorId?: string | null | undefined;
  body?: string | undefined;
}

export interface DiffChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  evaluationId: string | null;
  /** For documents `{ changes: [{ path, before, after }] }`; other events carry their own small objects. */
  diff: unknown;
  requestId: string | null;
}

export interface VersionInfo {
  version: number;
  status: WorkflowState;
  statusLabel: string;
  total: string | null;
  grade: string | null;
  savedBy: { id: string; name: string };
  savedAt: string;
}

export interface Evidence {
  id: string;
  indicatorId: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  uploadedAt: string;
  url: string;
}

export type OrgKind = 'bureau' | 'department' | 'unit';

export interface Org {
  id: string;
  parentId: string | null;
  kind: OrgKind;
  kindLabel: string;
  name: string;
  code: string | null;
}

export interface ImportNote {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
  where: string;
}

export interface ImportReport {
  format: 'xlsx' | 'docx' | 'text' | 'json';
  fileName?: string | undefined;
  recognised: ImportNote[];
  skipped: ImportNote[];
  guessed: ImportNote[];
}

export interface ImportPreview {
  documents: Array<{ document: EvaluationDocument; report: ImportReport; total: string; grade: string }>;
}

export interface PublicSummary {
  id: string;
  region: string;
  regionName: string;
  orgName: string;
  year: number;
  level: EvaluationLevel;
  title: string;
  /** Null when the document is not scorable (不可评分). */
  total: string | null;
  grade: string | null;
  publishedAt: string;
}

export interface PublicEvaluation extends PublicSummary {
  document: EvaluationDocument;
  score: { total: string | null; grade: string | null; ruleSet: string; sections: Array<{ name: string; weight: string | null; score: string | null }> };
}

/** Filters of the evaluation list, as query parameters. */
export interface ListQuery {
  year?: number | undefined;
  org?: string | undefined;
  level?: EvaluationLevel | undefined;
  status?: WorkflowState | undefined;
  grade?: string | undefined;
  hasErrors?: boolean | undefined;
  q?: string | undefined;
  /** Click-through filters (analytics and the home page link to the list with them). */
  stage?: string | undefined;
  sector?: string | undefined;
  family?: string | undefined;
  severity?: 'error' | 'warning' | 'info' | undefined;
  hasFindings?: boolean | undefined;
  execMin?: string | undefined;
  execMax?: string | undefined;
  totalMin?: string | undefined;
  totalMax?: string | undefined;
  reviewed?: boolean | undefined;
  selfScored?: boolean | undefined;
  scorable?: boolean | undefined;
  /** Monitoring documents that had reported by this date (ISO) of its year. */
  reportedBy?: string | undefined;
  /** Sorted by the server over the whole list; the id breaks ties. */
  sort?: 'updated' | 'total' | 'year' | 'title' | 'grade' | undefined;
  order?: 'asc' | 'desc' | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }>; details?: Record<string, unknown> };
}

/** What a 409 version conflict says about the other edit. */
export interface ConflictDetails {
  currentVersion?: number | undefined;
  yourVersion?: number | undefined;
  updatedBy?: { id: string; name: string } | undefined;
  updatedAt?: string | undefined;
}
