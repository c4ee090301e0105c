CREATE TABLE listing (
  id bigint PRIMARY KEY,
  category text NOT NULL,
  name text NOT NULL,
  price_cents bigint NOT NULL)
