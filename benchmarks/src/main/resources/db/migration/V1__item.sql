-- The tables of the benchmark repositories: the schema their SQL is checked against at compile
-- time (-Alarder.migrations), and what each benchmark creates in its fork's schema.
CREATE TABLE item (
  id bigint PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  category text NOT NULL,
  price_cents bigint NOT NULL)
