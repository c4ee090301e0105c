package dev.larder.benchmarks;

/**
 * A row the batch benchmark inserts; the database assigns its id.
 *
 * @param sku the stock-keeping unit, unique
 * @param name the display name
 * @param category the category slug
 * @param priceCents the price in cents
 */
public record BulkItem(String sku, String name, String category, long priceCents) {}
