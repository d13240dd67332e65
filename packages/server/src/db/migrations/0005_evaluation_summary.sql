-- 0005_evaluation_summary: summary columns kept on every save, so analytics and lists read no json.
--
-- * `total` and `grade` are NULL for a document the scoring engine says is not scorable (不可评分): there
--   is no table to score, and a 0 / 差 would be a grade nobody gave.
-- * `scorable`, `execution_rate` (全年执行数 ÷ 全年预算数 as a fraction, 4 places), `self_score` (the total
--   the unit printed), `review_total` (the total with each re-scored leaf's 复核分 in place of its score,
--   NULL until someone re-scores), `sector` and `project_name` (from the header) are written by the same
--   statement that writes the document.
-- * `department_id` (主管部门: the organisation at the second level of the path) follows `org_path`.
-- * `evaluation_finding_counts`: per evaluation and audit family, how many findings of each severity,
--   rewritten with the indicator rows on every save; analytics groups by it.
-- Existing rows are backfilled from their stored json here, once.

ALTER TABLE evaluations ALTER COLUMN total DROP NOT NULL;
ALTER TABLE evaluations ALTER COLUMN grade DROP NOT NULL;
ALTER TABLE evaluation_versions ALTER COLUMN total DROP NOT NULL;
ALTER TABLE evaluation_versions ALTER COLUMN grade DROP NOT NULL;

ALTER TABLE evaluations
  ADD COLUMN scorable boolean NOT NULL DEFAULT true,
  ADD COLUMN execution_rate numeric,
  ADD COLUMN self_score numeric,
  ADD COLUMN review_total numeric,
  ADD COLUMN sector text,
  ADD COLUMN project_name text,
  ADD COLUMN department_id uuid GENERATED ALWAYS AS (CAST(NULLIF(split_part(org_path, '/', 3), '') AS uuid)) STORED;

CREATE TABLE evaluation_finding_counts (
  region text NOT NULL,
  evaluation_id uuid NOT NULL,
  family text NOT NULL,
  errors integer NOT NULL DEFAULT 0 CHECK (errors >= 0),
  warnings integer NOT NULL DEFAULT 0 CHECK (warnings >= 0),
  infos integer NOT NULL DEFAULT 0 CHECK (infos >= 0),
  PRIMARY KEY (region, evaluation_id, family),
  FOREIGN KEY (region, evaluation_id) REFERENCES evaluations (region, id) ON DELETE CASCADE,
  CHECK (errors + warnings + infos > 0)
);
CREATE INDEX evaluation_finding_counts_family ON evaluation_finding_counts (region, family, evaluation_id);

-- Backfill from the stored json.
UPDATE evaluations e SET
  scorable = coalesce((e.score ->> 'scorable')::boolean, true),
  execution_rate = CASE WHEN rtrim(e.score -> 'execution' ->> 'rate', '%') ~ '^-?[0-9]+(\.[0-9]+)?$'
    THEN round(rtrim(e.score -> 'execution' ->> 'rate', '%')::numeric / 100, 4) END,
  self_score = CASE WHEN coalesce(e.document -> 'meta' ->> 'printedTotal', e.document -> 'meta' ->> 'statedSelfScore') ~ '^-?[0-9]+(\.[0-9]+)?$'
    THEN coalesce(e.document -> 'meta' ->> 'printedTotal', e.document -> 'meta' ->> 'statedSelfScore')::numeric END,
  sector = e.document -> 'header' ->> 'sector',
  project_name = e.document -> 'header' ->> 'projectName';

UPDATE evaluations SET total = NULL, grade = NULL WHERE NOT scorable;

UPDATE evaluations e SET review_total = e.total + r.delta
FROM (SELECT i.region, i.evaluation_id, sum(i.review_score - coalesce(i.effective_score, 0)) AS delta
      FROM indicators i WHERE i.leaf AND i.review_score IS NOT NULL
      GROUP BY i.region, i.evaluation_id) r
WHERE r.region = e.region AND r.evaluation_id = e.id AND e.total IS NOT NULL;

-- A finding's family is the prefix of its code (ARITH-…, WEIGHT-…, …), as in the audit catalogue.
INSERT INTO evaluation_finding_counts (region, evaluation_id, family, errors, warnings, infos)
SELECT e.region, e.id,
       CASE split_part(x ->> 'code', '-', 1)
         WHEN 'ARITH' THEN 'arithmetic' WHEN 'WEIGHT' THEN 'weights' WHEN 'SCORE' THEN 'scoring'
         WHEN 'SMART' THEN 'quality' WHEN 'PROSE' THEN 'prose' WHEN 'HIST' THEN 'history' WHEN 'GOAL' THEN 'goals'
         ELSE 'other' END AS family,
       count(*) FILTER (WHERE x ->> 'severity' = 'error'),
       count(*) FILTER (WHERE x ->> 'severity' = 'warning'),
       count(*) FILTER (WHERE x ->> 'severity' = 'info')
FROM evaluations e CROSS JOIN LATERAL json_array_elements(e.findings) x
WHERE x ->> 'severity' IN ('error', 'warning', 'info')
GROUP BY 1, 2, 3;

-- Lists sorted by total, within a region.
CREATE INDEX evaluations_total ON evaluations (region, total, id) WHERE deleted_at IS NULL;
-- Analytics and stats read a year's rows from this index alone (an index-only scan): every column they
-- filter or group on is in it, none of the large json.
CREATE INDEX evaluations_summary ON evaluations (region, year)
  INCLUDE (id, stage, level, status, org_id, org_path, sector, grade, scorable, total, execution_rate, self_score, review_total, errors, warnings, infos)
  WHERE deleted_at IS NULL;

-- New evaluations are announced too (0002 announces updates and deletes): a replica's cached analytics
-- overview covers every evaluation of its scope, so an insert invalidates it like a change does.
CREATE FUNCTION notify_evaluation_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jixiao_evaluations', NEW.region || ':' || NEW.id::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER evaluations_notify_insert
  AFTER INSERT ON evaluations
  FOR EACH ROW EXECUTE FUNCTION notify_evaluation_insert();
