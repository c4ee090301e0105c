package dev.larder.peer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Carts and checkout; checkout is a SERIALIZABLE transaction run again on a serialization failure. */
@Service
public class Shop {
  private static final int MAX_ATTEMPTS = 10;

  private final CartRepository carts;
  private final TransactionTemplate serializable;

  public Shop(CartRepository carts, PlatformTransactionManager transactions) {
    this.carts = carts;
    this.serializable = new TransactionTemplate(transactions);
    serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
  }

  public UUID openCart(String email) {
    if (email == null || email.isBlank()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    UUID id = UUID.randomUUID();
    carts.open(id, email, OffsetDateTime.now(ZoneOffset.UTC));
    return id;
  }

  public Map<String, Object> addToCart(UUID cartId, Product product, int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be >= 1");
    }
    Cart cart = carts.findCart(cartId).orElseThrow(() -> new NotFound("no cart " + cartId));
    if (cart.checkedOut()) {
      throw new Conflict("cart " + cartId + " is checked out");
    }
    BigDecimal unitPrice = BigDecimal.valueOf(product.priceCents(), 2);
    carts.addItem(cartId, product.id(), quantity, unitPrice);
    return Map.of("cartId", cartId, "productId", product.id(), "quantity", quantity, "unitPrice", unitPrice);
  }

  public Map<String, Object> checkout(UUID cartId) {
    for (int attempt = 1; ; attempt++) {
      try {
        return serializable.execute(status -> checkoutOnce(cartId));
      } catch (ConcurrencyFailureException e) {
        if (attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        sleepWithJitter(attempt);
      }
    }
  }

  private Map<String, Object> checkoutOnce(UUID cartId) {
    Cart cart = carts.findCart(cartId).orElseThrow(() -> new NotFound("no cart " + cartId));
    if (cart.checkedOut()) {
      throw new Conflict("cart " + cartId + " is checked out");
    }
    List<CartLine> lines = carts.lines(cartId);
    if (lines.isEmpty()) {
      throw new Conflict("cart " + cartId + " is empty");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (CartLine line : lines) {
      total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    UUID number = UUID.randomUUID();
    carts.placeOrder(number, cart.customerEmail(), total, now.toLocalDate(), now);
    long orderId = carts.orderId(number);
    int lineNo = 0;
    for (CartLine line : lines) {
      carts.addOrderLine(orderId, ++lineNo, line.productId(), line.quantity(), line.unitPrice());
    }
    carts.checkOut(cartId, cart.customerEmail(), now);
    return Map.of("id", orderId, "orderNumber", number, "total", total, "lines", lines.size());
  }

  private static void sleepWithJitter(int attempt) {
    long cap = Math.min(1_000, 10L << Math.min(attempt, 6));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** HTTP 404. */
  public static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  /** HTTP 409. */
  public static final class Conflict extends RuntimeException {
    Conflict(String message) {
      super(message);
    }
  }
}
