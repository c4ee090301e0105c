-- Shopping carts: one per visit, keyed by a UUID the client keeps.

CREATE TABLE cart (
  id             uuid PRIMARY KEY,
  customer_email text NOT NULL,
  created_at     timestamptz NOT NULL,
  updated_at     timestamptz NOT NULL,
  checked_out    boolean NOT NULL DEFAULT false
);

CREATE INDEX cart_customer_idx ON cart (customer_email) WHERE NOT checked_out;

CREATE TABLE cart_item (
  cart_id    uuid NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES product (id),
  quantity   integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
  added_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, product_id)
);
