-- Only for the tests: the column types added after V100, one column each, on type_probe.
ALTER TABLE type_probe ADD COLUMN tiny_count smallint;
ALTER TABLE type_probe ADD COLUMN weight real;
ALTER TABLE type_probe ADD COLUMN opens_at time, ADD COLUMN opens_at_zoned timetz;
ALTER TABLE type_probe ADD COLUMN features text[], ADD COLUMN scores int4[], ADD COLUMN big_scores int8[],
  ADD COLUMN related_tokens uuid[];
ALTER TABLE type_probe ADD COLUMN doc jsonb, ADD COLUMN raw_doc json;
-- In public, not in this JVM's schema: an extension is one per database, and runs sharing a
-- server each have a schema of their own.
CREATE EXTENSION IF NOT EXISTS citext SCHEMA public;
ALTER TABLE type_probe ADD COLUMN nick public.citext, ADD COLUMN search tsvector;
ALTER TABLE type_probe ADD COLUMN payload bytea;
