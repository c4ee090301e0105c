package dev.larder.processor;

import java.util.List;
import javax.tools.JavaFileObject;

/** The records and enums that test repositories read and bind, compiled with every test. */
final class Records {
  private Records() {}

  static final JavaFileObject STATUS = Sources.source("Status",
      "public enum Status { ACTIVE, RETIRED }");

  static final JavaFileObject PRODUCT = Sources.source("Product",
      "public record Product(",
      "    long id, String sku, String name, String category, long priceCents, Status status,",
      "    Instant createdAt) {}");

  static final JavaFileObject NEW_PRODUCT = Sources.source("NewProduct",
      "public record NewProduct(String sku, String name, String category, long priceCents) {}");

  /** A search filter; shares the component {@code category} with {@link #PRICE_RANGE}. */
  static final JavaFileObject PRODUCT_FILTER = Sources.source("ProductFilter",
      "public record ProductFilter(String category, long maxPriceCents) {}");

  static final JavaFileObject PRICE_RANGE = Sources.source("PriceRange",
      "public record PriceRange(String category, long minCents, long maxCents) {}");

  /** A record Larder cannot map: one component is a Map. */
  static final JavaFileObject PRODUCT_WITH_ATTRIBUTES = Sources.source("ProductWithAttributes",
      "public record ProductWithAttributes(long id, Map<String, String> attributes) {}");

  static final List<JavaFileObject> ALL = List.of(
      STATUS, PRODUCT, NEW_PRODUCT, PRODUCT_FILTER, PRICE_RANGE, PRODUCT_WITH_ATTRIBUTES);
}
