-- Only for the tests: a PostgreSQL enum type whose labels are not all Java identifiers, as in the
-- film-rental sample schema.
CREATE TYPE mpaa_rating AS ENUM ('G', 'PG', 'PG-13', 'R', 'NC-17');

CREATE TABLE film (
  id          bigserial PRIMARY KEY,
  title       text NOT NULL,
  rating      mpaa_rating,
  also_rated  mpaa_rating[]
);
