package dev.larder.example;

/** Where an order is; stored by name in {@code customer_order.status}. */
public enum OrderStatus {
  /** Placed, not yet paid. */
  PLACED,
  /** Paid, waiting to ship. */
  PAID,
  /** On its way. */
  SHIPPED,
  /** Cancelled before shipping. */
  CANCELLED
}
