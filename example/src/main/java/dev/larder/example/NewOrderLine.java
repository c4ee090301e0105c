package dev.larder.example;

import java.math.BigDecimal;

/**
 * A line of an order to insert.
 *
 * @param orderId the order
 * @param lineNo the position in the order, from 1
 * @param productId the product
 * @param quantity how many
 * @param unitPrice the price of one
 */
public record NewOrderLine(long orderId, int lineNo, long productId, int quantity, BigDecimal unitPrice) {}
