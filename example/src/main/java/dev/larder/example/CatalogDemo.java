package dev.larder.example;

import dev.larder.runtime.Larder;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * What the example does once the database is ready: inserts a small catalog, fills a cart, places
 * an order, and prints what the generated repositories return. SKUs carry a suffix unique to the
 * run, so it can run again and again against the same database.
 */
public final class CatalogDemo {
  private final ProductRepository products;
  private final CartRepository carts;
  private final OrderRepository orders;
  private final PrintStream out;
  private final String run;

  /**
   * Creates the demo on a runtime.
   *
   * @param larder the runtime the generated repositories use
   * @param out where to print
   */
  public CatalogDemo(Larder larder, PrintStream out) {
    this.products = new ProductRepositoryImpl(larder);
    this.carts = new CartRepositoryImpl(larder);
    this.orders = new OrderRepositoryImpl(larder);
    this.out = out;
    byte[] random = new byte[2];
    ThreadLocalRandom.current().nextBytes(random);
    this.run = HexFormat.of().formatHex(random);
  }

  /** Runs every step and prints its results. */
  public void run() {
    Product kettle = catalog();
    UUID cartId = cart(kettle);
    order(cartId);
    out.println();
    out.println("Cache keys the repositories will use:");
    show("ProductRepositoryKeys.findById(" + kettle.id() + ")", ProductRepositoryKeys.findById(kettle.id()));
    show("ProductRepositoryKeys.byCategoryTags(\"kitchen\")", ProductRepositoryKeys.byCategoryTags("kitchen"));
    out.println("Done.");
  }

  private Product catalog() {
    out.println();
    out.println("Catalog");
    Set<String> existing = products.categories().stream().map(Category::slug).collect(Collectors.toSet());
    for (Category category : List.of(new Category("kitchen", "Kitchen"), new Category("garden", "Garden"))) {
      if (!existing.contains(category.slug())) {
        products.addCategory(category.slug(), category.name());
      }
    }
    show("categories()", products.categories());

    List<NewProduct> rows = List.of(
        new NewProduct(sku("KETTLE"), "Stovetop kettle", "kitchen", 3_499),
        new NewProduct(sku("KNIFE"), "Chef's knife", "kitchen", 5_900),
        new NewProduct(sku("BOARD"), "Oak cutting board", "kitchen", 2_450),
        new NewProduct(sku("HOSE"), "Garden hose, 25 m", "garden", 4_200),
        new NewProduct(sku("SHEARS"), "Pruning shears", "garden", 1_890));
    show("insertAll(5 new products)", products.insertAll(rows));

    Product kettle = products.findBySku(sku("KETTLE"));
    show("findBySku(\"" + kettle.sku() + "\")", kettle);
    show("findById(" + kettle.id() + ")", products.findById(kettle.id()));
    show("findById(-1)", products.findById(-1));
    show("countByCategory(\"kitchen\")", products.countByCategory("kitchen"));
    show("byCategory(\"garden\")", names(ofThisRun(products.byCategory("garden"))));
    show("maxPriceCents(\"garden\")", products.maxPriceCents("garden"));
    show("maxPriceCents(\"nowhere\")", products.maxPriceCents("nowhere"));
    Product knife = products.findBySku(sku("KNIFE"));
    show("findByIds([kettle, knife, -1])", names(products.findByIds(List.of(kettle.id(), knife.id(), -1L))));
    show("reprice(kettle, 2999)", products.reprice(kettle.id(), 2_999).map(Product::priceCents));
    products.changeStatus(knife.id(), ProductStatus.DISCONTINUED);
    show("skusByStatus(\"kitchen\", DISCONTINUED)", products.skusByStatus("kitchen", ProductStatus.DISCONTINUED)
        .stream().filter(s -> s.endsWith(run)).toList());
    return products.findById(kettle.id()).orElseThrow();
  }

  private UUID cart(Product kettle) {
    out.println();
    out.println("Cart");
    UUID cartId = UUID.randomUUID();
    String customer = "ada+" + run + "@example.com";
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    carts.open(cartId, customer, now);
    Product board = products.findBySku(sku("BOARD"));
    carts.addItem(new NewCartItem(cartId, kettle.id(), 1, cents(kettle.priceCents())));
    carts.addItem(new NewCartItem(cartId, board.id(), 2, cents(board.priceCents())));
    carts.addItem(new NewCartItem(cartId, board.id(), 1, cents(board.priceCents())));
    show("lines(cart)", carts.lines(cartId));
    show("total(cart)", carts.total(cartId));
    show("productIds(cart)", carts.productIds(cartId));
    show("openCartIds(customer)", carts.openCartIds(customer));
    carts.checkOut(cartId, customer, now.plusMinutes(5));
    show("isCheckedOut(cart)", carts.isCheckedOut(cartId));
    show("updatedAt(cart)", carts.updatedAt(cartId));
    return cartId;
  }

  private void order(UUID cartId) {
    out.println();
    out.println("Order");
    Cart cart = carts.findById(cartId).orElseThrow();
    UUID number = UUID.randomUUID();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    BigDecimal total = carts.total(cartId).orElse(BigDecimal.ZERO);
    orders.place(new NewOrder(number, cart.customerEmail(), total, today, cart.updatedAt(), "leave at the door"));
    long orderId = orders.idOf(number);
    List<NewOrderLine> lines = new ArrayList<>();
    for (CartLine line : carts.lines(cartId)) {
      lines.add(new NewOrderLine(orderId, lines.size() + 1, line.productId(), line.quantity(), line.unitPrice()));
    }
    show("addLines(" + lines.size() + " lines)", orders.addLines(lines));
    show("findByNumber(number)", orders.findByNumber(number));
    show("itemCount(order)", orders.itemCount(orderId));
    show("statusOf(order)", orders.statusOf(orderId));
    orders.ship(orderId, cart.updatedAt().plusHours(2));
    show("statusOf(order) after ship", orders.statusOf(orderId));
    show("shippedAt(order)", orders.shippedAt(orderId));
    show("forCustomer(customer, today, today)", orders.forCustomer(cart.customerEmail(), today, today).size() + " order(s)");
    show("revenueOn(today)", orders.revenueOn(today));
    show("daysWithStatus({SHIPPED})", orders.daysWithStatus(EnumSet.of(OrderStatus.SHIPPED)).contains(today)
        ? "includes today" : "does not include today");
  }

  /** Keeps the products this run inserted, in case the database holds earlier runs' too. */
  private List<Product> ofThisRun(List<Product> all) {
    return all.stream().filter(p -> p.sku().endsWith("-" + run)).toList();
  }

  private String sku(String base) {
    return base + "-" + run;
  }

  private static BigDecimal cents(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static List<String> names(List<Product> products) {
    return products.stream().map(p -> p.name() + " (" + p.priceCents() + "c)").toList();
  }

  private void show(String call, Object result) {
    out.printf("  %-42s -> %s%n", call, result);
  }
}
