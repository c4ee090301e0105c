package dev.larder.runtime;

import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;

/**
 * The item table the runtime tests read and write through a {@link Larder}: {@code (id bigint
 * PRIMARY KEY, name text)} under a name of its own, with a cache namespace of its own, so that
 * tests never see each other's rows or entries. A test makes one per test instance, calls
 * {@link #create()} before each test and {@link #drop()} after it.
 */
final class ItemTable {
  private static final RepositoryMethod RENAME =
      new RepositoryMethod("ItemRepository", "rename", "UPDATE", "fp");

  private final String namespace;
  private final String table;
  private final AtomicInteger queries = new AtomicInteger();

  /**
   * A table named {@code tablePrefix + namespace}, where the namespace is
   * {@code namespacePrefix} and twelve random hex digits.
   */
  ItemTable(String namespacePrefix, String tablePrefix) {
    namespace = namespacePrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    table = tablePrefix + namespace;
  }

  /** The cache namespace, for the runtimes of one test. */
  String namespace() {
    return namespace;
  }

  /** The table's name. */
  String table() {
    return table;
  }

  /** How many times {@link #queryName} ran. */
  AtomicInteger queries() {
    return queries;
  }

  /** Creates the table with the one row {@code (1, 'old')}. */
  void create() {
    create("VALUES (1, 'old')");
  }

  /** Creates the table with the rows of {@code rows}: what follows {@code INSERT INTO table}. */
  void create(String rows) {
    TestDatabase.get().execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text)");
    TestDatabase.get().execute("INSERT INTO " + table + " " + rows);
  }

  void drop() {
    TestDatabase.get().execute("DROP TABLE " + table);
  }

  /** Loads the name of item 1 and counts the query. */
  String queryName(Handle handle) {
    queries.incrementAndGet();
    return handle.createQuery("SELECT name FROM " + table + " WHERE id = 1")
        .mapTo(String.class).one();
  }

  /** Renames item 1 through the runtime, which invalidates {@code tags}. */
  void rename(Larder larder, String name, List<String> tags) {
    larder.write(RENAME, tags, handle -> handle.createUpdate(
        "UPDATE " + table + " SET name = :name WHERE id = 1").bind("name", name).execute());
  }

  /** Renames item 1 in the database only, as a process whose invalidation never reached anyone. */
  void renameBehindTheCache(String name) {
    TestDatabase.get().execute("UPDATE " + table + " SET name = '" + name + "' WHERE id = 1");
  }

  /**
   * Waits up to 10 s for the latch; on a timeout or an interrupt it returns all the same (with the
   * thread's interrupt flag set again), and the test's own assertions tell what went wrong.
   */
  static void awaitLatch(CountDownLatch latch) {
    awaitLatch(latch, Duration.ofSeconds(10));
  }

  /** As {@link #awaitLatch(CountDownLatch)}, with a bound of the caller's. */
  static void awaitLatch(CountDownLatch latch, Duration bound) {
    try {
      latch.await(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Waits up to 10 s for the latch, and throws {@link IllegalStateException} if it stays shut or
   * the wait is interrupted (with the thread's interrupt flag set again).
   */
  static void awaitLatchOrThrow(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("latch not released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
