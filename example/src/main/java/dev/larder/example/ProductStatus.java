package dev.larder.example;

/** Where a product is in its life; stored by name in {@code product.status}. */
public enum ProductStatus {
  /** Being prepared; not shown to customers. */
  DRAFT,
  /** On sale. */
  ACTIVE,
  /** No longer sold; kept for old orders. */
  DISCONTINUED
}
