package dev.larder.example.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.example.service.Seeder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;

/**
 * One simulated user, looping until told to stop: 90 % reads (a product by id 60 %, a category
 * page 15 %, a search 15 %) and 10 % writes (a price change 4 %, a cart addition 5 %, a checkout
 * 1 %), products drawn from a Zipf law. Every product it reads is checked against the
 * {@link VersionLedger}; every price change it makes is written into it.
 */
final class LoadClient implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_PAGE_DEPTH = 5;

  private final HttpClient http;
  private final String base;
  private final Zipf products;
  private final VersionLedger ledger;
  private final Measurements measurements;
  private final SplittableRandom random;
  private final String email;
  private volatile boolean running = true;
  private String cart;
  private boolean cartHasItems;
  private String pageCategory;
  private String pageCursor;
  private int pageDepth;

  LoadClient(HttpClient http, String base, Zipf products, VersionLedger ledger, Measurements measurements,
      long seed) {
    this.http = http;
    this.base = base;
    this.products = products;
    this.ledger = ledger;
    this.measurements = measurements;
    this.random = new SplittableRandom(seed);
    this.email = "load-" + seed + "@example.com";
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running) {
      int dice = random.nextInt(100);
      if (dice < 60) {
        readProduct(products.next(random));
      } else if (dice < 75) {
        readPage();
      } else if (dice < 90) {
        String words = Seeder.MATERIALS.get(random.nextInt(Seeder.MATERIALS.size())) + " "
            + Seeder.NOUNS.get(random.nextInt(Seeder.NOUNS.size()));
        send(get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + "&limit=20"), true);
      } else if (dice < 94) {
        changePrice(products.next(random));
      } else if (dice < 99 || !cartHasItems) {
        addToCart(products.next(random));
      } else {
        checkout();
      }
    }
  }

  private void readProduct(long id) {
    long started = System.nanoTime();
    JsonNode product = send(get("/products/" + id), true);
    if (product != null) {
      ledger.read(id, product.get("version").asLong(), started);
    }
  }

  private void readPage() {
    if (pageCursor == null || pageDepth >= MAX_PAGE_DEPTH || random.nextInt(2) == 0) {
      pageCategory = Seeder.category((products.next(random) - 1) % Seeder.CATEGORIES);
      pageCursor = null;
      pageDepth = 0;
    }
    long started = System.nanoTime();
    JsonNode page = send(get("/categories/" + pageCategory + "/products?limit=20"
        + (pageCursor == null ? "" : "&after=" + pageCursor)), true);
    if (page == null) {
      pageCursor = null;
      return;
    }
    for (JsonNode product : page.get("items")) {
      ledger.read(product.get("id").asLong(), product.get("version").asLong(), started);
    }
    JsonNode next = page.get("next");
    pageCursor = next == null || next.isNull() ? null : next.asText();
    pageDepth++;
  }

  private void changePrice(long id) {
    JsonNode changed = send(write("PUT", "/products/" + id + "/price",
        "{\"priceCents\": " + (100 + random.nextInt(100_000)) + "}"), false);
    if (changed != null) {
      ledger.written(id, changed.get("version").asLong(), System.nanoTime());
    }
  }

  private void addToCart(long productId) {
    if (cart == null) {
      JsonNode opened = send(write("POST", "/carts", "{\"email\": \"" + email + "\"}"), false);
      if (opened == null) {
        return;
      }
      cart = opened.get("id").asText();
      cartHasItems = false;
    }
    if (send(write("POST", "/carts/" + cart + "/items", "{\"productId\": " + productId + ", \"quantity\": 1}"),
        false) != null) {
      cartHasItems = true;
    }
  }

  private void checkout() {
    send(write("POST", "/carts/" + cart + "/checkout", ""), false);
    cart = null;
    cartHasItems = false;
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build();
  }

  private HttpRequest write(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Sends a request and records it; returns the JSON body, or null on any failure. */
  private JsonNode send(HttpRequest request, boolean read) {
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      boolean ok = response.statusCode() / 100 == 2;
      JsonNode body = ok ? JSON.readTree(response.body()) : null;
      measurements.record(System.nanoTime() - started, read, !ok);
      return body;
    } catch (IOException e) {
      measurements.record(System.nanoTime() - started, read, true);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return null;
    }
  }
}
