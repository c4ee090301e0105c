package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.List;
import java.util.Optional;

/**
 * A test-only repository of overloads ({@code title}, {@code rename}) and of parameters named like
 * the variables generated code declares ({@code handle}, {@code larder}, {@code tags}...).
 */
@CachedRepository(ttl = "PT10M")
interface TitleRepository {

  @Query("SELECT name FROM product WHERE id = :id")
  @CacheKey(tags = {"product:{id}", "products"})
  Optional<String> title(long id);

  @Query("SELECT name || ' (' || category || ')' FROM product WHERE id = :id AND category = :category")
  @CacheKey(tags = {"product:{id}", "category:{category}"})
  Optional<String> title(long id, String category);

  @Update("UPDATE product SET name = :name WHERE id = :id")
  @InvalidatesTags("product:{id}")
  int rename(long id, String name);

  @Update("UPDATE product SET name = name || :suffix WHERE category = :category")
  @InvalidatesTags({"category:{category}", "products"})
  int rename(String category, String suffix);

  @Query("SELECT count(*) FROM product WHERE id IN (:handle, :e, :i) OR sku IN (:key, :result)"
      + " OR category = :sql OR price_cents = :larder")
  @CacheKey(tags = "products")
  long countMatching(long handle, String key, String result, String sql, long larder, long e, int i);

  @Query("SELECT name FROM product WHERE id = ANY(:rows) ORDER BY id")
  @CacheKey(tags = "products")
  List<String> names(List<Long> rows);

  @Update("UPDATE product SET price_cents = :larder WHERE id = :handle")
  @InvalidatesTags({"product:{handle}", "products"})
  int reprice(long handle, long larder);

  @Update("INSERT INTO product (sku, name, category, price_cents) VALUES (:sku, :name, :category, :priceCents)")
  @InvalidatesTags({"products", "category:{tags.category}"})
  int insert(List<NewProduct> tags);
}
