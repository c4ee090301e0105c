package dev.larder.peer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** Carts and orders: the statements the Larder service's CartRepository and OrderRepository send. */
public interface CartRepository extends Repository<Cart, UUID> {

  @Modifying
  @Query("INSERT INTO cart (id, customer_email, created_at, updated_at) VALUES (:id, :customerEmail, :openedAt, :openedAt)")
  int open(UUID id, String customerEmail, OffsetDateTime openedAt);

  @Query("SELECT id, customer_email, created_at, updated_at, checked_out FROM cart WHERE id = :id")
  Optional<Cart> findCart(UUID id);

  @Modifying
  @Query("INSERT INTO cart_item (cart_id, product_id, quantity, unit_price)"
      + " VALUES (:cartId, :productId, :quantity, :unitPrice)"
      + " ON CONFLICT (cart_id, product_id) DO UPDATE SET quantity = cart_item.quantity + EXCLUDED.quantity")
  int addItem(UUID cartId, long productId, int quantity, BigDecimal unitPrice);

  @Query("SELECT ci.product_id, p.sku, p.name, ci.quantity, ci.unit_price"
      + " FROM cart_item ci JOIN product p ON p.id = ci.product_id"
      + " WHERE ci.cart_id = :cartId ORDER BY p.sku")
  List<CartLine> lines(UUID cartId);

  @Modifying
  @Query("INSERT INTO customer_order (order_number, customer_email, status, total, placed_on, placed_at, note)"
      + " VALUES (:orderNumber, :customerEmail, 'PLACED', :total, :placedOn, :placedAt, NULL)")
  int placeOrder(UUID orderNumber, String customerEmail, BigDecimal total, java.time.LocalDate placedOn,
      OffsetDateTime placedAt);

  @Query("SELECT id FROM customer_order WHERE order_number = :orderNumber")
  long orderId(UUID orderNumber);

  @Modifying
  @Query("INSERT INTO order_line (order_id, line_no, product_id, quantity, unit_price)"
      + " VALUES (:orderId, :lineNo, :productId, :quantity, :unitPrice)")
  int addOrderLine(long orderId, int lineNo, long productId, int quantity, BigDecimal unitPrice);

  @Modifying
  @Query("UPDATE cart SET checked_out = true, updated_at = :at WHERE id = :id AND customer_email = :customerEmail")
  int checkOut(UUID id, String customerEmail, OffsetDateTime at);
}
