/** @module Table types for Kysely, one interface per table of `migrations/`. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type NullableNumeric = ColumnType<string | null, string | null | undefined, string | null>;
/** `json` columns are read parsed and written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface RegionsTable {
  region: string;
  name: string;
  created_at: Timestamp;
}

export type OrgKind = 'bureau' | 'department' | 'unit';

export interface OrgsTable {
  region: string;
  id: string;
  parent_id: string | null;
  kind: OrgKind;
  name: string;
  code: string | null;
  path: string;
  created_at: Timestamp;
}

export type Role = 'preparer' | 'unit-head' | 'reviewer' | 'finance' | 'admin';

export interface UsersTable {
  region: string;
  id: string;
  username: string;
  display_name: string;
  role: Role;
  org_id: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** For reminders by e-mail (0006); optional. */
  email: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SessionsTable {
  region: string;
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export type BatchStatus = 'queued' | 'running' | 'completed' | 'failed';

export interface ImportBatchesTable {
  region: string;
  id: string;
  org_id: string;
  status: BatchStatus;
  total: number;
  done: Generated<number>;
  failed: Generated<number>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Date | null;
}

export type ItemStatus = 'pending' | 'done' | 'failed';

export interface ImportItemsTable {
  region: string;
  batch_id: string;
  seq: number;
  file_name: string;
  size: number;
  content: Uint8Array | null;
  status: Generated<ItemStatus>;
  attempts: Generated<number>;
  evaluation_ids: ColumnType<string[], string | undefined, string>;
  error: ColumnType<{ code: string; message: string; where?: string } | null, string | null | undefined, string | null>;
  updated_at: Timestamp;
}

export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'rechecked' | 'published';

export interface EvaluationsTable {
  region: string;
  id: string;
  org_id: string;
  org_path: string;
  year: number;
  level: 'project' | 'department';
  stage: string;
  title: string;
  status: Generated<EvaluationStatus>;
  version: Generated<number>;
  rule_set: string;
  /** NULL when the document is not scorable (0005). */
  total: NullableNumeric;
  grade: string | null;
  errors: Generated<number>;
  warnings: Generated<number>;
  infos: Generated<number>;
  document: Json<unknown>;
  score: Json<unknown>;
  findings: Json<unknown>;
  /** Summary columns kept on every save (0005). */
  scorable: Generated<boolean>;
  execution_rate: ColumnType<string | null, string | null | undefined, string | null>;
  self_score: ColumnType<string | null, string | null | undefined, string | null>;
  review_total: ColumnType<string | null, string | null | undefined, string | null>;
  sector: ColumnType<string | null, string | null | undefined, string | null>;
  project_name: ColumnType<string | null, string | null | undefined, string | null>;
  department_id: ColumnType<string | null, never, never>;
  import_batch_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_by: string;
  updated_at: Timestamp;
  published_at: Date | null;
  deleted_at: Date | null;
}

export interface IndicatorsTable {
  region: string;
  evaluation_id: string;
  seq: number;
  indicator_id: string;
  path: string;
  parent_seq: number | null;
  project_id: string | null;
  depth: number;
  leaf: boolean;
  name: string;
  category: string | null;
  weight: NullableNumeric;
  target: string | null;
  actual: string | null;
  unit: string | null;
  printed_score: NullableNumeric;
  computed_score: NullableNumeric;
  effective_score: NullableNumeric;
  review_score: NullableNumeric;
  status: string | null;
}

export interface EvaluationVersionsTable {
  region: string;
  evaluation_id: string;
  version: number;
  status: string;
  document: Json<unknown>;
  total: NullableNumeric;
  grade: string | null;
  saved_by: string;
  saved_at: Timestamp;
}

export interface WorkflowTransitionsTable {
  region: string;
  id: string;
  evaluation_id: string;
  action: string;
  from_status: string;
  to_status: string;
  actor_id: string;
  actor_role: string;
  reason: string | null;
  version: number;
  at: Timestamp;
}

export interface CommentsTable {
  region: string;
  id: string;
  evaluation_id: string;
  indicator_id: string | null;
  body: string;
  author_id: string;
  created_at: Timestamp;
}

export interface EvidenceFilesTable {
  region: string;
  id: string;
  evaluation_id: string;
  indicator_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface AuditEventsTable {
  region: string;
  id: string;
  at: Timestamp;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  evaluation_id: string | null;
  diff: Json<unknown>;
  request_id: string | null;
}

export interface LibraryCurationTable {
  region: string;
  seq: number;
  kind: 'merge' | 'recommend' | 'retire' | 'restore' | 'rename';
  action: Json<unknown>;
  actor_id: string;
  at: Timestamp;
}

export interface MonitoringSnapshotsTable {
  region: string;
  evaluation_id: string;
  period: string;
  as_of: string;
  snapshot: Json<unknown>;
  reported_by: string;
  reported_at: Timestamp;
}

export interface MonitoringCasesTable {
  region: string;
  id: string;
  evaluation_id: string;
  period: string;
  issued_at: string;
  due: string;
  status: 'awaiting-unit' | 'awaiting-review' | 'closed';
  data: Json<unknown>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RectificationTasksTable {
  region: string;
  id: string;
  task_key: string;
  evaluation_id: string;
  finding_code: string;
  owner_org_id: string;
  owner_user_id: string | null;
  deadline: string;
  status: 'open' | 'in-progress' | 'closed';
  data: Json<unknown>;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SentRemindersTable {
  region: string;
  key: string;
  user_id: string;
  kind: string;
  subject_type: 'monitoring-case' | 'rectification-task';
  subject_id: string;
  day: string;
  message: string;
  link: string;
  email: string | null;
  mailed_at: Date | null;
  mail_error: string | null;
  created_at: Timestamp;
}

/** Findings of an evaluation per audit family, by severity (0005). */
export interface EvaluationFindingCountsTable {
  region: string;
  evaluation_id: string;
  family: string;
  errors: number;
  warnings: number;
  infos: number;
}

export interface DB {
  evaluation_finding_counts: EvaluationFindingCountsTable;
  regions: RegionsTable;
  orgs: OrgsTable;
  users: UsersTable;
  sessions: SessionsTable;
  import_batches: ImportBatchesTable;
  import_items: ImportItemsTable;
  evaluations: EvaluationsTable;
  indicators: IndicatorsTable;
  evaluation_versions: EvaluationVersionsTable;
  workflow_transitions: WorkflowTransitionsTable;
  comments: CommentsTable;
  evidence_files: EvidenceFilesTable;
  audit_events: AuditEventsTable;
  library_curation: LibraryCurationTable;
  monitoring_snapshots: MonitoringSnapshotsTable;
  monitoring_cases: MonitoringCasesTable;
  rectification_tasks: RectificationTasksTable;
  sent_reminders: SentRemindersTable;
}

export type OrgRow = Selectable<OrgsTable>;
export type UserRow = Selectable<UsersTable>;
export type EvaluationRow = Selectable<EvaluationsTable>;
export type NewIndicator = Insertable<IndicatorsTable>;
