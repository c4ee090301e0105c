package dev.larder.example;

/**
 * A new price for the product with this SKU, one element of a batch repricing.
 *
 * @param sku the product's stock keeping unit
 * @param priceCents the new price in cents
 */
public record PriceChange(String sku, long priceCents) {}
