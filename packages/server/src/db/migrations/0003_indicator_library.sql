-- 0003_indicator_library: the curation of the indicator library (指标库维护) by the finance office.
--
-- The library itself (entries, spellings, units, target and actual distributions by year) is computed per
-- region in each app replica from the stored documents and kept in memory (see docs/deployment.md,
-- "Indicator library"); what must survive and be shared by every replica is the curation: an ordered,
-- append-only list of actions (merge, recommend, retire, restore, rename) replayed on each build with
-- core's applyCuration. `seq` orders the actions within a region.

CREATE TABLE library_curation (
  region text NOT NULL REFERENCES regions (region),
  seq integer NOT NULL CHECK (seq >= 1),
  kind text NOT NULL CHECK (kind IN ('merge', 'recommend', 'retire', 'restore', 'rename')),
  action json NOT NULL,
  actor_id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region, seq),
  FOREIGN KEY (region, actor_id) REFERENCES users (region, id)
);
