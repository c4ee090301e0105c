package dev.larder.runtime;

import static dev.larder.runtime.ItemTable.awaitLatch;
import static dev.larder.runtime.ItemTable.awaitLatchOrThrow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.larder.runtime.internal.CacheKey;
import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cache protocol against real PostgreSQL and Redis. Two {@link Larder} instances with their
 * own in-process caches sharing one Redis stand for two processes.
 */
class CacheProtocolTest {
  private static final Duration LONG = Duration.ofMinutes(10);

  private final ItemTable items = new ItemTable("t", "cache_item_");
  /** The cache's clock: starts at the real time, moves only when a test says so. */
  private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
  private final List<Larder> opened = new ArrayList<>();

  @BeforeEach
  void createTable() {
    items.create();
  }

  @AfterEach
  void close() {
    opened.forEach(Larder::close);
    items.drop();
  }

  private Larder larder(boolean withRedis) {
    LarderBuilder builder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .cacheNamespace(items.namespace())
        .ttlJitter(0)
        .redisTimeout(Duration.ofMillis(500))
        .redisRetryAfter(Duration.ofMillis(200))
        .clock(now::get);
    if (withRedis) {
      builder.redisUrl(TestRedis.get().url());
    }
    Larder larder = builder.build();
    opened.add(larder);
    return larder;
  }

  private static CachedRead<String> read(Duration ttl, Duration swr, boolean strict) {
    return new CachedRead<>(new RepositoryMethod("ItemRepository", "name", "SELECT", "fp"),
        new CachePolicy(ttl, Duration.ofSeconds(30), swr, strict), Codecs.STRING);
  }

  private String name(Larder larder, CachedRead<String> read) {
    return larder.read(read, "item:1", () -> List.of("item:1"), items::queryName);
  }

  private void rename(Larder larder, String name) {
    items.rename(larder, name, List.of("item:1"));
  }

  @Test
  void secondReadIsAnInProcessHit() {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    assertThat(name(larder, read)).isEqualTo("old");
    assertThat(name(larder, read)).isEqualTo("old");
    assertThat(items.queries()).hasValue(1);
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(1);
    assertThat(larder.cacheStats().misses()).isEqualTo(1);
  }

  /** A generated read's in-process key: compared by value; its Redis key is the template's. */
  private record ItemKey(long id) implements CacheKey {
    @Override
    public String redisKey() {
      return "item:" + id;
    }
  }

  private String nameByKey(Larder larder, CachedRead<String> read) {
    ItemKey key = new ItemKey(1);
    String hit = larder.cached(read, key);
    return hit != null ? hit
        : larder.read(read, key, () -> List.of("item:1"), items::queryName);
  }

  @Test
  void theFastPathServesOnlyFreshValidInProcessEntriesAndCountsThemOnce() {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    assertThat(larder.cached(read, new ItemKey(1))).isNull(); // nothing cached yet
    assertThat(nameByKey(larder, read)).isEqualTo("old");
    assertThat(larder.cached(read, new ItemKey(1))).isEqualTo("old"); // an equal key object
    assertThat(larder.cached(read, new ItemKey(2))).isNull();
    assertThat(larder.cached(read(LONG, Duration.ZERO, false), new ItemKey(1)))
        .as("another read's entry under an equal key").isNull();
    rename(larder, "new");
    assertThat(larder.cached(read, new ItemKey(1))).isNull(); // invalidated
    assertThat(nameByKey(larder, read)).isEqualTo("new");
    String inTransaction = larder.inTransaction(handle -> larder.cached(read, new ItemKey(1)));
    assertThat(inTransaction).as("no cache inside a transaction").isNull();
    CacheStats stats = larder.cacheStats();
    assertThat(stats.l1Hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
    assertThat(items.queries()).hasValue(2);
  }

  /**
   * A hit skips the thread-local lookup while no thread is in a transaction: the count of open
   * transactions must come back down whether a transaction commits or fails, and a transaction
   * on another thread must not make this thread's reads skip the cache.
   */
  @Test
  void theFastPathKnowsWhichThreadIsInATransactionAfterCommitsAndFailures() throws Exception {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    assertThat(nameByKey(larder, read)).isEqualTo("old");
    assertThatThrownBy(() -> larder.inTransaction(handle -> {
      throw new IllegalStateException("the work failed");
    })).hasMessageContaining("the work failed");
    assertThat(larder.cached(read, new ItemKey(1))).as("after a failed transaction").isEqualTo("old");
    String inTransaction = larder.inTransaction(handle -> larder.cached(read, new ItemKey(1)));
    assertThat(inTransaction).isNull();
    assertThat(larder.cached(read, new ItemKey(1))).as("after a committed one").isEqualTo("old");

    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread other = new Thread(() -> larder.inTransaction(handle -> {
      inside.countDown();
      awaitLatchOrThrow(done);
      return null;
    }));
    other.start();
    try {
      awaitLatchOrThrow(inside);
      assertThat(larder.cached(read, new ItemKey(1))).as("while another thread is in one")
          .isEqualTo("old");
      String alsoInside = larder.inTransaction(handle -> larder.cached(read, new ItemKey(1)));
      assertThat(alsoInside).isNull();
    } finally {
      done.countDown();
      other.join(10_000);
    }
  }

  @Test
  void theFastPathLeavesAnEntryInItsStaleWindowToTheFullRead() {
    Larder larder = larder(true);
    CachedRead<String> read = read(Duration.ofSeconds(10), Duration.ofMinutes(1), false);
    nameByKey(larder, read);
    assertThat(larder.cached(read, new ItemKey(1))).isEqualTo("old");
    now.addAndGet(Duration.ofSeconds(11).toMillis()); // past fresh, inside stale-while-revalidate
    assertThat(larder.cached(read, new ItemKey(1))).isNull();
    assertThat(nameByKey(larder, read)).isEqualTo("old"); // served stale, refreshed behind
    assertThat(larder.cacheStats().staleServed()).isEqualTo(1);
  }

  @Test
  void aGeneratedKeyAndItsStringShareTheRedisEntry() {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    nameByKey(a, read);
    assertThat(name(b, read)).isEqualTo("old"); // "item:1", the key object's Redis key
    assertThat(b.cacheStats().l2Hits()).isEqualTo(1);
    assertThat(items.queries()).hasValue(1);
  }

  @Test
  void anotherProcessIsServedFromRedis() {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(a, read);
    assertThat(name(b, read)).isEqualTo("old");
    assertThat(items.queries()).hasValue(1);
    assertThat(b.cacheStats().l2Hits()).isEqualTo(1);
  }

  @Test
  void aRedissonYamlConfigIsTakenAsIs(@TempDir Path directory) throws Exception {
    Path yaml = directory.resolve("redisson.yaml");
    Files.writeString(yaml, "singleServerConfig:\n  address: \"" + TestRedis.get().url() + "\"\n");
    Larder fromYaml = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .cacheNamespace(items.namespace())
        .redissonConfig(yaml)
        .build();
    opened.add(fromYaml);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(larder(true), read);
    assertThat(name(fromYaml, read)).isEqualTo("old");
    assertThat(fromYaml.cacheStats().l2Hits()).isEqualTo(1);
    assertThat(items.queries()).hasValue(1);
  }

  @Test
  void writeInvalidatesOwnProcessBeforeItReturns() {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(larder, read);
    rename(larder, "new");
    assertThat(name(larder, read)).isEqualTo("new");
    assertThat(items.queries()).hasValue(2);
  }

  @Test
  void writeInOneProcessInvalidatesTheOtherWithinABoundedWait() throws Exception {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(b, read);
    rename(a, "new");
    await().atMost(Duration.ofSeconds(5)).until(() -> name(b, read), "new"::equals);
  }

  @Test
  void strictModeSeesAnotherProcessesWriteImmediately() {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, true);
    name(b, read);
    rename(a, "new");
    assertThat(name(b, read)).isEqualTo("new");
  }

  @Test
  void entryRacingAWriteIsNeverServed() throws Exception {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    CountDownLatch loaderRead = new CountDownLatch(1);
    CountDownLatch writerDone = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      // The reader's query reads the old row, then waits while the writer commits and bumps;
      // only then does the cache store what the reader read.
      Future<String> raced = pool.submit(() -> larder.read(read, "item:1", () -> List.of("item:1"),
          handle -> {
            String value = items.queryName(handle);
            loaderRead.countDown();
            awaitLatch(writerDone);
            return value;
          }));
      assertThat(loaderRead.await(10, TimeUnit.SECONDS)).isTrue();
      rename(larder, "new");
      writerDone.countDown();
      assertThat(raced.get(10, TimeUnit.SECONDS)).isEqualTo("old");
    } finally {
      pool.shutdownNow();
    }
    assertThat(name(larder, read)).isEqualTo("new");
    assertThat(name(larder(true), read)).isEqualTo("new");
  }

  @Test
  void sixtyFourThreadsMissingOneKeyRunOneQuery() throws Exception {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    int threads = 64;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch asked = new CountDownLatch(threads);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(pool.submit(() -> {
          start.await();
          asked.countDown();
          return larder.read(read, "item:1", () -> List.of("item:1"), handle -> {
            awaitLatch(asked); // hold the leader until every thread has asked
            return items.queryName(handle);
          });
        }));
      }
      for (Future<String> result : results) {
        assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo("old");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(items.queries()).hasValue(1);
  }

  @Test
  void emptyResultIsCachedWithItsOwnTtl() {
    Larder larder = larder(true);
    CachedRead<Optional<String>> read = new CachedRead<>(
        new RepositoryMethod("ItemRepository", "find", "SELECT", "fp"),
        new CachePolicy(LONG, Duration.ofMillis(200), Duration.ZERO, false),
        Codecs.optional(Codecs.STRING));
    for (int i = 0; i < 5; i++) {
      larder.read(read, "item:missing", () -> List.of("item:missing"), handle -> {
        items.queries().incrementAndGet();
        return Optional.<String>empty();
      });
    }
    assertThat(items.queries()).hasValue(1);
  }

  @Test
  void expiredEntryIsLoadedAgain() {
    Larder larder = larder(true);
    CachedRead<String> read = read(Duration.ofSeconds(10), Duration.ZERO, false);
    name(larder, read);
    now.addAndGet(9_000);
    name(larder, read);
    assertThat(items.queries()).hasValue(1);
    now.addAndGet(2_000);
    name(larder, read);
    assertThat(items.queries()).hasValue(2);
  }

  @Test
  void staleEntryIsServedWhileOneRefreshRuns() throws Exception {
    Larder larder = larder(true);
    CachedRead<String> read = read(Duration.ofSeconds(10), Duration.ofMinutes(1), false);
    assertThat(name(larder, read)).isEqualTo("old");
    items.renameBehindTheCache("refreshed");
    now.addAndGet(30_000); // past the TTL, inside the stale-while-revalidate window
    assertThat(name(larder, read)).isEqualTo("old"); // stale, and one refresh starts
    assertThat(larder.cacheStats().staleServed()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(5)).until(() -> name(larder, read), "refreshed"::equals);
    assertThat(items.queries()).hasValue(2);
  }

  @Test
  void invalidatedEntryIsNeverServedStale() {
    Larder larder = larder(true);
    CachedRead<String> read = read(LONG, Duration.ofMinutes(1), false);
    name(larder, read);
    rename(larder, "new");
    assertThat(name(larder, read)).isEqualTo("new");
  }

  @Test
  void largeValuesAreCompressedAndReadBack() {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<List<String>> read = new CachedRead<>(
        new RepositoryMethod("ItemRepository", "all", "SELECT", "fp"),
        new CachePolicy(LONG, LONG, Duration.ZERO, false), Codecs.list(Codecs.STRING));
    List<String> big = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      big.add("row " + i + " ünïcødé " + "x".repeat(i % 50));
    }
    a.read(read, "items:all", List::of, handle -> big);
    List<String> fromRedis = b.read(read, "items:all", List::of, handle -> List.of("wrong"));
    assertThat(fromRedis).isEqualTo(big);
    assertThat(b.cacheStats().l2Hits()).isEqualTo(1);
  }

  @Test
  void keysWithSeparatorsUnicodeAndLongValuesWork() {
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    String key = "item:" + dev.larder.runtime.internal.KeyEncoding.part("a:b,c ü 😀 " + "z".repeat(500));
    a.read(read, key, () -> List.of("item:1"), handle -> "value");
    assertThat(b.read(read, key, () -> List.of("item:1"), handle -> "other")).isEqualTo("value");
  }

  @Test
  void ttlJitterSpreadsTheExpiriesOfEntriesWrittenTogether() {
    Larder larder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .redisCache(false)
        .ttlJitter(0.5)
        .clock(now::get)
        .build();
    opened.add(larder);
    // Fresh for between 1 and 2 seconds each; looked at again after 1.5 s.
    CachedRead<String> read = read(Duration.ofSeconds(2), Duration.ZERO, false);
    AtomicInteger loads = new AtomicInteger();
    for (int i = 0; i < 200; i++) {
      larder.read(read, "jitter:" + i, List::of, handle -> "v" + loads.incrementAndGet());
    }
    now.addAndGet(1_500);
    for (int i = 0; i < 200; i++) {
      larder.read(read, "jitter:" + i, List::of, handle -> "v" + loads.incrementAndGet());
    }
    int reloaded = loads.get() - 200;
    assertThat(reloaded).isBetween(1, 199);
  }

  @Test
  void withoutRedisTheProcessCachesAndInvalidatesAlone() {
    Larder larder = larder(false);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(larder, read);
    name(larder, read);
    rename(larder, "new");
    assertThat(name(larder, read)).isEqualTo("new");
    assertThat(items.queries()).hasValue(2);
    assertThat(larder.cacheStats().redisAvailable()).isFalse();
  }

  @Test
  void redisStoppedAndRestartedEmptyNeverServesOldEntries() throws Exception {
    assumeTrue(TestRedis.get().isEmbedded(), "needs the embedded Redis to stop it");
    Larder a = larder(true);
    Larder b = larder(true);
    CachedRead<String> read = read(LONG, Duration.ZERO, false);
    name(a, read);
    name(b, read);
    TestRedis.get().stop();
    try {
      // Reads and writes keep working from PostgreSQL; nothing is thrown.
      rename(a, "during-outage");
      for (int i = 0; i < 10; i++) {
        assertThat(name(a, read)).isEqualTo("during-outage");
      }
      assertThat(a.cacheStats().pendingInvalidations()).isGreaterThan(0);
    } finally {
      TestRedis.get().restart();
    }
    // b never heard the outage's bump; once Redis is back, it must not serve "old".
    await().atMost(Duration.ofSeconds(10)).until(() -> name(b, read), "during-outage"::equals);
  }
}
