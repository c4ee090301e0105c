-- The service (issue 14): every product carries a version that each write increments and
-- returns, so that a client (and the load driver's stale-read check) can tell an old copy from a
-- new one; and a full-text search over product names.

ALTER TABLE product
  ADD COLUMN version bigint NOT NULL DEFAULT 1,
  ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', name)) STORED;

CREATE INDEX product_search_idx ON product USING gin (search);
