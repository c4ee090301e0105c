package dev.larder.runtime;

import static dev.larder.runtime.ItemTable.awaitLatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.FaultProxy;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a cached read sees after something went wrong: a write or commit whose outcome the client
 * never learned, an {@link Error} inside a transaction, a failed load with callers waiting on it,
 * refreshes stuck in the queue, and a bad tag in an invalidation.
 */
class FailureOutcomeTest {
  private static final Duration LONG = Duration.ofMinutes(10);
  /** One instance, as generated code has: the cache matches entries on their read. */
  private static final CachedRead<String> NAME = read(LONG, Duration.ZERO);
  /** How long a loader waits for its latch: the bound only keeps a broken test from hanging. */
  private static final Duration LATCH_BOUND = Duration.ofMinutes(2);

  private final ItemTable items = new ItemTable("f", "outcome_item_");
  /** The cache's clock: starts at the real time, moves only when a test says so. */
  private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createTable() {
    items.create();
  }

  @AfterEach
  void closeAndDrop() throws Exception {
    // Runtimes first, proxies after: a pool closes its connections while they still lead somewhere.
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    items.drop();
  }

  private LarderBuilder builder() {
    return Larder.builder()
        .cacheNamespace(items.namespace())
        .ttlJitter(0)
        .redisTimeout(Duration.ofMillis(500))
        .redisRetryAfter(Duration.ofMillis(200))
        .clock(now::get);
  }

  private Larder open(LarderBuilder builder) {
    Larder larder = builder.build();
    opened.add(0, larder);
    return larder;
  }

  /** A runtime on the test database and Redis. */
  private Larder larder() {
    return open(builder().dataSource(TestDatabase.get().dataSource()).redisUrl(TestRedis.get().url()));
  }

  /** A proxy in front of the test database, and a runtime whose own pool connects through it. */
  private Larder larderThrough(FaultProxy proxy) {
    URI database = databaseUri(); // its query keeps the JVM's currentSchema
    return open(builder()
        .jdbcUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + database.getRawPath()
            + "?" + database.getRawQuery())
        .poolName("outcome-" + items.namespace())
        .maximumPoolSize(2)
        .redisUrl(TestRedis.get().url()));
  }

  private FaultProxy proxyToDatabase() {
    URI database = databaseUri();
    FaultProxy proxy = FaultProxy.start(database.getHost(),
        database.getPort() > 0 ? database.getPort() : 5432);
    opened.add(proxy);
    return proxy;
  }

  /** The test database's JDBC URL without {@code jdbc:}, to take it apart. */
  private static URI databaseUri() {
    return URI.create(TestDatabase.get().jdbcUrl().substring("jdbc:".length()));
  }

  private static CachedRead<String> read(Duration ttl, Duration swr) {
    return new CachedRead<>(new RepositoryMethod("ItemRepository", "name", "SELECT", "fp"),
        new CachePolicy(ttl, Duration.ofSeconds(30), swr, false), Codecs.STRING);
  }

  private String name(Larder larder) {
    return larder.read(NAME, "item:1", () -> List.of("item:1"), items::queryName);
  }

  private void rename(Larder larder, String name) {
    items.rename(larder, name, List.of("item:1"));
  }

  /** The row as the database has it, bypassing every cache and the proxy. */
  private String committedName() throws SQLException {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(
            "SELECT name FROM " + items.table() + " WHERE id = 1")) {
      row.next();
      return row.getString(1);
    }
  }

  @Test
  void aCommitWhoseAnswerIsLostStillInvalidatesTheCachedRead() throws Exception {
    FaultProxy proxy = proxyToDatabase();
    Larder larder = larderThrough(proxy);
    assertThat(name(larder)).isEqualTo("old");

    assertThatThrownBy(() -> larder.inTransaction(handle -> {
      rename(larder, "new");
      proxy.cutAfterClientSends("COMMIT"); // the server commits, its answer never arrives
      return null;
    })).satisfies(FailureOutcomeTest::isALostConnection);

    assertThat(proxy.armedCuts()).isEqualTo(1);
    assertThat(committedName()).isEqualTo("new");
    assertThat(name(larder)).isEqualTo("new");
    assertThat(items.queries()).hasValue(2);
  }

  @Test
  void anAutocommitWriteWhoseAnswerIsLostStillInvalidatesTheCachedRead() throws Exception {
    FaultProxy proxy = proxyToDatabase();
    Larder larder = larderThrough(proxy);
    assertThat(name(larder)).isEqualTo("old");

    // The statement runs and commits, unanswered.
    proxy.cutAfterClientSends("UPDATE " + items.table());
    assertThatThrownBy(() -> rename(larder, "new"))
        .isInstanceOf(RepositoryException.class)
        .satisfies(FailureOutcomeTest::isALostConnection);

    assertThat(proxy.armedCuts()).isEqualTo(1);
    assertThat(committedName()).isEqualTo("new");
    assertThat(name(larder)).isEqualTo("new");
    assertThat(items.queries()).hasValue(2);
  }

  @Test
  void anErrorInsideATransactionRollsBackAndLeavesTheThreadOutOfIt() throws Exception {
    Larder larder = larder();
    assertThat(name(larder)).isEqualTo("old");

    assertThatThrownBy(() -> larder.inTransaction(handle -> {
      rename(larder, "inside");
      throw new AssertionError("boom");
    })).isInstanceOf(AssertionError.class).hasMessage("boom");

    assertThat(larder.isInTransaction()).isFalse();
    assertThat(committedName()).isEqualTo("old");
    assertThat(name(larder)).isEqualTo("old");
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(1); // served by the cache again
    assertThat(items.queries()).hasValue(1);
  }

  @Test
  void followersOfAFailedLoadGetTheLeadersRepositoryException() throws Exception {
    Larder larder = larder();
    CountDownLatch leaderLoading = new CountDownLatch(1);
    CountDownLatch failNow = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    HandleCallback<String, RuntimeException> failingQuery = handle -> {
      loads.incrementAndGet();
      leaderLoading.countDown();
      awaitLatch(failNow, LATCH_BOUND);
      return handle.createQuery("SELECT no_such_column FROM " + items.table())
          .mapTo(String.class).one();
    };

    Callable<String> readName = () -> larder.read(NAME, "item:1", () -> List.of("item:1"),
        failingQuery);
    List<Call<String>> followers = new ArrayList<>();
    Call<String> leader = start("leader", readName);
    try {
      assertThat(leaderLoading.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 4; i++) {
        followers.add(start("follower-" + i, readName));
      }
      // Parked on the leader's flight: the only place a follower waits without a time limit.
      await().atMost(Duration.ofSeconds(10)).until(() -> followers.stream()
          .allMatch(follower -> follower.thread().getState() == Thread.State.WAITING));
    } finally {
      failNow.countDown();
    }

    assertThat(failureOf(leader)).isInstanceOfSatisfying(RepositoryException.class,
        e -> assertThat(e.sqlState()).isEqualTo("42703"));
    for (Call<String> follower : followers) {
      assertThat(failureOf(follower)).isInstanceOfSatisfying(RepositoryException.class,
          e -> assertThat(e.sqlState()).isEqualTo("42703"));
    }
    assertThat(loads).hasValue(1);
  }

  @Test
  void aForegroundMissDoesNotWaitBehindAQueuedRefresh() throws Exception {
    // No Redis: the refresh executor (two threads) and the flights are all there is.
    Larder larder = open(builder().dataSource(TestDatabase.get().dataSource()).redisCache(false));
    CachedRead<String> read = read(Duration.ofSeconds(10), Duration.ofMinutes(1));
    CountDownLatch refreshesRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    HandleCallback<String, RuntimeException> stuck = handle -> {
      refreshesRunning.countDown();
      awaitLatch(release, LATCH_BOUND);
      return "refreshed";
    };
    try {
      for (String key : List.of("a", "b", "k")) {
        larder.read(read, key, () -> List.of("tag:" + key), handle -> key + "-v1");
      }
      now.addAndGet(30_000); // past the TTL, inside the stale-while-revalidate window

      // Both refresh threads block in their loaders; the refresh of k can only queue.
      assertThat(larder.read(read, "a", () -> List.of("tag:a"), stuck)).isEqualTo("a-v1");
      assertThat(larder.read(read, "b", () -> List.of("tag:b"), stuck)).isEqualTo("b-v1");
      assertThat(refreshesRunning.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(larder.read(read, "k", () -> List.of("tag:k"), handle -> "k-refreshed"))
          .isEqualTo("k-v1");
      assertThat(larder.cacheStats().staleServed()).isEqualTo(3);

      larder.invalidateTags(List.of("tag:k"));
      Call<String> miss = start("foreground-miss",
          () -> larder.read(read, "k", () -> List.of("tag:k"), handle -> "k-loaded"));
      try {
        assertThat(miss.result().get(30, TimeUnit.SECONDS)).isEqualTo("k-loaded");
      } catch (TimeoutException e) {
        fail("the foreground read of an invalidated key waited behind its queued refresh"
            + " (still waiting after 30 s, while both refresh threads were blocked)");
      }
    } finally {
      release.countDown();
    }
  }

  @Test
  void aTagWithALineBreakInvalidatesNothing() {
    Larder larder = larder();
    assertThat(name(larder)).isEqualTo("old");

    assertThatThrownBy(() -> larder.invalidateTags(List.of("item:1", "bad\ntag")))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(name(larder)).isEqualTo("old");
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(1);
    assertThat(items.queries()).hasValue(1);
  }

  /** SQLSTATE class 08: the connection broke, so the client cannot know what the server did. */
  private static void isALostConnection(Throwable failure) {
    assertThat(RepositoryException.sqlStateOf(failure)).startsWith("08");
  }

  /** A call running on a thread of its own. */
  private record Call<T>(Thread thread, FutureTask<T> result) {}

  private static <T> Call<T> start(String name, Callable<T> work) {
    FutureTask<T> result = new FutureTask<>(work);
    Thread thread = new Thread(result, name);
    thread.setDaemon(true);
    thread.start();
    return new Call<>(thread, result);
  }

  /** What the call threw, itself (not a wrapper); fails the test if it returned instead. */
  private static Throwable failureOf(Call<?> call) throws Exception {
    try {
      Object value = call.result().get(30, TimeUnit.SECONDS);
      return fail("expected a failure but got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
