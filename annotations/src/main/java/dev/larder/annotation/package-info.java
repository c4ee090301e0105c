/**
 * The annotations a user puts on a repository interface. The Larder annotation processor reads
 * them at compile time and writes the implementation; they carry no logic and are not read at run
 * time.
 *
 * <pre>{@code
 * @CachedRepository(ttl = "PT10M")
 * public interface ProductRepository {
 *   @Query("SELECT id, sku, name, price_cents FROM product WHERE id = :id")
 *   @CacheKey(value = "product:{id}", tags = "product:{id}")
 *   Optional<Product> findById(long id);
 *
 *   @Update("UPDATE product SET price_cents = :priceCents WHERE id = :id")
 *   @InvalidatesTags("product:{id}")
 *   int updatePrice(long id, long priceCents);
 * }
 * }</pre>
 */
package dev.larder.annotation;
