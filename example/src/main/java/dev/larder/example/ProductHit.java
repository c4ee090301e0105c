package dev.larder.example;

/**
 * A product found by a search: what a result list shows and links to. No price and no version,
 * so that price changes leave cached search results valid.
 *
 * @param id the product
 * @param sku its stock keeping unit
 * @param name its name
 * @param category the slug of its category
 */
public record ProductHit(long id, String sku, String name, String category) {}
