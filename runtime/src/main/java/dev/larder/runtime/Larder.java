package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.larder.runtime.internal.CachedRead;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runtime object of Larder: it owns the {@link Jdbi} over a connection pool and is what
 * every generated repository takes in its constructor.
 *
 * <pre>{@code
 * try (Larder larder = Larder.builder().jdbcUrl("jdbc:postgresql://localhost/shop").build()) {
 *   ProductRepository products = new ProductRepositoryImpl(larder);
 *   products.findById(42);
 * }
 * }</pre>
 *
 * <p>There is no global state: two instances are two independent runtimes. Instances are
 * thread-safe. Closing the instance closes the pool it created; a {@link DataSource} passed in by
 * the caller stays the caller's to close.
 */
public final class Larder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Larder.class);

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final CacheSettings.Running cache;
  private final Transactions transactions;

  Larder(
      Jdbi jdbi, DataSource dataSource, HikariDataSource ownedPool, CacheSettings.Running cache) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.cache = cache;
    this.transactions = new Transactions(jdbi, cache.generations()::bump);
  }

  /** Returns a builder; call one of its data source methods, then {@link LarderBuilder#build()}. */
  public static LarderBuilder builder() {
    return new LarderBuilder();
  }

  /**
   * Builds a runtime from the process environment, as a twelve-factor application is configured:
   * {@code DATABASE_URL} ({@code postgres://user:password@host:port/db} or a JDBC URL) and the
   * optional {@code DATABASE_POOL_SIZE}.
   *
   * @throws IllegalStateException if {@code DATABASE_URL} is not set
   * @throws IllegalArgumentException if a variable has a value that cannot be used
   */
  public static Larder fromEnvironment() {
    return builder().environment(System.getenv()).build();
  }

  /** Returns the {@link Jdbi} this runtime runs every statement through. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** Returns the data source, the pool this runtime created or the one it was given. */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * Runs one database call of a generated repository method on a handle, turning any failure
   * into a {@link RepositoryException} that names the method. Called by generated code.
   *
   * @param method the repository method, for messages
   * @param work what to do with the handle
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws RepositoryException if the database call fails
   */
  public <T> T execute(RepositoryMethod method, HandleCallback<T, RuntimeException> work) {
    requireNonNull(method, "method");
    requireNonNull(work, "work");
    Transactions.Context transaction = transactions.current();
    try {
      return transaction != null ? work.withHandle(transaction.handle) : jdbi.withHandle(work);
    } catch (RepositoryException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(method, e);
    }
  }

  /**
   * Runs {@code work} in a transaction with the default {@link TransactionOptions}.
   *
   * @see #inTransaction(TransactionOptions, TransactionWork)
   */
  public <T> T inTransaction(TransactionWork<T> work) {
    return inTransaction(TransactionOptions.defaults(), work);
  }

  /**
   * Runs {@code work} in a transaction on this thread. Repository calls made inside share it;
   * reads inside go to the database, not the cache, so they see the transaction's own writes and
   * nothing uncommitted is ever cached. Tags invalidated inside are bumped once, after the commit;
   * on rollback nothing is bumped. A call made inside another transaction joins it, and only the
   * outermost one retries: on the SQLSTATEs of {@link TransactionOptions#retryOn()} (serialization
   * failures and deadlocks, whether raised by a statement or by the commit) the whole work runs
   * again after a backoff, until the attempts or the deadline run out.
   *
   * @param options isolation, read-only and retry policy
   * @param work the work; it may run more than once
   * @param <T> what the work returns
   * @return what the work returned in the attempt that committed
   * @throws TransactionFailedException if retryable failures used up the attempts or the deadline
   * @throws RuntimeException the work's own failure, at once, when it is not retryable
   */
  public <T> T inTransaction(TransactionOptions options, TransactionWork<T> work) {
    requireNonNull(options, "options");
    requireNonNull(work, "work");
    return transactions.run(options, work);
  }

  /** Whether the calling thread is inside {@link #inTransaction}. */
  public boolean isInTransaction() {
    return transactions.current() != null;
  }

  /** Returns the transaction counters since this runtime started, by transaction name. */
  public Map<String, TransactionStats> transactionStats() {
    return transactions.stats();
  }

  /**
   * Runs a cached read of a generated repository method: served from the in-process cache or
   * Redis while its entry is fresh and none of its tags was invalidated since its query started,
   * otherwise loaded with {@code query} (once per key in this process however many callers miss
   * together) and stored in both levels. Called by generated code.
   *
   * @param read the method, its cache policy and the codec of its result
   * @param key the entry's key, from the generated {@code Keys} class
   * @param tags the entry's tags, asked for only when the value is not in this process's cache
   * @param query the database call that loads the value
   * @param <T> the result type
   * @return the cached or loaded value
   * @throws RepositoryException if the query fails; Redis failures are never thrown
   */
  public <T> T read(CachedRead<T> read, String key, Supplier<List<String>> tags,
      HandleCallback<T, RuntimeException> query) {
    requireNonNull(read, "read");
    requireNonNull(key, "key");
    requireNonNull(tags, "tags");
    if (transactions.current() != null) {
      return execute(read.method(), query); // see inTransaction: no cache inside a transaction
    }
    return cache.cache().get(read, key, tags, () -> execute(read.method(), query));
  }

  /**
   * Runs a write of a generated repository method and, once it has succeeded, invalidates its
   * tags: at once in this process, and through Redis in every other; inside a transaction, after
   * its commit. Called by generated code.
   *
   * @param method the repository method
   * @param tags the tags the write makes stale
   * @param work the database call
   * @param <T> the result type
   * @return what {@code work} returned
   * @throws RepositoryException if the database call fails (nothing is invalidated then)
   */
  public <T> T write(
      RepositoryMethod method, List<String> tags, HandleCallback<T, RuntimeException> work) {
    requireNonNull(tags, "tags");
    T result = execute(method, work);
    invalidate(tags);
    return result;
  }

  /**
   * Invalidates tags by hand, for changes Larder did not make itself (another service, a
   * migration, an application event). Every entry carrying one of them stops being served, in
   * every process; the cost does not depend on how many entries carry them.
   *
   * @param tags the resolved tags, e.g. {@code "product:42"}
   */
  public void invalidateTags(Collection<String> tags) {
    requireNonNull(tags, "tags");
    invalidate(List.copyOf(tags));
  }

  /** Bumps now, or after the commit of the calling thread's transaction. */
  private void invalidate(List<String> tags) {
    Transactions.Context transaction = transactions.current();
    if (transaction != null) {
      transaction.pendingTags.addAll(tags);
    } else {
      cache.generations().bump(tags);
    }
  }

  /** Returns the cache counters since this runtime started. */
  public CacheStats cacheStats() {
    TwoLevelCache c = cache.cache();
    return new CacheStats(c.l1Hits.sum(), c.l2Hits.sum(), c.misses.sum(), c.loads.sum(),
        c.loadNanos.sum(), c.staleServed.sum(), cache.generations().bumps.sum(),
        cache.generations().pendingCount(),
        cache.redis() != null && cache.redis().breaker.state() == CircuitBreaker.State.CLOSED);
  }

  /** Drops this process's cached entries and tag generations; Redis keeps its entries. */
  public void clearLocalCache() {
    cache.cache().dropLocal();
  }

  static RepositoryException translate(RepositoryMethod method, Throwable failure) {
    String state = RepositoryException.sqlStateOf(failure);
    // Describe the failure by the SQLException whose SQLSTATE is reported (the driver's, or the
    // one a generated mapper raised, which may itself wrap a less helpful cause); else the root.
    Throwable described = failure;
    while (described.getCause() != null && described.getCause() != described
        && !(described instanceof SQLException sql && sql.getSQLState() != null)) {
      described = described.getCause();
    }
    String detail = described.getMessage() == null
        ? described.getClass().getSimpleName() : described.getMessage();
    String message = (state == null ? "" : "SQLSTATE " + state + ": ") + firstLine(detail)
        + " [SQL: " + method.sql() + "]";
    return new RepositoryException(method.qualifiedName(), message, failure);
  }

  private static String firstLine(String s) {
    int newline = s.indexOf('\n');
    return newline < 0 ? s : s.substring(0, newline);
  }

  /** Closes the connection pool and Redis client if this runtime created them. Idempotent. */
  @Override
  public void close() {
    cache.close();
    if (ownedPool != null && !ownedPool.isClosed()) {
      ownedPool.close();
      log.debug("closed connection pool {}", ownedPool.getPoolName());
    }
  }
}
