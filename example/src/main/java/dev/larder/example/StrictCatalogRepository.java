package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.OrderBy;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import java.util.List;
import java.util.Optional;

/**
 * The service's {@link Catalog} in strict mode: every in-process hit also checks the tag
 * generations in Redis, so no process serves what a write anywhere has replaced. The same SQL,
 * keys and tags as {@link CatalogRepository}.
 */
@CachedRepository(ttl = "PT10M", consistency = CachedRepository.Consistency.STRICT)
public interface StrictCatalogRepository extends Catalog {

  @Override
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product WHERE id = :id")
  @CacheKey(value = "product:{id}", tags = "product:{id}")
  Optional<Product> product(long id);

  @Override
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category")
  @OrderBy(value = {"price_cents", "id"}, unique = "id")
  @CacheKey(value = "category-page:{category}", tags = "category:{category}")
  CursorPage<Product> categoryPage(String category, Cursor after, int limit);

  @Override
  @Query("SELECT id, sku, name, category FROM product WHERE search @@ plainto_tsquery('simple', :words)"
      + " ORDER BY id LIMIT :limit")
  @CacheKey(value = "search:{words}:{limit}", tags = "product-names")
  List<ProductHit> search(String words, int limit);

  @Override
  @Update("UPDATE product SET price_cents = :priceCents, version = version + 1"
      + " WHERE id = :id AND category = :category RETURNING version")
  @InvalidatesTags({"product:{id}", "category:{category}", "products"})
  Optional<Long> changePrice(long id, String category, long priceCents);
}
