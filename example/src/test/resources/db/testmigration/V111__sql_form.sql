-- Test-only: rows for the SQL forms JDBI and pgjdbc would misread (SqlFormRepositoryTest).
-- Seeded here and never written, so no test needs to empty the table.
CREATE TABLE sql_form (
  id       bigint PRIMARY KEY,
  metadata jsonb  NOT NULL,
  tags     text[] NOT NULL,
  "a:b"    int    NOT NULL
);

INSERT INTO sql_form (id, metadata, tags, "a:b") VALUES
  (1, '{"awards": 2, "year": 1999}', '{drama,classic,long}', 10),
  (2, '{"year": 2005}',              '{comedy}',             20),
  (3, '{"awards": 0, "sequel": true}', '{action,sequel}',    30);
