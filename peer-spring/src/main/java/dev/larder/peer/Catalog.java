package dev.larder.peer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.Caching;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog with Spring Cache, as the Spring guides write it: {@code @Cacheable} reads,
 * {@code @CacheEvict} on the write (the product's entry, and every page, since a cache cannot be
 * evicted by prefix).
 */
@Service
public class Catalog {
  private final ProductRepository products;

  public Catalog(ProductRepository products) {
    this.products = products;
  }

  @Cacheable(cacheNames = "product", key = "#id")
  public Optional<Product> product(long id) {
    return products.product(id);
  }

  /** A page, cheapest first; the cursor is the last row's price and id. */
  @Cacheable(cacheNames = "categoryPage", key = "#category + ':' + #cursor + ':' + #limit")
  public PageResponse page(String category, String cursor, int limit) {
    List<Product> rows;
    if (cursor == null || cursor.isEmpty()) {
      rows = products.firstPage(category, limit + 1);
    } else {
      String[] parts;
      try {
        parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed cursor", e);
      }
      if (parts.length != 2) {
        throw new IllegalArgumentException("malformed cursor");
      }
      rows = products.pageAfter(category, Long.parseLong(parts[0]), Long.parseLong(parts[1]), limit + 1);
    }
    if (rows.size() <= limit) {
      return new PageResponse(rows, null);
    }
    List<Product> content = List.copyOf(rows.subList(0, limit));
    Product last = content.get(limit - 1);
    String next = Base64.getUrlEncoder().withoutPadding()
        .encodeToString((last.priceCents() + ":" + last.id()).getBytes(StandardCharsets.UTF_8));
    return new PageResponse(content, next);
  }

  @Cacheable(cacheNames = "search", key = "#words + ':' + #limit")
  public List<ProductHit> search(String words, int limit) {
    return List.copyOf(products.search(words, limit));
  }

  @Transactional
  @Caching(evict = {
      @CacheEvict(cacheNames = "product", key = "#id"),
      @CacheEvict(cacheNames = "categoryPage", allEntries = true)})
  public Optional<Long> changePrice(long id, String category, long priceCents) {
    return products.changePrice(id, category, priceCents);
  }
}
