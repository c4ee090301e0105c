package dev.larder.processor;

import javax.tools.JavaFileObject;

/**
 * A representative repository exercising every kind of method the processor generates: a record,
 * {@code Optional} and {@code List} result, a scalar and an enum result, UUID, Instant and
 * BigDecimal parameters, a collection bound as an array, the components of a record parameter, a
 * batch insert with one tag per row (multi-row statements), a batch update (JDBC batches), a void
 * and a long update, an offset-paged and a keyset-paged read, and a default method.
 */
final class ProductRepositorySource {
  private ProductRepositorySource() {}

  static JavaFileObject get() {
    return Sources.source("ProductRepository", """
        import dev.larder.runtime.*;

        @CachedRepository(ttl = "PT10M")
        public interface ProductRepository {
          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE id = :id")
          @CacheKey(value = "product:{id}", tags = "product:{id}")
          Optional<Product> findById(long id);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE sku = :sku")
          @CacheKey(value = "product:sku:{sku}", tags = "products")
          Product getBySku(String sku);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE id = ANY(:ids) ORDER BY id")
          @CacheKey(tags = "products")
          List<Product> findAllById(List<Long> ids);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE category = :filter.category AND price_cents <= :filter.maxPriceCents"
              + " ORDER BY price_cents, id")
          @CacheKey(value = "products:{filter.category}:{filter.maxPriceCents}",
              tags = {"products", "category:{filter.category}"}, ttl = "PT1M")
          List<Product> search(ProductFilter filter);

          @Query("SELECT count(*) FROM product WHERE category = :category")
          @CacheKey(value = "count:{category}", tags = "category:{category}")
          long countInCategory(String category);

          @Query("SELECT status FROM product WHERE id = :id")
          @CacheKey(value = "status:{id}", tags = "product:{id}")
          Optional<Status> statusOf(long id);

          @Query("SELECT sku FROM product WHERE created_at >= :since"
              + " AND price_cents >= :minPrice ORDER BY sku")
          @CacheKey(value = "skus:{since}:{minPrice}", tags = "products")
          List<String> skusSince(Instant since, BigDecimal minPrice);

          @Query("SELECT id FROM product WHERE external_id = :externalId")
          @CacheKey(value = "external:{externalId}", tags = "products")
          Optional<Long> idOf(UUID externalId);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE category = :category ORDER BY name, id")
          @CacheKey(value = "products:page:{category}", tags = {"products", "category:{category}"})
          Page<Product> pageInCategory(String category, PageRequest request);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE category = :category")
          @OrderBy(value = {"price_cents DESC", "id"}, unique = "id")
          @CacheKey(value = "products:by-price:{category}", tags = {"products", "category:{category}"})
          CursorPage<Product> byPrice(String category, Cursor after, int limit);

          @Query("SELECT id, sku, name, category, price_cents, status, created_at FROM product"
              + " WHERE status = :status")
          @OrderBy(value = {"created_at", "id"}, unique = "id")
          @CacheKey(value = "products:by-age:{status}", tags = "products")
          CursorPage<Product> byAge(Status status, Cursor after, int limit);

          @Update("UPDATE product SET price_cents = :priceCents WHERE id = :id")
          @InvalidatesTags({"product:{id}", "products"})
          long updatePrice(long id, long priceCents);

          @Update("UPDATE product SET status = :status WHERE id = :id")
          @InvalidatesTags({"product:{id}", "products"})
          void setStatus(long id, Status status);

          @Update("INSERT INTO product (sku, name, category, price_cents)"
              + " VALUES (:sku, :name, :category, :priceCents)")
          @InvalidatesTags({"products", "category:{rows.category}"})
          int insertAll(List<NewProduct> rows);

          @Update("UPDATE product SET price_cents = :priceCents WHERE sku = :sku")
          @InvalidatesTags("products")
          int repriceAll(Collection<NewProduct> changes);

          default boolean exists(long id) {
            return findById(id).isPresent();
          }
        }
        """);
  }
}
