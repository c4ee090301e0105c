-- Only for the tests: one column of every type the generated repositories read and bind.
CREATE TABLE type_probe (
  id          bigserial PRIMARY KEY,
  big_count   bigint,
  small_count integer,
  flag        boolean,
  ratio       double precision,
  label       text,
  amount      numeric(14, 4),
  token       uuid,
  happened_at timestamptz,
  local_stamp timestamp,
  day         date,
  offset_at   timestamptz,
  status      text
);
