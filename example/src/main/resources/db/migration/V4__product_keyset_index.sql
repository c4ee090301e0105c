-- Serves ProductRepository.byPriceDescending: keyset paging in (price_cents DESC, id) order
-- within a category seeks straight to the cursor's position instead of skipping rows.
CREATE INDEX product_category_price_desc_idx ON product (category, price_cents DESC, id);

-- Serves ProductRepository.newestInCategory, (created_at DESC, id DESC): a backward scan of it.
CREATE INDEX product_category_created_idx ON product (category, created_at, id);
