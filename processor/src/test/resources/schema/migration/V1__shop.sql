CREATE TYPE product_status AS ENUM ('ACTIVE', 'RETIRED');

CREATE TABLE product (
  id bigserial PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  title text NOT NULL,
  category text NOT NULL,
  price numeric(10, 2) NOT NULL,
  stock int,
  created_at timestamptz NOT NULL DEFAULT now(),
  status product_status NOT NULL DEFAULT 'ACTIVE',
  attributes jsonb NOT NULL DEFAULT '{}',
  tags text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE review (
  id bigserial PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES product (id),
  stars int NOT NULL,
  body text
);
