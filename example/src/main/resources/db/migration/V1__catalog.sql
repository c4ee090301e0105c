-- The catalog: categories and the products in them.

CREATE TABLE category (
  slug       text PRIMARY KEY,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE product (
  id          bigserial PRIMARY KEY,
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  category    text NOT NULL REFERENCES category (slug),
  price_cents bigint NOT NULL CHECK (price_cents >= 0),
  created_at  timestamptz NOT NULL DEFAULT now(),
  -- Text rather than a PostgreSQL enum: Java enums bind by name as text.
  status      text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('DRAFT', 'ACTIVE', 'DISCONTINUED'))
);

-- Serves the listing of a category in price order (and keyset paging over it later).
CREATE INDEX product_category_price_idx ON product (category, price_cents, id);
