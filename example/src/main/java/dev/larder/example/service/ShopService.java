package dev.larder.example.service;

import static java.util.Objects.requireNonNull;

import dev.larder.annotation.Isolation;
import dev.larder.example.Cart;
import dev.larder.example.CartLine;
import dev.larder.example.CartRepository;
import dev.larder.example.CartRepositoryImpl;
import dev.larder.example.Catalog;
import dev.larder.example.CatalogRepositoryImpl;
import dev.larder.example.NewCartItem;
import dev.larder.example.NewOrder;
import dev.larder.example.NewOrderLine;
import dev.larder.example.OrderRepository;
import dev.larder.example.OrderRepositoryImpl;
import dev.larder.example.Product;
import dev.larder.example.ProductHit;
import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Larder;
import dev.larder.runtime.TransactionOptions;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the shop does, on the generated repositories: the HTTP layer ({@link HttpApi}) only
 * parses requests and writes JSON. Each method is one use case of the API.
 */
public final class ShopService {
  /** The largest page or search result a client may ask for. */
  public static final int MAX_LIMIT = 100;

  private static final TransactionOptions CHECKOUT =
      TransactionOptions.named("checkout").withIsolation(Isolation.SERIALIZABLE);

  private final Larder larder;
  private final Catalog catalog;
  private final CartRepository carts;
  private final OrderRepository orders;

  /**
   * Creates the service over a runtime.
   *
   * @param larder the runtime (built with {@code strictReads(true)} for the strict mode)
   */
  public ShopService(Larder larder) {
    this.larder = requireNonNull(larder, "larder");
    this.catalog = new CatalogRepositoryImpl(larder);
    this.carts = new CartRepositoryImpl(larder);
    this.orders = new OrderRepositoryImpl(larder);
  }

  /** The runtime under the service. */
  public Larder larder() {
    return larder;
  }

  /** Finds a product by id. */
  public Optional<Product> product(long id) {
    return catalog.product(id);
  }

  /**
   * One page of a category, cheapest first.
   *
   * @param cursor the {@code next} token of the previous page, or null for the first page
   * @throws IllegalArgumentException if the cursor is not one of this query, or limit is out of range
   */
  public CursorPage<Product> categoryPage(String category, String cursor, int limit) {
    checkLimit(limit);
    return catalog.categoryPage(category, cursor == null || cursor.isEmpty() ? null : Cursor.parse(cursor), limit);
  }

  /** Finds products whose name has all these words. */
  public List<ProductHit> search(String words, int limit) {
    checkLimit(limit);
    if (words == null || words.isBlank()) {
      throw new IllegalArgumentException("q must name at least one word");
    }
    return catalog.search(words.trim(), limit);
  }

  /**
   * Sets a product's price and returns the product's new version, or empty if there is no such
   * product. The product is read first (from the cache) for the category its pages are tagged with.
   */
  public Optional<Long> changePrice(long id, long priceCents) {
    if (priceCents < 0) {
      throw new IllegalArgumentException("priceCents must be >= 0 but was " + priceCents);
    }
    return catalog.product(id).flatMap(p -> catalog.changePrice(id, p.category(), priceCents));
  }

  /** Opens an empty cart for a customer and returns its id. */
  public UUID openCart(String customerEmail) {
    if (customerEmail == null || customerEmail.isBlank()) {
      throw new IllegalArgumentException("email must not be blank");
    }
    UUID id = UUID.randomUUID();
    carts.open(id, customerEmail, OffsetDateTime.now(ZoneOffset.UTC));
    return id;
  }

  /**
   * Puts a product in an open cart at its current price.
   *
   * @throws NotFoundException if there is no such product or cart
   * @throws ConflictException if the cart was checked out
   */
  public NewCartItem addToCart(UUID cartId, long productId, int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be >= 1 but was " + quantity);
    }
    Product product = catalog.product(productId)
        .orElseThrow(() -> new NotFoundException("no product " + productId));
    Cart cart = carts.findById(cartId).orElseThrow(() -> new NotFoundException("no cart " + cartId));
    if (cart.checkedOut()) {
      throw new ConflictException("cart " + cartId + " is checked out");
    }
    NewCartItem item = new NewCartItem(cartId, productId, quantity,
        BigDecimal.valueOf(product.priceCents(), 2));
    carts.addItem(item);
    return item;
  }

  /**
   * Turns a cart into an order, in one SERIALIZABLE transaction that is run again on a
   * serialization failure or deadlock: two checkouts of one cart never both succeed.
   *
   * @throws NotFoundException if there is no such cart
   * @throws ConflictException if the cart is empty or was checked out
   */
  public PlacedOrder checkout(UUID cartId) {
    return larder.inTransaction(CHECKOUT, handle -> {
      Cart cart = carts.findById(cartId).orElseThrow(() -> new NotFoundException("no cart " + cartId));
      if (cart.checkedOut()) {
        throw new ConflictException("cart " + cartId + " is checked out");
      }
      List<CartLine> lines = carts.lines(cartId);
      if (lines.isEmpty()) {
        throw new ConflictException("cart " + cartId + " is empty");
      }
      BigDecimal total = BigDecimal.ZERO;
      List<NewOrderLine> orderLines = new ArrayList<>(lines.size());
      for (CartLine line : lines) {
        total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        orderLines.add(new NewOrderLine(0, orderLines.size() + 1, line.productId(), line.quantity(),
            line.unitPrice()));
      }
      OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
      UUID number = UUID.randomUUID();
      long orderId = orders.placeWithLines(
          new NewOrder(number, cart.customerEmail(), total, now.toLocalDate(), now, null), orderLines);
      carts.checkOut(cartId, cart.customerEmail(), now);
      return new PlacedOrder(orderId, number, total, lines.size());
    });
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " but was " + limit);
    }
  }

  /**
   * An order made from a cart.
   *
   * @param id the order's key
   * @param orderNumber the number shown to the customer
   * @param total what it costs
   * @param lines how many lines it has
   */
  public record PlacedOrder(long id, UUID orderNumber, BigDecimal total, int lines) {}

  /** Something the request names does not exist (HTTP 404). */
  public static final class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
      super(message);
    }
  }

  /** The request conflicts with the state of what it names (HTTP 409). */
  public static final class ConflictException extends RuntimeException {
    ConflictException(String message) {
      super(message);
    }
  }
}
