package dev.larder.peer;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The catalog's SQL, the same statements the Larder service sends. */
public interface ProductRepository extends Repository<Product, Long> {

  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product WHERE id = :id")
  Optional<Product> product(long id);

  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category ORDER BY price_cents, id LIMIT :limit")
  List<Product> firstPage(String category, int limit);

  @Query("SELECT id, sku, name, category, price_cents, created_at, status, version FROM product"
      + " WHERE category = :category AND (price_cents, id) > (:afterPrice, :afterId)"
      + " ORDER BY price_cents, id LIMIT :limit")
  List<Product> pageAfter(String category, long afterPrice, long afterId, int limit);

  @Query("SELECT id, sku, name, category FROM product WHERE search @@ plainto_tsquery('simple', :words)"
      + " ORDER BY id LIMIT :limit")
  List<ProductHit> search(String words, int limit);

  @Query("UPDATE product SET price_cents = :priceCents, version = version + 1"
      + " WHERE id = :id AND category = :category RETURNING version")
  Optional<Long> changePrice(long id, String category, long priceCents);
}
