package dev.larder.peer;

import java.math.BigDecimal;

/** One line of a cart, with the product's SKU and name. */
public record CartLine(long productId, String sku, String name, int quantity, BigDecimal unitPrice) {}
