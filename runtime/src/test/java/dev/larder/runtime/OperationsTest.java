package dev.larder.runtime;

import static dev.larder.runtime.ItemTable.awaitLatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.KeyEncoding;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, metrics, warming and invalidation from outside writers, on real servers. */
class OperationsTest {
  private final ItemTable items = new ItemTable("ops", "ops_item_");
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createTable() {
    items.create("SELECT g, 'name ' || g FROM generate_series(1, 100) g");
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
    items.drop();
  }

  private Larder larder(boolean redis) {
    LarderBuilder builder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .cacheNamespace(items.namespace())
        .redisRetryAfter(Duration.ofMillis(200));
    if (redis) {
      builder.redisUrl(TestRedis.get().url());
    } else {
      builder.redisCache(false);
    }
    Larder larder = builder.build();
    opened.add(0, larder);
    return larder;
  }

  private static CachedRead<String> read(String method, String template) {
    return new CachedRead<>(new RepositoryMethod("ItemRepository", method, "SELECT", "fp"),
        new CachePolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ZERO, false),
        Codecs.STRING, template);
  }

  private static final CachedRead<String> NAME = read("name", "item:{id}");
  private static final CachedRead<String> LABEL = read("label", "label:{id}");
  private static final RepositoryMethod RENAME = new RepositoryMethod("ItemRepository", "rename", "UPDATE", "fp");

  private String name(Larder larder, long id) {
    return larder.read(NAME, "item:" + id, () -> List.of("item:" + KeyEncoding.part(id)),
        handle -> select(handle, id));
  }

  private String select(Handle handle, long id) {
    return handle.createQuery("SELECT name FROM " + items.table() + " WHERE id = :id")
        .bind("id", id).mapTo(String.class).one();
  }

  private void rename(Larder larder, long id, String name) {
    larder.write(RENAME, List.of("item:" + id), handle -> handle
        .createUpdate("UPDATE " + items.table() + " SET name = :name WHERE id = :id")
        .bind("name", name).bind("id", id).execute());
  }

  @Test
  void healthIsUpWhenDatabaseAndRedisAnswer() {
    Health health = larder(true).health();
    assertThat(health.status()).isEqualTo(Health.Status.UP);
    assertThat(health.database().up()).isTrue();
    assertThat(health.redis().up()).isTrue();
    assertThat(health.redis().breaker()).isEqualTo("CLOSED");
    assertThat(health.toJson()).startsWith("{\"status\":\"UP\",\"database\":{\"up\":true")
        .contains("\"redis\":{\"configured\":true,\"up\":true");
  }

  @Test
  void healthIsUpWithoutRedisWhenNoneIsConfigured() {
    Health health = larder(false).health();
    assertThat(health.status()).isEqualTo(Health.Status.UP);
    assertThat(health.redis().configured()).isFalse();
  }

  @Test
  void healthIsDegradedWhileRedisIsDown() {
    assumeTrue(TestRedis.get().isEmbedded(), "needs the embedded Redis to stop it");
    Larder larder = larder(true);
    TestRedis.get().stop();
    try {
      Health health = larder.health();
      assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
      assertThat(health.redis().up()).isFalse();
      assertThat(name(larder, 1)).isEqualTo("name 1"); // and reads go on
    } finally {
      TestRedis.get().restart();
    }
  }

  @Test
  void healthIsDownWhenTheDatabaseIsGoneAndNothingIsThrown() {
    Larder larder = Larder.builder().jdbcUrl(TestDatabase.get().jdbcUrl()).redisCache(false).build();
    opened.add(larder);
    assertThat(larder.health().status()).isEqualTo(Health.Status.UP);
    assertThat(larder.health().database().totalConnections()).isPositive();
    ((com.zaxxer.hikari.HikariDataSource) larder.dataSource()).close();
    Health health = larder.health();
    assertThat(health.status()).isEqualTo(Health.Status.DOWN);
    assertThat(health.database().error()).isNotBlank();
    assertThat(health.toJson()).contains("\"status\":\"DOWN\"");
  }

  @Test
  void metricsCountAScriptedSequenceExactly() {
    Larder larder = larder(true);
    name(larder, 1);          // miss
    name(larder, 1);          // L1 hit
    name(larder, 2);          // miss
    rename(larder, 1, "x");   // invalidates item:1
    name(larder, 1);          // miss
    name(larder, 1);          // L1 hit
    MethodStats reads = larder.methodStats().get("ItemRepository.name");
    assertThat(reads.requests()).isEqualTo(5);
    assertThat(reads.l1Hits()).isEqualTo(2);
    assertThat(reads.l2Hits()).isZero();
    assertThat(reads.misses()).isEqualTo(3);
    assertThat(reads.loads()).isEqualTo(3);
    assertThat(reads.loadNanos()).isPositive();
    assertThat(larder.methodStats().get("ItemRepository.rename").invalidations()).isEqualTo(1);
    assertThat(larder.invalidationsByTagFamily()).containsEntry("item", 1L);
    assertThat(larder.cacheStats().hitRate()).isEqualTo(0.4);
  }

  @Test
  void aMicrometerRegistryReceivesTheCounters() {
    Larder larder = larder(false);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new LarderMetrics(larder).bindTo(registry);
    name(larder, 1);
    name(larder, 1);
    rename(larder, 1, "y");
    larder.inTransaction(TransactionOptions.named("noop"), handle -> 1);
    assertThat(registry.get("larder.cache.requests").tag("repository", "ItemRepository")
        .tag("method", "name").functionCounter().count()).isEqualTo(2);
    assertThat(registry.get("larder.cache.hits").tag("method", "name").tag("level", "l1")
        .functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("larder.cache.misses").tag("method", "name").functionCounter().count())
        .isEqualTo(1);
    assertThat(registry.get("larder.cache.loads").tag("method", "name").functionTimer().count())
        .isEqualTo(1);
    assertThat(registry.get("larder.cache.invalidations").tag("method", "rename")
        .functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("larder.cache.tag.invalidations").tag("family", "item")
        .functionCounter().count()).isEqualTo(1);
    assertThat(registry.get("larder.transactions").tag("name", "noop").tag("outcome", "committed")
        .functionCounter().count()).isEqualTo(1);
  }

  @Test
  void poolGaugesAreRegisteredForAHikariPool() {
    Larder larder = Larder.builder().jdbcUrl(TestDatabase.get().jdbcUrl()).redisCache(false).build();
    opened.add(larder);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new LarderMetrics(larder).bindTo(registry);
    larder.health(); // opens a connection
    assertThat(registry.get("larder.pool.connections").tag("state", "total").gauge().value())
        .isPositive();
  }

  @Test
  void warmingLoadsEveryKeyWithProgressAndBoundedConcurrency() {
    Larder larder = larder(true);
    List<Long> ids = IntStream.rangeClosed(1, 50).mapToObj(i -> (long) i).toList();
    List<Integer> reported = new CopyOnWriteArrayList<>();
    WarmResult result = larder.warm(ids, id -> name(larder, id), 4,
        (done, total, failed) -> reported.add(done));
    assertThat(result.total()).isEqualTo(50);
    assertThat(result.warmed()).isEqualTo(50);
    assertThat(result.failed()).isZero();
    assertThat(reported).hasSize(50).contains(50);
    long missesBefore = larder.cacheStats().misses();
    ids.forEach(id -> name(larder, id));
    assertThat(larder.cacheStats().misses()).isEqualTo(missesBefore);
  }

  @Test
  void aWriteDuringWarmingWins() throws Exception {
    Larder larder = larder(true);
    CountDownLatch read = new CountDownLatch(1);
    CountDownLatch written = new CountDownLatch(1);
    Thread warming = new Thread(() -> larder.warm(List.of(7L), id ->
        larder.read(NAME, "item:7", () -> List.of("item:7"), handle -> {
          String old = select(handle, 7);
          read.countDown();
          awaitLatch(written);
          return old;
        }), 1, (done, total, failed) -> { }));
    warming.start();
    assertThat(read.await(10, TimeUnit.SECONDS)).isTrue();
    rename(larder, 7, "written during warming");
    written.countDown();
    warming.join(10_000);
    assertThat(name(larder, 7)).isEqualTo("written during warming");
  }

  @Test
  void aPlainJdbcUpdateWithATriggerInvalidatesTheCachedRead() throws Exception {
    Larder larder = larder(true);
    String channel = "inv_" + items.namespace();
    executeScript(InvalidationTriggers.forTable(items.table(), channel, "item:{id}"));
    InvalidationListener listener = larder.listenForInvalidations(channel);
    await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
    assertThat(name(larder, 3)).isEqualTo("name 3");

    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "UPDATE " + items.table() + " SET name = 'changed in psql' WHERE id = 3");
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> name(larder, 3), "changed in psql"::equals);
    assertThat(name(larder, 4)).isEqualTo("name 4");
  }

  @Test
  void theSqlKeyEncodingMatchesTheJavaOne() throws Exception {
    executeScript(InvalidationTriggers.keyPartFunction());
    List<String> values = List.of("42", "plain", "a:b", "with space", "tab\there", "",
        "100%", "ünïcødé", "{braces}", "\"quoted\"", "x".repeat(70), "a:b".repeat(30));
    Larder larder = larder(false);
    for (String value : values) {
      String sql = larder.jdbi().withHandle(h -> h.createQuery("SELECT larder_key_part(:v)")
          .bind("v", value).mapTo(String.class).one());
      assertThat(sql).as("encoding of %s", value).isEqualTo(KeyEncoding.part(value));
    }
  }

  @Test
  void invalidationByKeyPatternUsesTheTemplatesNotRedis() {
    Larder larder = larder(true);
    larder.register(NAME, LABEL);
    AtomicInteger labelLoads = new AtomicInteger();
    name(larder, 1);
    larder.read(LABEL, "label:1", List::of, handle -> "label " + labelLoads.incrementAndGet());
    items.renameBehindTheCache("behind the cache");

    assertThat(larder.invalidateKeys("item:*")).containsExactly("ItemRepository.name");

    assertThat(name(larder, 1)).isEqualTo("behind the cache");
    assertThat(larder.read(LABEL, "label:1", List::of, handle -> "label " + labelLoads.incrementAndGet()))
        .isEqualTo("label 1");
    assertThat(larder.invalidateKeys("nothing:*")).isEmpty();
  }

  /** Runs SQL with dollar-quoted bodies as one JDBC statement, as Flyway or psql would. */
  private static void executeScript(String sql) throws Exception {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
