-- Only for the tests: arrays of smallint, real, enum names (text) and a PostgreSQL enum type.
ALTER TABLE type_probe ADD COLUMN small_scores int2[], ADD COLUMN weights float4[],
  ADD COLUMN status_names text[], ADD COLUMN ratings mpaa_rating[];
