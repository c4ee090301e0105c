package dev.larder.example.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.larder.example.Product;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Health;
import dev.larder.runtime.LarderMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The shop's HTTP JSON API on Javalin (Jetty underneath) with Jackson:
 *
 * <pre>
 * GET  /products/{id}                              a product (404 if none)
 * GET  /categories/{slug}/products?after=&amp;limit=   a page, cheapest first; "next" is the cursor of the next page
 * GET  /search?q=words&amp;limit=                      products whose name has all the words
 * PUT  /products/{id}/price   {"priceCents": 1999} the product's new version
 * POST /carts                 {"email": "a@b.c"}   a new cart's id
 * POST /carts/{id}/items      {"productId": 1, "quantity": 2}
 * POST /carts/{id}/checkout                        the order (a retried SERIALIZABLE transaction)
 * GET  /health                                     Larder's health JSON; 503 when DOWN
 * GET  /metrics                                    Prometheus text (Micrometer)
 * </pre>
 */
public final class HttpApi implements AutoCloseable {
  /** The page size when a request names none. */
  public static final int DEFAULT_LIMIT = 20;

  private final ShopService shop;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Javalin app;

  /**
   * Creates the API over a service; {@link #start} opens the port.
   *
   * @param shop the service
   */
  public HttpApi(ShopService shop) {
    this.shop = requireNonNull(shop, "shop");
    new LarderMetrics(shop.larder()).bindTo(registry);
    ObjectMapper mapper = new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jsonMapper(new JavalinJackson(mapper, false));
      config.routes.get("/products/{id}", this::product);
      config.routes.put("/products/{id}/price", this::changePrice);
      config.routes.get("/categories/{slug}/products", this::categoryPage);
      config.routes.get("/search", this::search);
      config.routes.post("/carts", this::openCart);
      config.routes.post("/carts/{id}/items", this::addToCart);
      config.routes.post("/carts/{id}/checkout", this::checkout);
      config.routes.get("/health", this::health);
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
          .result(registry.scrape()));
      config.routes.exception(ShopService.NotFoundException.class, (e, ctx) -> error(ctx, 404, e));
      config.routes.exception(ShopService.ConflictException.class, (e, ctx) -> error(ctx, 409, e));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e));
      config.routes.exception(JacksonException.class, (e, ctx) -> error(ctx, 400, e));
    });
  }

  /**
   * Starts listening.
   *
   * @param host the address to bind, e.g. 127.0.0.1
   * @param port the port, or 0 for a free one
   * @return this
   */
  public HttpApi start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** The port it listens on, once started. */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    registry.close();
  }

  private void product(Context ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    ctx.json(shop.product(id).orElseThrow(() -> new ShopService.NotFoundException("no product " + id)));
  }

  private void changePrice(Context ctx) {
    long id = Long.parseLong(ctx.pathParam("id"));
    PriceRequest request = ctx.bodyAsClass(PriceRequest.class);
    long version = shop.changePrice(id, request.priceCents())
        .orElseThrow(() -> new ShopService.NotFoundException("no product " + id));
    ctx.json(Map.of("id", id, "priceCents", request.priceCents(), "version", version));
  }

  private void categoryPage(Context ctx) {
    CursorPage<Product> page = shop.categoryPage(ctx.pathParam("slug"), ctx.queryParam("after"), limit(ctx));
    ctx.json(new PageResponse(page.content(), page.hasNext() ? page.next().token() : null));
  }

  private void search(Context ctx) {
    ctx.json(Map.of("items", shop.search(ctx.queryParam("q"), limit(ctx))));
  }

  private void openCart(Context ctx) {
    CartRequest request = ctx.bodyAsClass(CartRequest.class);
    ctx.status(201).json(Map.of("id", shop.openCart(request.email())));
  }

  private void addToCart(Context ctx) {
    ItemRequest request = ctx.bodyAsClass(ItemRequest.class);
    ctx.status(201).json(shop.addToCart(UUID.fromString(ctx.pathParam("id")), request.productId(),
        request.quantity()));
  }

  private void checkout(Context ctx) {
    ctx.status(201).json(shop.checkout(UUID.fromString(ctx.pathParam("id"))));
  }

  private void health(Context ctx) {
    Health health = shop.larder().health();
    ctx.status(health.status() == Health.Status.DOWN ? 503 : 200)
        .contentType("application/json")
        .result(health.toJson());
  }

  private static int limit(Context ctx) {
    String limit = ctx.queryParam("limit");
    return limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
  }

  private static void error(Context ctx, int status, Exception e) {
    ctx.status(status).json(Map.of("error", String.valueOf(e.getMessage())));
  }

  /** A page of products and the cursor of the next one (null on the last page). */
  record PageResponse(List<Product> items, String next) {}

  /** The body of a price change. */
  record PriceRequest(long priceCents) {}

  /** The body of a new cart. */
  record CartRequest(String email) {}

  /** The body of a cart addition. */
  record ItemRequest(long productId, int quantity) {}
}
