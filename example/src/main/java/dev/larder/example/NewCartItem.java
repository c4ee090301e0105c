package dev.larder.example;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product to put in a cart.
 *
 * @param cartId the cart
 * @param productId the product
 * @param quantity how many, at least one
 * @param unitPrice the price of one, as shown when it was added
 */
public record NewCartItem(UUID cartId, long productId, int quantity, BigDecimal unitPrice) {}
