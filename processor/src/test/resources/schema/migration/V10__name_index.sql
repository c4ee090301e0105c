-- Needs V2's rename: applied after it only in version order (by name, V10 sorts before V2).
CREATE INDEX product_name ON product (lower(name));
