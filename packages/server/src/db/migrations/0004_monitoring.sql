-- 0004_monitoring: in-year monitoring (绩效运行监控). Snapshots a unit reports for a monitoring-stage
-- document (one per period: a later report of the same period replaces it, the audit trail keeps both),
-- and the warning cases opened when the assessment first asks the unit to answer (due date fixed then).

CREATE TABLE monitoring_snapshots (
  region text NOT NULL,
  evaluation_id uuid NOT NULL,
  period text NOT NULL CHECK (period ~ '^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$'),
  as_of text NOT NULL,
  snapshot json NOT NULL,
  reported_by uuid NOT NULL,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, evaluation_id, period),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  FOREIGN KEY (region, reported_by) REFERENCES users (region, id)
);

CREATE TABLE monitoring_cases (
  region text NOT NULL,
  id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  period text NOT NULL,
  issued_at text NOT NULL,
  due text NOT NULL,
  status text NOT NULL CHECK (status IN ('awaiting-unit', 'awaiting-review', 'closed')),
  data json NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, id),
  UNIQUE (region, evaluation_id, period),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE
);
