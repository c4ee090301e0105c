package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.larder.example.service.HttpApi;
import dev.larder.example.service.Seeder;
import dev.larder.example.service.ShopService;
import dev.larder.runtime.Larder;
import dev.larder.testing.TestRedis;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shop's HTTP API, two instances over one PostgreSQL and one Redis, spoken to over HTTP. */
class ShopHttpTest {
  private static final int PRODUCTS = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<AutoCloseable> opened = new ArrayList<>();
  private String first;
  private String second;

  @BeforeEach
  void startTwoInstances() {
    String namespace = "shop" + UUID.randomUUID().toString().substring(0, 8);
    Larder a = ExampleDatabase.freshLarder(Larder.builder().redisUrl(TestRedis.get().url()).cacheNamespace(namespace));
    Seeder.seed(a, PRODUCTS, new PrintStream(OutputStream.nullOutputStream()));
    Larder b = Larder.builder().dataSource(a.dataSource()).redisUrl(TestRedis.get().url())
        .cacheNamespace(namespace).build();
    first = start(a);
    second = start(b);
  }

  private String start(Larder larder) {
    HttpApi api = new HttpApi(new ShopService(larder)).start("127.0.0.1", 0);
    opened.add(larder);
    opened.add(api);
    return "http://127.0.0.1:" + api.port();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  @Test
  void productByIdIsJsonWithItsVersionAndAnUnknownIdIs404() throws Exception {
    JsonNode product = json(get(first + "/products/42"), 200);
    assertThat(product.get("id").asLong()).isEqualTo(42);
    assertThat(product.get("sku").asText()).isEqualTo("SKU-0000042");
    assertThat(product.get("version").asLong()).isEqualTo(1);
    assertThat(json(get(first + "/products/" + (PRODUCTS + 1)), 404).get("error").asText()).contains("no product");
    assertThat(get(first + "/products/forty-two").statusCode()).isEqualTo(400);
  }

  @Test
  void categoryPagesWalkTheWholeCategoryThroughTheCursorInTheQueryString() throws Exception {
    Set<Long> seen = new HashSet<>();
    long lastPrice = -1;
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = json(get(second + "/categories/c07/products?limit=4" + (cursor == null ? "" : "&after=" + cursor)), 200);
      for (JsonNode product : page.get("items")) {
        assertThat(product.get("category").asText()).isEqualTo("c07");
        assertThat(product.get("priceCents").asLong()).isGreaterThanOrEqualTo(lastPrice);
        lastPrice = product.get("priceCents").asLong();
        assertThat(seen.add(product.get("id").asLong())).isTrue();
      }
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(PRODUCTS / Seeder.CATEGORIES);
    assertThat(pages).isGreaterThan(1);
    assertThat(json(get(second + "/categories/c07/products?after=not-a-cursor"), 400).get("error").asText())
        .contains("cursor");
  }

  @Test
  void searchFindsProductsWhoseNameHasEveryWord() throws Exception {
    JsonNode items = json(get(first + "/search?q=oak&limit=100"), 200).get("items");
    assertThat(items.size()).isPositive();
    for (JsonNode hit : items) {
      assertThat(hit.get("name").asText()).containsIgnoringCase("oak");
    }
    assertThat(get(first + "/search?q=%20").statusCode()).isEqualTo(400);
  }

  @Test
  void aPriceChangeReturnsTheNewVersionWhichBothInstancesThenServe() throws Exception {
    assertThat(json(get(second + "/products/7"), 200).get("version").asLong()).isEqualTo(1); // cached in second
    JsonNode changed = json(send("PUT", first + "/products/7/price", "{\"priceCents\": 1234}"), 200);
    assertThat(changed.get("version").asLong()).isEqualTo(2);
    assertThat(json(get(first + "/products/7"), 200).get("priceCents").asLong()).isEqualTo(1234);
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(json(get(second + "/products/7"), 200).get("version").asLong()).isEqualTo(2));
    assertThat(send("PUT", first + "/products/" + (PRODUCTS + 1) + "/price", "{\"priceCents\": 1}").statusCode())
        .isEqualTo(404);
    assertThat(send("PUT", first + "/products/7/price", "{\"priceCents\": -1}").statusCode()).isEqualTo(400);
  }

  @Test
  void aCartBecomesOneOrderAndCannotBeCheckedOutTwice() throws Exception {
    String cart = json(send("POST", first + "/carts", "{\"email\": \"ann@example.com\"}"), 201).get("id").asText();
    json(send("POST", first + "/carts/" + cart + "/items", "{\"productId\": 3, \"quantity\": 2}"), 201);
    json(send("POST", second + "/carts/" + cart + "/items", "{\"productId\": 5, \"quantity\": 1}"), 201);
    long price3 = json(get(first + "/products/3"), 200).get("priceCents").asLong();
    long price5 = json(get(first + "/products/5"), 200).get("priceCents").asLong();

    JsonNode order = json(send("POST", second + "/carts/" + cart + "/checkout", ""), 201);

    assertThat(order.get("lines").asInt()).isEqualTo(2);
    assertThat(order.get("total").decimalValue().movePointRight(2).longValueExact()).isEqualTo(2 * price3 + price5);
    assertThat(send("POST", first + "/carts/" + cart + "/checkout", "").statusCode()).isEqualTo(409);
    assertThat(send("POST", first + "/carts/" + UUID.randomUUID() + "/checkout", "").statusCode()).isEqualTo(404);
  }

  @Test
  void healthIsLarderHealthJsonAndMetricsArePrometheusText() throws Exception {
    get(first + "/products/1");
    JsonNode health = json(get(first + "/health"), 200);
    assertThat(health.get("status").asText()).isEqualTo("UP");
    HttpResponse<String> metrics = get(first + "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("larder_cache_requests_total{").contains("larder_pool_connections{");
  }

  @Test
  void healthIs503WhenTheDatabaseIsDown() throws Exception {
    Larder down = Larder.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")
        .redisCache(false).build();
    String url = start(down);
    assertThat(json(get(url + "/health"), 503).get("status").asText()).isEqualTo("DOWN");
  }

  private HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return JSON.readTree(response.body());
  }
}
