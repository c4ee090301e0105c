-- Only for the tests: a record stored as JSON through a JsonConverter (JsonProfileRepositoryTest),
-- in a jsonb column and in a json column, which keeps the text as written.
CREATE TABLE json_profile (
  id          bigserial PRIMARY KEY,
  profile     jsonb,
  raw_profile json
);
