package dev.larder.example.service;

import dev.larder.runtime.Larder;
import dev.larder.runtime.LarderBuilder;
import dev.larder.runtime.WarmResult;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;
import org.flywaydb.core.Flyway;

/**
 * Runs the shop as an HTTP service. PostgreSQL is {@code DATABASE_URL}, or an embedded one started
 * here; Redis is {@code REDIS_URL}, or an embedded one. The schema is migrated with Flyway and an
 * empty catalog is seeded. Then it prints its URL and a few {@code curl} lines and serves until
 * stopped (Ctrl-C).
 *
 * <pre>
 * options: --port N (default 8080; 0 for a free one)  --products N (seeded when empty, default 20000)
 *          --mode larder|larder-strict|larder-local|no-cache (default larder)  --no-seed  --quiet
 *          --warm N (reads products 1 to N once before listening, default 0)
 * </pre>
 */
public final class ServiceMain {
  private ServiceMain() {}

  /**
   * Starts the service.
   *
   * @param args the options above
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    boolean quiet = options.containsKey("quiet");
    PrintStream out = System.out;
    Map<String, String> environment = new HashMap<>(System.getenv());
    EmbeddedServers embedded = new EmbeddedServers();
    if (blank(environment.get("DATABASE_URL"))) {
      out.println("DATABASE_URL is not set: starting an embedded PostgreSQL (a few seconds the first time)...");
      environment.put("DATABASE_URL", embedded.startPostgres());
    }
    if (blank(environment.get("REDIS_URL")) && blank(environment.get("REDIS_HOST"))) {
      out.println("REDIS_URL is not set: starting an embedded Redis...");
      environment.put("REDIS_URL", embedded.startRedis());
    }
    String mode = options.getOrDefault("mode", "larder");
    Larder larder = builder(mode, environment).build();
    Flyway.configure().dataSource(larder.dataSource()).locations("classpath:db/migration").load().migrate();
    if (!options.containsKey("no-seed") && productCount(larder) == 0) {
      Seeder.seed(larder, Integer.parseInt(options.getOrDefault("products", "20000")), out);
    }
    ShopService shop = new ShopService(larder);
    int warm = Integer.parseInt(options.getOrDefault("warm", "0"));
    if (warm > 0) {
      ProgressBar bar = quiet ? null : new ProgressBar(out, "warming", warm);
      WarmResult warmed = larder.warm(LongStream.rangeClosed(1, warm).boxed().toList(), shop::product, 4,
          (done, total, failed) -> {
            if (bar != null && done % 1_000 == 0) {
              bar.update(done, null);
            }
          });
      if (bar != null) {
        bar.finish(warmed.warmed() + " products read in " + warmed.took().toMillis() + " ms");
      }
    }
    HttpApi api = new HttpApi(shop)
        .start("127.0.0.1", Integer.parseInt(options.getOrDefault("port", "8080")));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      larder.close();
      embedded.close();
      stopped.countDown();
    }, "shop-stop"));
    String url = "http://127.0.0.1:" + api.port();
    if (quiet) {
      out.println("LISTENING " + api.port());
    } else {
      out.println();
      out.println("The shop is up at " + url + " (mode " + mode + "; Ctrl-C stops it). Try:");
      out.println("  curl -s " + url + "/products/42");
      out.println("  curl -s '" + url + "/categories/c07/products?limit=5'");
      out.println("  curl -s -X PUT -H 'Content-Type: application/json' -d '{\"priceCents\": 1999}' "
          + url + "/products/42/price");
      out.println("More: GET /search?q=oak+lamp, POST /carts, /health, /metrics (see README.md).");
    }
    out.flush();
    stopped.await();
  }

  /** A runtime for one of the service's modes, configured from the environment. */
  static LarderBuilder builder(String mode, Map<String, String> environment) {
    LarderBuilder builder = Larder.builder().environment(environment).poolName("shop");
    switch (mode) {
      case "larder" -> { }
      case "larder-strict" -> builder.strictReads(true);
      case "larder-local" -> builder.redisEntries(false);
      case "no-cache" -> builder.localCache(false).redisCache(false);
      default -> throw new IllegalArgumentException(
          "--mode must be larder, larder-strict, larder-local or no-cache but was '" + mode + "'");
    }
    return builder;
  }

  private static long productCount(Larder larder) {
    return larder.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM product").mapTo(Long.class).one());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
      String name = args[i].substring(2).toLowerCase(Locale.ROOT);
      boolean flag = name.equals("no-seed") || name.equals("quiet");
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
