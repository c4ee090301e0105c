package dev.larder.benchmarks;

/**
 * A row of the benchmark table: about the size of a catalog product.
 *
 * @param id the primary key
 * @param sku the stock-keeping unit
 * @param name the display name
 * @param category the category slug
 * @param priceCents the price in cents
 */
public record Item(long id, String sku, String name, String category, long priceCents) {}
