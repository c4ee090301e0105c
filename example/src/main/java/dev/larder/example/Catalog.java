package dev.larder.example;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import java.util.List;
import java.util.Optional;

/**
 * What the HTTP service reads and writes in the catalog, implemented by the generated {@link
 * CatalogRepository}; the service's strict mode runs the same repository on a runtime built with
 * {@code strictReads(true)}.
 *
 * <p>Tags: {@code product:<id>} for one product, {@code category:<slug>} for a category's pages,
 * {@code product-names} for search results (names change only when products are added).
 */
public interface Catalog {

  /** Finds a product by id. */
  Optional<Product> product(long id);

  /**
   * One page of a category's products, cheapest first, {@code limit} at a time (keyset paging:
   * pass {@code null} for the first page, then the page's {@code next()}).
   */
  CursorPage<Product> categoryPage(String category, Cursor after, int limit);

  /** Finds up to {@code limit} products whose name has all these words, in id order. */
  List<ProductHit> search(String words, int limit);

  /**
   * Sets the price of a product of this category and returns its new version, or empty if there
   * is no such product in this category.
   */
  Optional<Long> changePrice(long id, String category, long priceCents);
}
