-- 0006_results: results into the next budget (结果应用). Rectification tasks (整改) opened from an
-- evaluation's findings or a reviewer's own items, owned by a unit (and optionally one of its users),
-- with a deadline, status, evidence and history (the core's RectificationTask in `data`); the reminders
-- the daily job has sent (one row per reminder and recipient, so a second run sends nothing twice); and
-- an optional e-mail address per user for those reminders.

CREATE TABLE rectification_tasks (
  region text NOT NULL,
  id uuid NOT NULL,
  -- The core's deterministic task id (evaluation:code:path): one task per finding.
  task_key text NOT NULL,
  evaluation_id uuid NOT NULL,
  finding_code text NOT NULL,
  owner_org_id uuid NOT NULL,
  owner_user_id uuid,
  deadline text NOT NULL CHECK (deadline ~ '^\d{4}-\d{2}-\d{2}$'),
  status text NOT NULL CHECK (status IN ('open', 'in-progress', 'closed')),
  data json NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  UNIQUE (region, task_key),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, owner_org_id) REFERENCES orgs (region, id),
  FOREIGN KEY (region, owner_user_id) REFERENCES users (region, id),
  FOREIGN KEY (region, created_by) REFERENCES users (region, id)
);
CREATE INDEX rectification_tasks_evaluation ON rectification_tasks (region, evaluation_id);
CREATE INDEX rectification_tasks_owner ON rectification_tasks (region, owner_org_id, status);

-- Reminders sent by the daily job: `key` names the reminder (kind, subject and its due date) and the
-- recipient; inserting it first (ON CONFLICT DO NOTHING) is what makes the job idempotent.
CREATE TABLE sent_reminders (
  region text NOT NULL,
  key text NOT NULL,
  user_id uuid NOT NULL,
  kind text NOT NULL,
  subject_type text NOT NULL CHECK (subject_type IN ('monitoring-case', 'rectification-task')),
  subject_id uuid NOT NULL,
  day text NOT NULL,
  message text NOT NULL,
  link text NOT NULL,
  email text,
  mailed_at timestamptz,
  mail_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, key),
  FOREIGN KEY (region, user_id) REFERENCES users (region, id)
);
CREATE INDEX sent_reminders_user ON sent_reminders (region, user_id, created_at);

ALTER TABLE users ADD COLUMN email text CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));
