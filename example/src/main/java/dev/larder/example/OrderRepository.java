package dev.larder.example;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.NonNullColumn;
import dev.larder.annotation.Query;
import dev.larder.annotation.Transactional;
import dev.larder.annotation.Update;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Orders and their lines. Tags: {@code order:<id>} for one order, {@code customer:<email>} for a
 * customer's orders, {@code orders} for anything read across orders.
 */
@CachedRepository(ttl = "PT10M", emptyTtl = "PT5S")
public interface OrderRepository {

  /** Places an order in status PLACED; returns the number of orders inserted (1). */
  @Update("INSERT INTO customer_order (order_number, customer_email, status, total, placed_on, placed_at, note)"
      + " VALUES (:orderNumber, :customerEmail, 'PLACED', :total, :placedOn, :placedAt, :note)")
  @InvalidatesTags({"orders", "customer:{order.customerEmail}"})
  int place(NewOrder order);

  /**
   * Returns the id of the order with this number.
   *
   * @throws dev.larder.runtime.IncorrectResultSizeException if there is none
   */
  @Query("SELECT id FROM customer_order WHERE order_number = :orderNumber")
  @CacheKey(value = "order-id:{orderNumber}", tags = "orders")
  long idOf(UUID orderNumber);

  /** Inserts order lines in one batch; returns how many were inserted. */
  @Update("INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price)"
      + " VALUES (:orderId, :lineNo, :productId, :quantity, :unitPrice)")
  @InvalidatesTags("order:{orderId}")
  long addLines(List<NewOrderLine> lines);

  /**
   * Places an order with its lines in one transaction and returns the order's id: the order and
   * its lines commit together or not at all, and the tags of both writes are invalidated once,
   * after the commit. The {@code orderId} of the given lines is ignored.
   */
  @Transactional(name = "place-order")
  default long placeWithLines(NewOrder order, List<NewOrderLine> lines) {
    place(order);
    long id = idOf(order.orderNumber()); // inside the transaction: read from the database
    addLines(lines.stream()
        .map(l -> new NewOrderLine(id, l.lineNo(), l.productId(), l.quantity(), l.unitPrice()))
        .toList());
    return id;
  }

  /** Finds an order by the number the customer sees. */
  @Query("SELECT id, order_number, customer_email, status, total, placed_on, placed_at, shipped_at, note"
      + " FROM customer_order WHERE order_number = :orderNumber")
  @CacheKey(value = "order:number:{orderNumber}", tags = "orders")
  Optional<Order> findByNumber(UUID orderNumber);

  /** Lists a customer's orders placed between two days, both included, oldest first. */
  @Query("SELECT id, order_number, customer_email, status, total, placed_on, placed_at, shipped_at, note"
      + " FROM customer_order WHERE customer_email = :customerEmail AND placed_on BETWEEN :from AND :to"
      + " ORDER BY placed_at, id")
  @CacheKey(value = "customer:{customerEmail}:orders:{from}:{to}", tags = {"customer:{customerEmail}", "orders"})
  List<Order> forCustomer(String customerEmail, LocalDate from, LocalDate to);

  /**
   * Returns an order's status.
   *
   * @throws dev.larder.runtime.IncorrectResultSizeException if there is no such order
   */
  @Query("SELECT status FROM customer_order WHERE id = :id")
  @CacheKey(value = "order:{id}:status", tags = "order:{id}")
  OrderStatus statusOf(long id);

  /** Returns the total of the orders placed on a day, cancelled ones left out. */
  @Query("SELECT coalesce(sum(total), 0) FROM customer_order WHERE placed_on = :day AND status <> 'CANCELLED'")
  @CacheKey(value = "revenue:{day}", tags = "orders")
  BigDecimal revenueOn(LocalDate day);

  /** Lists the days on which some order now has one of these statuses. */
  @Query("SELECT DISTINCT placed_on FROM customer_order WHERE status = ANY(:statuses) ORDER BY placed_on")
  @CacheKey(value = "order-days:{statuses}", tags = "orders")
  List<LocalDate> daysWithStatus(Set<OrderStatus> statuses);

  /** Returns when an order shipped, or empty if it has not (or does not exist). */
  @Query("SELECT shipped_at FROM customer_order WHERE id = :id")
  @CacheKey(value = "order:{id}:shipped-at", tags = "order:{id}")
  Optional<OffsetDateTime> shippedAt(long id);

  /** Counts the items of an order, over all its lines; 0 for an order without lines. */
  @NonNullColumn // coalesce(…, 0) is never NULL; sum(int) is a bigint, hence the cast to int
  @Query("SELECT coalesce(sum(quantity), 0)::int FROM order_line WHERE order_id = :orderId")
  @CacheKey(value = "order:{orderId}:items", tags = "order:{orderId}")
  int itemCount(long orderId);

  /** Moves an order to another status; returns the number of orders changed, 0 or 1. */
  @Update("UPDATE customer_order SET status = :status WHERE id = :id")
  @InvalidatesTags({"order:{id}", "orders"})
  int changeStatus(long id, OrderStatus status);

  /** Marks an order as shipped at a time. */
  @Update("UPDATE customer_order SET status = 'SHIPPED', shipped_at = :shippedAt WHERE id = :id")
  @InvalidatesTags({"order:{id}", "orders"})
  void ship(long id, OffsetDateTime shippedAt);
}
