package dev.larder.peer;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The same HTTP API as the Larder service. */
@RestController
public class ShopController {
  private final Catalog catalog;
  private final Shop shop;

  public ShopController(Catalog catalog, Shop shop) {
    this.catalog = catalog;
    this.shop = shop;
  }

  @GetMapping("/products/{id}")
  public Product product(@PathVariable long id) {
    return catalog.product(id).orElseThrow(() -> new Shop.NotFound("no product " + id));
  }

  @PutMapping("/products/{id}/price")
  public Map<String, Object> changePrice(@PathVariable long id, @RequestBody PriceRequest request) {
    if (request.priceCents() < 0) {
      throw new IllegalArgumentException("priceCents must be >= 0");
    }
    Product product = product(id);
    long version = catalog.changePrice(id, product.category(), request.priceCents())
        .orElseThrow(() -> new Shop.NotFound("no product " + id));
    return Map.of("id", id, "priceCents", request.priceCents(), "version", version);
  }

  @GetMapping("/categories/{slug}/products")
  public PageResponse page(@PathVariable String slug, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "20") int limit) {
    checkLimit(limit);
    return catalog.page(slug, after, limit);
  }

  @GetMapping("/search")
  public Map<String, Object> search(@RequestParam String q, @RequestParam(defaultValue = "20") int limit) {
    checkLimit(limit);
    if (q.isBlank()) {
      throw new IllegalArgumentException("q must name at least one word");
    }
    return Map.of("items", catalog.search(q.trim(), limit));
  }

  @PostMapping("/carts")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> openCart(@RequestBody CartRequest request) {
    return Map.of("id", shop.openCart(request.email()));
  }

  @PostMapping("/carts/{id}/items")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> addToCart(@PathVariable UUID id, @RequestBody ItemRequest request) {
    return shop.addToCart(id, product(request.productId()), request.quantity());
  }

  @PostMapping("/carts/{id}/checkout")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> checkout(@PathVariable UUID id) {
    return shop.checkout(id);
  }

  @ExceptionHandler(Shop.NotFound.class)
  ResponseEntity<Map<String, String>> notFound(Shop.NotFound e) {
    return ResponseEntity.status(404).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(Shop.Conflict.class)
  ResponseEntity<Map<String, String>> conflict(Shop.Conflict e) {
    return ResponseEntity.status(409).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.status(400).body(Map.of("error", String.valueOf(e.getMessage())));
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > 100) {
      throw new IllegalArgumentException("limit must be between 1 and 100 but was " + limit);
    }
  }

  /** The body of a price change. */
  public record PriceRequest(long priceCents) {}

  /** The body of a new cart. */
  public record CartRequest(String email) {}

  /** The body of a cart addition. */
  public record ItemRequest(long productId, int quantity) {}
}
