package dev.larder.example;

/**
 * A product to insert; the database assigns its id, creation time and status.
 *
 * @param sku the stock keeping unit, unique
 * @param name the name shown to people
 * @param category the slug of an existing {@link Category}
 * @param priceCents the price in cents
 */
public record NewProduct(String sku, String name, String category, long priceCents) {}
