-- 0001_init: organisations, people, sessions, evaluations with their indicators, versions, workflow,
-- comments, evidence, the audit trail and bulk imports.
--
-- Rules every table here follows (a schema test checks them against the live catalogue):
-- * `region` (the tenant: one finance bureau's jurisdiction) is the first column of every primary key
--   and of every foreign key, so each table can be distributed by region on Citus with
--   `create_distributed_table('<table>', 'region')` and `regions` made a reference table, with no
--   schema change. See docs/deployment.md.
-- * Money and scores are NUMERIC, never floating point.
-- * The SQL runs unchanged on PostgreSQL 15 and on PGlite (PostgreSQL 18).

CREATE TABLE regions (
  region text PRIMARY KEY CHECK (region ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The organisation tree: finance bureau → departments (主管部门) → units (单位).
-- `path` is the chain of ids from the bureau down, '/<bureau>/<department>/<unit>/', so a subtree is a
-- prefix match.
CREATE TABLE orgs (
  region text NOT NULL REFERENCES regions (region),
  id uuid NOT NULL,
  parent_id uuid,
  kind text NOT NULL CHECK (kind IN ('bureau', 'department', 'unit')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  code text,
  path text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, parent_id) REFERENCES orgs (region, id),
  CHECK ((kind = 'bureau') = (parent_id IS NULL))
);
CREATE INDEX orgs_path ON orgs (region, path text_pattern_ops);

CREATE TABLE users (
  region text NOT NULL REFERENCES regions (region),
  id uuid NOT NULL,
  username text NOT NULL CHECK (username ~ '^[A-Za-z0-9_.@-]{1,64}$'),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('preparer', 'unit-head', 'reviewer', 'finance', 'admin')),
  org_id uuid NOT NULL,
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  UNIQUE (region, username),
  FOREIGN KEY (region, org_id) REFERENCES orgs (region, id)
);
-- Login looks a user up by name across regions; names are kept unique across regions by the server.
CREATE INDEX users_username ON users (username);

-- Sessions: `id` is the SHA-256 of the cookie's secret, never the secret itself.
CREATE TABLE sessions (
  region text NOT NULL,
  id text NOT NULL,
  user_id uuid NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, user_id) REFERENCES users (region, id)
);
CREATE INDEX sessions_user ON sessions (region, user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Bulk imports: a batch of files, one row per file; each file is imported by one job of the queue.
CREATE TABLE import_batches (
  region text NOT NULL,
  id uuid NOT NULL,
  org_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  total integer NOT NULL CHECK (total >= 0),
  done integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, org_id) REFERENCES orgs (region, id),
  FOREIGN KEY (region, created_by) REFERENCES users (region, id)
);
CREATE INDEX import_batches_creator ON import_batches (region, created_by, created_at);

-- Evaluations: the validated document plus the columns needed to query it.
-- `document`, `score` and `findings` are `json`, not `jsonb`: they are written whole and read whole,
-- never queried inside (the columns and the indicators table are), and `json` keeps the document's
-- key order as the user wrote it.
CREATE TABLE evaluations (
  region text NOT NULL,
  id uuid NOT NULL,
  org_id uuid NOT NULL,
  org_path text NOT NULL,
  year integer NOT NULL,
  level text NOT NULL CHECK (level IN ('project', 'department')),
  stage text NOT NULL,
  title text NOT NULL,
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'rechecked', 'published')),
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  rule_set text NOT NULL,
  total numeric NOT NULL,
  grade text NOT NULL,
  errors integer NOT NULL DEFAULT 0,
  warnings integer NOT NULL DEFAULT 0,
  infos integer NOT NULL DEFAULT 0,
  document json NOT NULL,
  score json NOT NULL,
  findings json NOT NULL,
  import_batch_id uuid,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  deleted_at timestamptz,
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, org_id) REFERENCES orgs (region, id),
  FOREIGN KEY (region, created_by) REFERENCES users (region, id),
  FOREIGN KEY (region, updated_by) REFERENCES users (region, id),
  FOREIGN KEY (region, import_batch_id) REFERENCES import_batches (region, id)
);
CREATE INDEX evaluations_scope ON evaluations (region, org_path text_pattern_ops) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_year ON evaluations (region, year, status) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_updated ON evaluations (region, updated_at DESC, id) WHERE deleted_at IS NULL;
CREATE INDEX evaluations_published ON evaluations (published_at DESC, id) WHERE status = 'published' AND deleted_at IS NULL;

-- Indicators as rows, rewritten on every save: the indicator library and analytics read these.
CREATE TABLE indicators (
  region text NOT NULL,
  evaluation_id uuid NOT NULL,
  seq integer NOT NULL,
  indicator_id text NOT NULL,
  path text NOT NULL,
  parent_seq integer,
  project_id text,
  depth integer NOT NULL,
  leaf boolean NOT NULL,
  name text NOT NULL,
  category text,
  weight numeric,
  target text,
  actual text,
  unit text,
  printed_score numeric,
  computed_score numeric,
  effective_score numeric,
  review_score numeric,
  status text,
  PRIMARY KEY (region, evaluation_id, seq),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE
);
CREATE INDEX indicators_name ON indicators (region, name);

-- Every saved version of a document, for the history and for restoring.
CREATE TABLE evaluation_versions (
  region text NOT NULL,
  evaluation_id uuid NOT NULL,
  version integer NOT NULL,
  status text NOT NULL,
  document json NOT NULL,
  total numeric NOT NULL,
  grade text NOT NULL,
  saved_by uuid NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, evaluation_id, version),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, saved_by) REFERENCES users (region, id)
);

CREATE TABLE workflow_transitions (
  region text NOT NULL,
  id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  actor_id uuid NOT NULL,
  actor_role text NOT NULL,
  reason text,
  version integer NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, actor_id) REFERENCES users (region, id)
);
CREATE INDEX workflow_transitions_evaluation ON workflow_transitions (region, evaluation_id, at);

-- Comments on a document or on one of its indicators.
CREATE TABLE comments (
  region text NOT NULL,
  id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  indicator_id text,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  author_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, author_id) REFERENCES users (region, id)
);
CREATE INDEX comments_evaluation ON comments (region, evaluation_id, created_at);

-- Evidence files (佐证材料), stored in the database so they follow its transactions, backups and replicas.
CREATE TABLE evidence_files (
  region text NOT NULL,
  id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  indicator_id text NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by uuid NOT NULL,
  uploaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, uploaded_by) REFERENCES users (region, id)
);
CREATE INDEX evidence_files_evaluation ON evidence_files (region, evaluation_id);

CREATE TABLE import_items (
  region text NOT NULL,
  batch_id uuid NOT NULL,
  seq integer NOT NULL,
  file_name text NOT NULL,
  size integer NOT NULL,
  content bytea,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  evaluation_ids json NOT NULL DEFAULT '[]',
  error json,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, batch_id, seq),
  FOREIGN KEY (region, batch_id) REFERENCES import_batches (region, id) ON DELETE CASCADE
);

-- The audit trail: one append-only event per change, written in the same transaction as the change.
CREATE TABLE audit_events (
  region text NOT NULL,
  id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text,
  evaluation_id uuid,
  diff json NOT NULL,
  request_id text,
  PRIMARY KEY (region, id),
  FOREIGN KEY (region, actor_id) REFERENCES users (region, id),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id)
);
CREATE INDEX audit_events_evaluation ON audit_events (region, evaluation_id, at) WHERE evaluation_id IS NOT NULL;
CREATE INDEX audit_events_actor ON audit_events (region, actor_id, at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
