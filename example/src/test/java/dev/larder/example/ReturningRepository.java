package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Test-only: writes that return what their RETURNING gives, and a cached read they change. */
@CachedRepository(ttl = "PT10M")
interface ReturningRepository {

  @Update("INSERT INTO product (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents) RETURNING id")
  @InvalidatesTags({"category:{category}", "products"})
  long add(String sku, String name, String category, long priceCents);

  /** Returns a UUID made from the SKU, to read a non-numeric scalar back from RETURNING. */
  @Update("INSERT INTO product (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, 0) RETURNING md5(sku)::uuid")
  @InvalidatesTags({"category:{category}", "products"})
  UUID addFree(String sku, String name, String category);

  @Update("UPDATE product SET price_cents = :priceCents WHERE id = :id"
      + " RETURNING id, sku, name, category, price_cents, created_at, status, version")
  @InvalidatesTags({"product:{id}", "products"})
  Optional<Product> reprice(long id, long priceCents);

  @Update("UPDATE product SET name = :name WHERE sku = :sku"
      + " RETURNING id, sku, name, category, price_cents, created_at, status, version")
  @InvalidatesTags("products")
  Product rename(String sku, String name);

  @Update("DELETE FROM product WHERE category = :category"
      + " RETURNING id, sku, name, category, price_cents, created_at, status, version")
  @InvalidatesTags({"category:{category}", "products"})
  List<Product> deleteCategory(String category);

  @Update("DELETE FROM product WHERE category = :category RETURNING sku")
  @InvalidatesTags({"category:{category}", "products"})
  List<String> deleteSkus(String category);

  /** Meant for a category of one product: returns its new price. */
  @Update("UPDATE product SET price_cents = price_cents + :cents WHERE category = :category"
      + " RETURNING price_cents")
  @InvalidatesTags({"category:{category}", "products"})
  long raiseOnly(String category, long cents);

  /** A batch: the ids of the rows inserted, in the order of the collection. */
  @Update("INSERT INTO product (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents) ON CONFLICT (sku) DO NOTHING RETURNING id")
  @InvalidatesTags({"category:{category}", "products"})
  List<Long> addAll(List<NewProduct> rows);

  /** A batch: the rows changed, as records, in the order of the collection. */
  @Update("UPDATE product SET price_cents = :priceCents, version = version + 1 WHERE sku = :sku"
      + " RETURNING id, sku, name, category, price_cents, created_at, status, version")
  @InvalidatesTags({"category:{category}", "products"})
  List<Product> repriceAll(List<NewProduct> rows);

  @Query("SELECT count(*) FROM product WHERE category = :category")
  @CacheKey(value = "returning:count:{category}", tags = "category:{category}")
  long count(String category);
}
