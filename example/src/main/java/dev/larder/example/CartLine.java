package dev.larder.example;

import java.math.BigDecimal;

/**
 * One line of a cart, with the product's SKU and name.
 *
 * @param productId the product
 * @param sku the product's SKU
 * @param name the product's name
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record CartLine(long productId, String sku, String name, int quantity, BigDecimal unitPrice) {}
