package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.annotation.Isolation;
import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transactions on real PostgreSQL: retries, joins, read-only, and invalidation after commit. */
class TransactionTest {
  private static final RepositoryMethod SET = new RepositoryMethod("Items", "set", "UPDATE", "fp");
  private static final CachedRead<String> NAME = new CachedRead<>(
      new RepositoryMethod("Items", "name", "SELECT", "fp"),
      new CachePolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ZERO, false),
      Codecs.STRING);

  private Larder larder;
  private String table;
  private final AtomicInteger queries = new AtomicInteger();

  @BeforeEach
  void setUp() {
    table = "tx_item_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    TestDatabase.get().execute("CREATE TABLE " + table
        + " (id bigint PRIMARY KEY, name text UNIQUE, balance bigint NOT NULL DEFAULT 0)");
    TestDatabase.get().execute("INSERT INTO " + table + " (id, name) VALUES (1, 'one'), (2, 'two')");
    larder = Larder.builder().dataSource(TestDatabase.get().dataSource()).redisCache(false).build();
  }

  @AfterEach
  void tearDown() {
    larder.close();
    TestDatabase.get().execute("DROP TABLE " + table);
  }

  private static TransactionOptions fast(String name) {
    return TransactionOptions.named(name).withBackoff(Duration.ofMillis(1), Duration.ofMillis(20));
  }

  private String cachedName() {
    return larder.read(NAME, "item:1", () -> List.of("item:1"), handle -> {
      queries.incrementAndGet();
      return handle.createQuery("SELECT name FROM " + table + " WHERE id = 1")
          .mapTo(String.class).one();
    });
  }

  private void rename(String name) {
    larder.write(SET, List.of("item:1"), handle -> handle
        .createUpdate("UPDATE " + table + " SET name = :name WHERE id = 1")
        .bind("name", name).execute());
  }

  private static void raise(Handle handle, String sqlState) {
    handle.execute("DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = '" + sqlState + "'; END $$");
  }

  @Test
  void aDeadlockBetweenTwoThreadsIsRetriedAndBothCommit() throws Exception {
    CyclicBarrier bothLocked = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = pool.submit(() -> lockBoth(1, 2, bothLocked));
      Future<Integer> second = pool.submit(() -> lockBoth(2, 1, bothLocked));
      assertThat(first.get(30, TimeUnit.SECONDS) + second.get(30, TimeUnit.SECONDS))
          .isGreaterThanOrEqualTo(3); // one of them ran twice
    } finally {
      pool.shutdownNow();
    }
    TransactionStats stats = larder.transactionStats().get("opposite-order");
    assertThat(stats.committed()).isEqualTo(2);
    assertThat(stats.deadlocks()).isGreaterThanOrEqualTo(1);
    assertThat(stats.retries()).isGreaterThanOrEqualTo(1);
    assertThat(balance(1) + balance(2)).isEqualTo(4);
  }

  /** Locks row {@code a}, waits until the other thread locked {@code b}, then wants {@code b}. */
  private int lockBoth(long a, long b, CyclicBarrier bothLocked) {
    AtomicInteger attempts = new AtomicInteger();
    larder.inTransaction(fast("opposite-order"), handle -> {
      int attempt = attempts.incrementAndGet();
      handle.execute("UPDATE " + table + " SET balance = balance + 1 WHERE id = ?", a);
      if (attempt == 1) {
        try {
          bothLocked.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      handle.execute("UPDATE " + table + " SET balance = balance + 1 WHERE id = ?", b);
      return null;
    });
    return attempts.get();
  }

  private long balance(long id) {
    return larder.jdbi().withHandle(h -> h.createQuery(
        "SELECT balance FROM " + table + " WHERE id = :id").bind("id", id).mapTo(Long.class).one());
  }

  @Test
  void aUniqueViolationFailsAtOnceWithoutRetry() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> larder.inTransaction(fast("dup"), handle -> {
      runs.incrementAndGet();
      return larder.write(SET, List.of(), h -> h.createUpdate(
          "INSERT INTO " + table + " (id, name) VALUES (3, 'one')").execute());
    })).isInstanceOf(RepositoryException.class)
        .extracting(e -> ((RepositoryException) e).sqlState()).isEqualTo("23505");
    assertThat(runs).hasValue(1);
    assertThat(larder.transactionStats().get("dup").rolledBack()).isEqualTo(1);
    assertThat(larder.transactionStats().get("dup").retries()).isZero();
  }

  @Test
  void exhaustedAttemptsSayHowManyAndCarryEveryFailure() {
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> larder.inTransaction(fast("always").withMaxAttempts(3), handle -> {
      runs.incrementAndGet();
      raise(handle, "40001");
      return null;
    })).isInstanceOfSatisfying(TransactionFailedException.class, e -> {
      assertThat(e.attempts()).isEqualTo(3);
      assertThat(e).hasMessageContaining("failed 3 times").hasMessageContaining("40001");
      assertThat(e.getSuppressed()).hasSize(2);
      assertThat(RepositoryException.sqlStateOf(e.getCause())).isEqualTo("40001");
    });
    assertThat(runs).hasValue(3);
    assertThat(larder.transactionStats().get("always").serializationFailures()).isEqualTo(3);
  }

  @Test
  void aRollbackBumpsNothingSoTheCacheKeepsHitting() {
    assertThat(cachedName()).isEqualTo("one");
    assertThatThrownBy(() -> larder.inTransaction(fast("rolled-back"), handle -> {
      rename("renamed");
      throw new IllegalStateException("changed my mind");
    })).hasMessage("changed my mind");
    assertThat(cachedName()).isEqualTo("one");
    assertThat(queries).hasValue(1);
    assertThat(larder.cacheStats().l1Hits()).isEqualTo(1);
  }

  @Test
  void aCommitInvalidatesAfterTheCommitNotBefore() throws Exception {
    assertThat(cachedName()).isEqualTo("one");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      larder.inTransaction(fast("rename"), handle -> {
        rename("renamed");
        // Another thread during the transaction: the tag is not bumped yet, so it neither sees
        // the uncommitted row nor re-caches the old one under a new generation.
        try {
          assertThat(other.submit(this::cachedName).get(10, TimeUnit.SECONDS)).isEqualTo("one");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        return null;
      });
    } finally {
      other.shutdownNow();
    }
    assertThat(cachedName()).isEqualTo("renamed");
    assertThat(queries).hasValue(2);
  }

  @Test
  void readsInsideATransactionSeeItsOwnWritesAndAreNotCached() {
    assertThat(cachedName()).isEqualTo("one");
    String inside = larder.inTransaction(fast("own-writes"), handle -> {
      rename("renamed");
      return cachedName();
    });
    assertThat(inside).isEqualTo("renamed");
    assertThat(cachedName()).isEqualTo("renamed");
  }

  @Test
  void nestedTransactionsJoinAndOnlyTheOutermostRetries() {
    AtomicInteger outerRuns = new AtomicInteger();
    AtomicInteger innerRuns = new AtomicInteger();
    String result = larder.inTransaction(fast("outer"), outer -> {
      outerRuns.incrementAndGet();
      return larder.inTransaction(fast("inner"), inner -> {
        assertThat(inner).isSameAs(outer);
        if (innerRuns.incrementAndGet() == 1) {
          raise(inner, "40001");
        }
        return "done";
      });
    });
    assertThat(result).isEqualTo("done");
    assertThat(outerRuns).hasValue(2);
    assertThat(innerRuns).hasValue(2);
    assertThat(larder.transactionStats().get("outer").retries()).isEqualTo(1);
    assertThat(larder.transactionStats()).doesNotContainKey("inner");
  }

  @Test
  void aReadOnlyTransactionRejectsWrites() {
    assertThatThrownBy(() -> larder.inTransaction(fast("ro").withReadOnly(true), handle -> {
      rename("renamed");
      return null;
    })).isInstanceOf(RepositoryException.class)
        .extracting(e -> ((RepositoryException) e).sqlState()).isEqualTo("25006");
    assertThat(cachedName()).isEqualTo("one");
  }

  @Test
  void anExtraSqlStateIsRetriedOnlyWhenConfigured() {
    AtomicInteger runs = new AtomicInteger();
    String result = larder.inTransaction(fast("lock").withRetryOn("55P03"), handle -> {
      if (runs.incrementAndGet() < 3) {
        raise(handle, "55P03");
      }
      return "locked at last";
    });
    assertThat(result).isEqualTo("locked at last");
    assertThat(runs).hasValue(3);

    AtomicInteger once = new AtomicInteger();
    assertThatThrownBy(() -> larder.inTransaction(fast("lock-default"), handle -> {
      once.incrementAndGet();
      raise(handle, "55P03");
      return null;
    })).extracting(RepositoryException::sqlStateOf).isEqualTo("55P03");
    assertThat(once).hasValue(1);
  }

  @Test
  void serializableIsolationIsApplied() {
    String level = larder.inTransaction(fast("iso").withIsolation(Isolation.SERIALIZABLE),
        handle -> handle.createQuery("SHOW transaction_isolation").mapTo(String.class).one());
    assertThat(level).isEqualTo("serializable");
    assertThat(larder.isInTransaction()).isFalse();
  }

  @Test
  void optionsRefuseBadValuesNamingThem() {
    assertThatThrownBy(() -> TransactionOptions.defaults().withMaxAttempts(0))
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> TransactionOptions.defaults().withRetryOn("4001"))
        .hasMessageContaining("five characters");
    assertThatThrownBy(() -> TransactionOptions.defaults().withDeadline(Duration.ZERO))
        .hasMessageContaining("deadline");
  }
}
