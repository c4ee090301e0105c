package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.NonNullColumn;
import dev.larder.annotation.OrderBy;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;
import java.util.List;
import java.util.Optional;

/**
 * The catalog: categories and products. Larder generates {@code ProductRepositoryImpl} and
 * {@code ProductRepositoryKeys} from this interface.
 *
 * <p>Tags: {@code product:<id>} for one product, {@code category:<slug>} for what a category
 * contains, {@code products} for any list of products, {@code categories} for the category list.
 */
@CachedRepository(ttl = "PT10M")
public interface ProductRepository {

  /** Finds a product by id. */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product WHERE id = :id")
  @CacheKey(value = "product:{id}", tags = "product:{id}")
  Optional<Product> findById(long id);

  /**
   * Returns the product with this SKU.
   *
   * @throws dev.larder.runtime.IncorrectResultSizeException if there is none
   */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product WHERE sku = :sku")
  @CacheKey(value = "product:sku:{sku}", tags = "products")
  Product findBySku(String sku);

  /** Lists the products of a category, cheapest first. */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category ORDER BY price_cents, id")
  @CacheKey(value = "product:list:{category}", tags = {"products", "category:{category}"}, ttl = "PT1M")
  List<Product> byCategory(String category);

  /**
   * One numbered page of a category's products, cheapest first (offset paging: for "page 3 of
   * 12" navigation; deep pages get slower, see {@link #byPriceDescending}).
   */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category ORDER BY price_cents, id")
  @CacheKey(value = "product:page:{category}", tags = {"products", "category:{category}"}, ttl = "PT1M")
  Page<Product> pageByCategory(String category, PageRequest request);

  /**
   * Walks a category's products, dearest first, {@code limit} at a time (keyset paging: every
   * page costs what the first costs, and rows added while walking never shift the pages).
   */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category")
  @OrderBy(value = {"price_cents DESC", "id"}, unique = "id")
  @CacheKey(value = "product:by-price:{category}", tags = {"products", "category:{category}"}, ttl = "PT1M")
  CursorPage<Product> byPriceDescending(String category, Cursor after, int limit);

  /** Walks a category's products, newest first. */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category")
  @OrderBy(value = {"created_at DESC", "id DESC"}, unique = "id")
  @CacheKey(value = "product:newest:{category}", tags = {"products", "category:{category}"}, ttl = "PT1M")
  CursorPage<Product> newestInCategory(String category, Cursor after, int limit);

  /** Counts the products of a category. */
  @NonNullColumn // count(*) is never NULL, which the schema check cannot tell from an expression
  @Query("SELECT count(*) FROM product WHERE category = :category")
  @CacheKey(value = "product:count:{category}", tags = "category:{category}")
  long countByCategory(String category);

  /** Finds the products with these ids, in id order; unknown ids are skipped. */
  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE id = ANY(:ids) ORDER BY id")
  @CacheKey(value = "product:ids:{ids}", tags = "products")
  List<Product> findByIds(List<Long> ids);

  /** Lists the SKUs of a category's products in one status, alphabetically. */
  @Query("SELECT sku FROM product WHERE category = :category AND status = :status ORDER BY sku")
  @CacheKey(value = "product:skus:{category}:{status}", tags = {"products", "category:{category}"})
  List<String> skusByStatus(String category, ProductStatus status);

  /** Returns the highest price in a category, or empty if it has no products. */
  @Query("SELECT max(price_cents) FROM product WHERE category = :category")
  @CacheKey(value = "product:max-price:{category}", tags = {"products", "category:{category}"})
  Optional<Long> maxPriceCents(String category);

  /** Lists every category by slug. */
  @Query("SELECT slug, name FROM category ORDER BY slug")
  @CacheKey(value = "categories", tags = "categories")
  List<Category> categories();

  /** Adds a category. */
  @Update("INSERT INTO category (slug, name) VALUES (:slug, :name)")
  @InvalidatesTags("categories")
  void addCategory(String slug, String name);

  /** Sets a product's price; returns the number of products changed, 0 or 1. */
  @Update("UPDATE product SET price_cents = :priceCents, version = version + 1 WHERE id = :id")
  @InvalidatesTags({"product:{id}", "products"})
  int updatePrice(long id, long priceCents);

  /** Moves a product to another status. */
  @Update("UPDATE product SET status = :status, version = version + 1 WHERE id = :id")
  @InvalidatesTags({"product:{id}", "products"})
  void changeStatus(long id, ProductStatus status);

  /** Inserts products in one batch and one transaction; returns how many were inserted. */
  @Update("INSERT INTO product (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents)")
  @InvalidatesTags({"products", "category:{category}", "product-names"})
  int insertAll(List<NewProduct> rows);

  /**
   * Inserts the products whose SKU is not taken yet, in one transaction; returns how many were
   * inserted (not counting the SKUs that were taken).
   */
  @Update("INSERT INTO product (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents) ON CONFLICT (sku) DO NOTHING")
  @InvalidatesTags({"products", "category:{category}", "product-names"})
  int insertMissing(List<NewProduct> rows);

  /** Sets the prices of many products in one transaction; returns how many were changed. */
  @Update("UPDATE product SET price_cents = :priceCents, version = version + 1 WHERE sku = :sku")
  @InvalidatesTags("products")
  long reprice(List<PriceChange> changes);

  /**
   * Sets a product's price and returns it as stored now, or empty if there is no such product.
   * An ordinary default method: it stays usable on the generated implementation.
   */
  default Optional<Product> reprice(long id, long priceCents) {
    return updatePrice(id, priceCents) == 0 ? Optional.empty() : findById(id);
  }
}
