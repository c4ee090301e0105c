-- Orders placed from carts, with their lines.

CREATE TABLE customer_order (
  id             bigserial PRIMARY KEY,
  order_number   uuid NOT NULL UNIQUE,
  customer_email text NOT NULL,
  status         text NOT NULL CHECK (status IN ('PLACED', 'PAID', 'SHIPPED', 'CANCELLED')),
  total          numeric(12, 2) NOT NULL CHECK (total >= 0),
  placed_on      date NOT NULL,
  placed_at      timestamptz NOT NULL,
  shipped_at     timestamptz,
  note           text
);

CREATE INDEX customer_order_customer_idx ON customer_order (customer_email, placed_on);

CREATE TABLE order_line (
  order_id   bigint NOT NULL REFERENCES customer_order (id) ON DELETE CASCADE,
  line_no    integer NOT NULL CHECK (line_no > 0),
  product_id bigint NOT NULL REFERENCES product (id),
  quantity   integer NOT NULL CHECK (quantity > 0),
  unit_price numeric(12, 2) NOT NULL CHECK (unit_price >= 0),
  PRIMARY KEY (order_id, line_no)
);
