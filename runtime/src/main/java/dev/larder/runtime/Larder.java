package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.LarderAccess;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.runtime.internal.RepositorySupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one runtime object of Larder: it owns the {@link Jdbi} over a connection pool and the
 * two-level cache, and is what every generated repository takes in its constructor.
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
 *
 * <p>What generated repositories call is not here but in {@link RepositorySupport}, which their
 * constructors take from the runtime.
 */
public final class Larder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Larder.class);

  static {
    // Generated code reaches a runtime's engine through the support package, never through a
    // public method here (see LarderAccess).
    LarderAccess.install(larder -> larder.repositories);
  }

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final HikariDataSource ownedPool;
  private final CacheSettings.Running running;
  private final TwoLevelCache cache;
  private final TagGenerations generations;
  /** Null without Redis. */
  private final RedisLink redis;
  private final MethodCounters counters;
  private final Transactions transactions;
  private final RepositoryEngine repositories;
  private final List<InvalidationListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * @param ownedPool the pool this runtime created and closes, or null
   * @param running the started cache, which this runtime stops when it closes
   * @param counters the counters of every repository method, which the cache counts into too
   * @param transactions the transactions on {@code jdbi}, which bump tags after their commits
   * @param repositories what generated repositories call
   */
  Larder(Jdbi jdbi, DataSource dataSource, HikariDataSource ownedPool,
      CacheSettings.Running running, MethodCounters counters, Transactions transactions,
      RepositoryEngine repositories) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.running = running;
    this.cache = running.cache();
    this.generations = running.generations();
    this.redis = running.redis();
    this.counters = counters;
    this.transactions = transactions;
    this.repositories = repositories;
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
    return repositories.inTransaction(options, work);
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
   * Invalidates tags by hand, for changes Larder did not make itself (another service, a
   * migration, an application event). Every entry carrying one of them stops being served, in
   * every process; the cost does not depend on how many entries carry them.
   *
   * @param tags the resolved tags, e.g. {@code "product:42"}
   */
  public void invalidateTags(Collection<String> tags) {
    requireNonNull(tags, "tags");
    List<String> copy = List.copyOf(tags);
    TagGenerations.checkTags(copy);
    transactions.invalidate(copy);
  }

  /**
   * Invalidates every cached entry of every process at once, for changes nobody can name: a bulk
   * load, a {@code TRUNCATE}, a restore. Redis starts a new epoch of tag generations, which every
   * process learns at its next Redis call or heartbeat (or at once, through pub/sub); when Redis
   * cannot be reached this process forgets its own entries now and starts the new epoch as soon
   * as Redis answers.
   */
  public void invalidateEverything() {
    cache.dropLocal();
    generations.invalidateEverything();
  }

  /** Returns the cache counters since this runtime started. */
  public CacheStats cacheStats() {
    MethodCounters m = counters;
    return new CacheStats(m.sum(MethodCounters.Counters::l1Hits), m.sum(c -> c.l2Hits.sum()),
        m.sum(c -> c.misses.sum()), m.sum(c -> c.loads.sum()), m.sum(c -> c.loadNanos.sum()),
        m.sum(c -> c.staleServed.sum()), generations.bumps.sum(), generations.pendingCount(),
        generations.unconfirmed.sum(),
        redis != null && redis.breaker.state() == CircuitBreaker.State.CLOSED);
  }

  /**
   * Checks the database ({@code SELECT 1} and the pool's connections) and Redis (PING and the
   * circuit breaker) within two seconds, and reports them with the cache counters. Never throws:
   * a failed check is in the report.
   */
  public Health health() {
    // Its own thread: a hung database must not hold a thread the cache needs.
    Executor oneOff = runnable -> {
      Thread thread = new Thread(runnable, "larder-health");
      thread.setDaemon(true);
      thread.start();
    };
    return new HealthCheck(dataSource, redis, this::cacheStats, oneOff,
        Duration.ofSeconds(2)).check();
  }

  /** Returns the counters of every repository method this runtime has run, by method name. */
  public Map<String, MethodStats> methodStats() {
    return counters.snapshot();
  }

  /**
   * Returns how many tags writes invalidated, by tag family: the text before a tag's first
   * {@code ':'} ({@code product} for {@code product:42}), which keeps the count of series bounded.
   */
  public Map<String, Long> invalidationsByTagFamily() {
    return counters.invalidationsByFamily();
  }

  /**
   * Calls a cached read for every argument, {@code concurrency} at a time, so that the entries
   * are there before traffic comes. It goes through the ordinary read path: an entry that is
   * already fresh is left alone, and one loaded while a write commits is stamped like any other,
   * so warming never overwrites fresher data. Failed calls are counted, not thrown.
   *
   * <pre>{@code
   * larder.warm(products.allIds(), products::findById, 4,
   *     (done, total, failed) -> log.info("warmed {}/{}", done, total));
   * }</pre>
   *
   * @param arguments one per call
   * @param read the read to call, usually a generated repository method
   * @param concurrency how many calls run at once, 1 to 64
   * @param progress told after every call
   * @param <A> the argument type
   * @return the counts and the time taken
   * @throws IllegalArgumentException if {@code concurrency} is out of range
   */
  public <A> WarmResult warm(Collection<A> arguments, Consumer<? super A> read, int concurrency,
      WarmProgress progress) {
    requireNonNull(arguments, "arguments");
    requireNonNull(read, "read");
    requireNonNull(progress, "progress");
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be between 1 and 64 but was " + concurrency);
    }
    return Warmer.warm(arguments, read, concurrency, progress);
  }

  /**
   * Listens to a PostgreSQL channel and invalidates the tags each notification carries (one per
   * line), so that writes made outside Larder — another service, a migration, {@code psql} —
   * invalidate too. Install triggers that send them with {@link InvalidationTriggers}. The
   * listener holds one connection of the pool until it is closed (the runtime closes it too).
   * When its connection breaks, notifications sent before it is back are lost, so on reconnecting
   * it invalidates every entry of every process ({@link #invalidateEverything()}).
   *
   * @param channel the channel, a plain SQL name
   * @return the running listener
   * @throws IllegalArgumentException if {@code channel} is not a plain SQL name
   */
  public InvalidationListener listenForInvalidations(String channel) {
    requireNonNull(channel, "channel");
    if (!channel.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("channel must be a plain SQL name but was '" + channel + "'");
    }
    // Notifications sent while the listener was reconnecting are lost for every process alike:
    // only invalidating everything is safe then.
    InvalidationListener listener = new InvalidationListener(dataSource, channel,
        this::invalidateTags, this::invalidateEverything);
    listeners.add(listener);
    return listener.start();
  }

  /**
   * Invalidates every cached entry whose key may match {@code pattern} ({@code *} matches any
   * text, {@code ?} one character), in every process, without scanning Redis: the pattern is
   * matched against the key templates of the repositories created on this runtime, and each
   * matching read's entries are invalidated at once through a tag all of them carry. Coarse by
   * design — {@code product:4*} invalidates all of {@code product:{id}} — so it never misses an
   * entry.
   *
   * @param pattern e.g. {@code product:*}
   * @return the reads whose entries were invalidated, as {@code Repository.method}
   */
  public List<String> invalidateKeys(String pattern) {
    requireNonNull(pattern, "pattern");
    List<CachedRead<?>> matching = KeyPatterns.matching(pattern, repositories.registered());
    List<String> tags = new ArrayList<>();
    List<String> methods = new ArrayList<>();
    for (CachedRead<?> read : matching) {
      tags.add(read.methodTag());
      methods.add(read.method().qualifiedName());
    }
    if (!tags.isEmpty()) {
      transactions.invalidate(tags);
    }
    return methods;
  }

  /** Drops this process's cached entries and tag generations; Redis keeps its entries. */
  public void clearLocalCache() {
    cache.dropLocal();
  }

  CacheSettings.Running cacheInternals() {
    return running;
  }

  MethodCounters methodCounters() {
    return counters;
  }

  Transactions transactions() {
    return transactions;
  }

  // What generated repositories call, for this package's tests, which call it as they do.

  <T> T execute(RepositoryMethod method, HandleCallback<T, RuntimeException> work) {
    return repositories.execute(method, work);
  }

  <T> T cached(CachedRead<T> read, Object key) {
    return repositories.cached(read, key);
  }

  <T> T read(CachedRead<T> read, Object key, Supplier<List<String>> tags,
      HandleCallback<T, RuntimeException> query) {
    return repositories.read(read, key, tags, query);
  }

  <T> T write(
      RepositoryMethod method, List<String> tags, HandleCallback<T, RuntimeException> work) {
    return repositories.write(method, tags, work);
  }

  void register(CachedRead<?>... reads) {
    repositories.register(reads);
  }

  /** Closes the connection pool and Redis client if this runtime created them. Idempotent. */
  @Override
  public void close() {
    listeners.forEach(InvalidationListener::close);
    running.close();
    if (ownedPool != null && !ownedPool.isClosed()) {
      ownedPool.close();
      log.debug("closed connection pool {}", ownedPool.getPoolName());
    }
  }
}
