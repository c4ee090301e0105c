package dev.larder.example.load;

import dev.larder.example.service.EmbeddedServers;
import dev.larder.example.service.ProgressBar;
import dev.larder.example.service.Seeder;
import dev.larder.runtime.Larder;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.flywaydb.core.Flyway;

/**
 * The load comparison ({@code mvn -q -pl example -am verify -DskipTests -Pload}): seeds the
 * catalog, then for each configuration starts two instances of the service under test as
 * processes, drives both over HTTP with a fixed number of clients, measures, and writes the
 * report. System properties: {@code load.seconds} (measured seconds per configuration, default
 * 60), {@code load.warmup} (unmeasured seconds before, default a quarter, at most 15),
 * {@code load.clients} (default 32), {@code load.products} (default 100 000),
 * {@code load.warmProducts} (the most popular products each instance reads before it reports
 * healthy, as a service that has run a while holds them; -1 or unset for a fifth of the products),
 * {@code load.configurations} (comma-separated, default all), {@code load.peerJar},
 * {@code load.output}.
 */
public final class LoadMain {
  /** The Zipf exponent of product popularity (YCSB's constant). */
  static final double ZIPF_EXPONENT = 0.99;
  /** How old a replaced version may be in the default mode's stated window (cross-process). */
  static final Duration STALE_WINDOW = Duration.ofSeconds(1);
  private static final int POOL_SIZE = 20;
  private static final int INSTANCES = 2;

  private LoadMain() {}

  /**
   * Runs the comparison.
   *
   * @param args ignored; see the class comment for the properties
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    Settings settings = Settings.fromSystemProperties();
    List<Result> results = new ArrayList<>();
    try (LoadServers servers = new LoadServers(System.getenv());
        Larder admin = Larder.builder().jdbcUrl(servers.jdbcUrl()).localCache(false).redisCache(false)
            .poolName("load-admin").build()) {
      out.println("Load: " + settings.describe() + "; " + servers.description() + ".");
      Flyway.configure().dataSource(admin.dataSource()).locations("classpath:db/migration").load().migrate();
      admin.jdbi().useHandle(h -> h.execute("TRUNCATE order_line, customer_order, cart_item, cart, product,"
          + " category RESTART IDENTITY CASCADE"));
      Seeder.seed(admin, settings.products(), out);
      admin.jdbi().useHandle(h -> h.execute("ANALYZE"));
      DatabaseCounters database = new DatabaseCounters(admin.jdbi());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5)).build();
      Zipf zipf = new Zipf(settings.products(), ZIPF_EXPONENT);
      for (Configuration configuration : settings.configurations()) {
        admin.jdbi().useHandle(h -> h.execute("TRUNCATE order_line, customer_order, cart_item, cart"));
        servers.flushRedis();
        results.add(runOne(configuration, settings, servers, database, http, zipf, out));
      }
      LoadReport report = new LoadReport(settings, database.source(), results);
      report.printTable(out);
      report.write(settings.output());
      out.println("Report: " + settings.output().resolve("report.json") + " and "
          + settings.output().resolve("report.html"));
    }
  }

  private static Result runOne(Configuration configuration, Settings settings, LoadServers servers,
      DatabaseCounters database, HttpClient http, Zipf zipf, PrintStream out) throws InterruptedException {
    out.println();
    out.println("== " + configuration.label() + ": starting " + INSTANCES + " instances...");
    try (LoadRun run = new LoadRun(http)) {
      for (int i = 0; i < INSTANCES; i++) {
        int port = EmbeddedServers.freePort();
        run.start(configuration.command(port, servers, System.getProperty("java.class.path"),
            settings.peerJar(), POOL_SIZE, settings.warmProducts()), port,
            settings.output().resolve("logs").resolve(configuration.label() + "-" + (i + 1) + ".log"));
      }
      VersionLedger ledger = new VersionLedger(STALE_WINDOW.toNanos());
      Measurements measurements = new Measurements();
      List<LoadClient> clients = new ArrayList<>();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < settings.clients(); i++) {
        LoadClient client = new LoadClient(http, run.baseUrls().get(i % INSTANCES), zipf, ledger, measurements,
            1_000 + i);
        clients.add(client);
        Thread thread = new Thread(client, "load-client-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
      ProgressBar warmup = new ProgressBar(out, "warm-up", settings.warmupSeconds());
      for (int s = 1; s <= settings.warmupSeconds(); s++) {
        Thread.sleep(1_000);
        warmup.update(s, null);
      }
      warmup.finish("not measured");
      MetricsText before = run.metrics();
      long[] statementsBefore = database.read();
      Map<String, Long> cpuBefore = CpuTimes.sample(run.processes());
      ledger.resetCounts();
      measurements.start();
      ProgressBar bar = new ProgressBar(out, configuration.label(), settings.seconds());
      double poolSum = 0;
      double poolMax = 0;
      int poolSamples = 0;
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.seconds());
      for (int second = 1; second <= settings.seconds(); second++) {
        long tickAt = end - TimeUnit.SECONDS.toNanos(settings.seconds() - second);
        while (System.nanoTime() - tickAt < 0) {
          double active = run.metrics().poolActive();
          poolSum += active;
          poolMax = Math.max(poolMax, active);
          poolSamples++;
          Thread.sleep(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(tickAt - System.nanoTime()))));
        }
        Measurements.Point point = measurements.tick(second);
        bar.update(second, String.format(Locale.ROOT, "%,d req/s  p99 %.1f ms  stale %d", point.requests(),
            point.p99Micros() / 1000.0, ledger.stale()));
      }
      measurements.stop();
      Map<String, Long> cpuAfter = CpuTimes.sample(run.processes());
      clients.forEach(LoadClient::stop);
      MetricsText after = run.metrics();
      Thread.sleep(600); // pg_stat_database is published every 500 ms
      long[] statementsAfter = database.read();
      bar.finish(null);
      for (Thread thread : threads) {
        thread.join(15_000);
      }
      Histogram latency = measurements.total();
      long reads = measurements.reads.sum();
      long requests = reads + measurements.writes.sum();
      double hits = after.cacheHits() - before.cacheHits();
      double lookups = hits + after.cacheMisses() - before.cacheMisses();
      long readStatements = statementsAfter[0] - statementsBefore[0];
      long writeStatements = statementsAfter[1] - statementsBefore[1];
      return new Result(configuration.label(), requests, (double) requests / settings.seconds(),
          latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getValueAtPercentile(99.9),
          lookups == 0 ? 0 : hits / lookups,
          requests == 0 ? 0 : (double) (readStatements + writeStatements) / requests,
          reads == 0 ? 0 : (double) readStatements / reads,
          poolSamples == 0 ? 0 : poolSum / poolSamples, poolMax,
          measurements.errors.sum(), ledger.stale(), ledger.staleOutsideWindow(), ledger.maxLagMicros(),
          CpuTimes.perRequest(cpuBefore, cpuAfter, requests), measurements.timeline());
    }
  }

  /**
   * The figures of one configuration.
   *
   * @param dbReadsPerRead SELECT statements per read request
   * @param staleReadsOutsideWindow stale reads whose replaced version was older than {@link #STALE_WINDOW}
   * @param staleMaxLagMicros the largest time between a replacing write's answer and a stale read's start
   * @param cpuMillisPerRequest CPU milliseconds per request by part (see {@link CpuTimes})
   */
  record Result(String name, long requests, double requestsPerSecond, long p50Micros, long p99Micros,
      long p999Micros, double hitRate, double dbQueriesPerRequest, double dbReadsPerRead, double poolActiveMean,
      double poolActiveMax, long errors, long staleReads, long staleReadsOutsideWindow, long staleMaxLagMicros,
      Map<String, Double> cpuMillisPerRequest, List<Measurements.Point> timeline) {}

  /** The run's settings, from system properties. */
  record Settings(int seconds, int warmupSeconds, int clients, int products, int warmProducts,
      List<Configuration> configurations, Path peerJar, Path output) {

    static Settings fromSystemProperties() {
      int seconds = Integer.getInteger("load.seconds", 60);
      List<Configuration> configurations = Arrays.stream(System.getProperty("load.configurations",
              "no-cache,larder,larder-strict,larder-local,spring-cache,spring-cache-redis").split(","))
          .map(Configuration::of).toList();
      int warmup = Integer.getInteger("load.warmup", -1);
      int products = Integer.getInteger("load.products", 100_000);
      int warmProducts = Integer.getInteger("load.warmProducts", -1);
      warmProducts = warmProducts == -1 ? products / 5 : warmProducts;
      if (warmProducts < 0 || warmProducts > products) {
        throw new IllegalArgumentException("load.warmProducts must be between 0 and load.products (" + products
            + ") but was " + warmProducts);
      }
      return new Settings(seconds, warmup >= 0 ? warmup : Math.min(15, Math.max(1, seconds / 4)),
          Integer.getInteger("load.clients", 32), products, warmProducts, configurations,
          Path.of(System.getProperty("load.peerJar", "../peer-spring/target/larder-peer-spring.jar")),
          Path.of(System.getProperty("load.output", "target/load")));
    }

    String describe() {
      return String.format(Locale.ROOT, "%d products (each instance reads the %d most popular before it starts),"
          + " %d clients over %d instances, %d s warm-up + %d s measured per configuration, Zipf %.2f", products,
          warmProducts, clients, INSTANCES, warmupSeconds, seconds, ZIPF_EXPONENT);
    }
  }
}
