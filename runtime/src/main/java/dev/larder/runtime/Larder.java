package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import dev.larder.runtime.internal.CachedRead;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.redisson.api.RedissonClient;
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

  private Larder(
      Jdbi jdbi, DataSource dataSource, HikariDataSource ownedPool, CacheSettings.Running cache) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
    this.cache = cache;
    this.transactions = new Transactions(jdbi, cache.generations()::bump);
  }

  /** Returns a builder; call one of its data source methods, then {@link Builder#build()}. */
  public static Builder builder() {
    return new Builder();
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

  /**
   * Builds a {@link Larder}. Give it exactly one source of connections: {@link #dataSource},
   * {@link #jdbcUrl}, {@link #databaseUrl} or {@link #environment}. Each setter checks its argument
   * at once.
   */
  public static final class Builder {
    private DataSource dataSource;
    private String jdbcUrl;
    private String username;
    private String password;
    private int maximumPoolSize = 10;
    private String poolName = "larder";
    private final CacheSettings cache = new CacheSettings();

    private Builder() {}

    /**
     * Shares cache entries and invalidations between processes through this Redis client, which
     * the caller owns and closes. Redis Cluster and Sentinel work through Redisson's own config.
     *
     * @throws NullPointerException if {@code client} is null
     */
    public Builder redis(RedissonClient client) {
      cache.redisson = requireNonNull(client, "client");
      return this;
    }

    /**
     * Connects to Redis at this URL ({@code redis://host:6379}, {@code rediss://} for TLS,
     * {@code redis://:password@host:6379}); the client is owned and closed by the runtime.
     *
     * @throws IllegalArgumentException if the URL is not a redis:// or rediss:// URL
     */
    public Builder redisUrl(String url) {
      requireNonNull(url, "url");
      if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
        throw new IllegalArgumentException(
            "redisUrl must start with redis:// or rediss:// but was '" + DatabaseUrl.redact(url) + "'");
      }
      cache.redisUrl = url;
      return this;
    }

    /** Connects to Redis with a Redisson YAML config file, taken as is (Cluster, Sentinel...). */
    public Builder redissonConfig(Path yaml) {
      cache.redissonYaml = requireNonNull(yaml, "yaml");
      return this;
    }

    /** Turns the in-process cache (L1) on or off. Default on. */
    public Builder localCache(boolean enabled) {
      cache.localCache = enabled;
      return this;
    }

    /** Turns the Redis cache (L2 and cross-process invalidation) on or off. Default on. */
    public Builder redisCache(boolean enabled) {
      cache.redisCache = enabled;
      return this;
    }

    /**
     * Bounds the in-process cache to this many entries. Default 100 000.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public Builder localCacheMaximumSize(long size) {
      if (size < 0) {
        throw new IllegalArgumentException("localCacheMaximumSize must be >= 0 but was " + size);
      }
      cache.localMaximumSize = size;
      return this;
    }

    /**
     * The time budget of one Redis call; past it the call counts as failed and the cache works
     * from the database. Three failures in a row stop Redis calls for a short cool-down.
     * Default 250 ms.
     *
     * @throws IllegalArgumentException if not between 1 ms and 60 s
     */
    public Builder redisTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.toSeconds() > 60) {
        throw new IllegalArgumentException("redisTimeout must be between 1 ms and 60 s but was " + timeout);
      }
      cache.redisTimeout = timeout;
      return this;
    }

    /**
     * How long the circuit breaker keeps Redis calls off after a run of failures before it
     * probes again. Default 2 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder redisRetryAfter(Duration coolDown) {
      requireNonNull(coolDown, "coolDown");
      if (coolDown.isNegative()) {
        throw new IllegalArgumentException("redisRetryAfter must not be negative but was " + coolDown);
      }
      cache.breakerCoolDown = coolDown;
      return this;
    }

    /**
     * The longest an entry stays in the in-process cache while Redis is unreachable (other
     * processes' invalidations cannot arrive then). Default 5 s.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder degradedTtl(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("degradedTtl must not be negative but was " + ttl);
      }
      cache.degradedTtl = ttl;
      return this;
    }

    /**
     * Entries whose encoding is larger than this many bytes are LZ4-compressed in Redis.
     * Default 1024.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder compressionThreshold(int bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("compressionThreshold must be >= 0 but was " + bytes);
      }
      cache.compressionThreshold = bytes;
      return this;
    }

    /**
     * Shortens each entry's time to live by a random part of up to this fraction, so that entries
     * written together do not expire together. Default 0.1.
     *
     * @throws IllegalArgumentException if not between 0 and 0.5
     */
    public Builder ttlJitter(double fraction) {
      if (!(fraction >= 0 && fraction <= 0.5)) {
        throw new IllegalArgumentException("ttlJitter must be between 0 and 0.5 but was " + fraction);
      }
      cache.ttlJitter = fraction;
      return this;
    }

    /**
     * Prefixes every Redis key and channel, so that applications sharing a Redis stay apart.
     * Default {@code larder}.
     *
     * @throws IllegalArgumentException if blank or containing whitespace or braces
     */
    public Builder cacheNamespace(String namespace) {
      requireNonNull(namespace, "namespace");
      if (namespace.isBlank() || namespace.matches(".*[\\s{}].*")) {
        throw new IllegalArgumentException(
            "cacheNamespace must be non-blank without whitespace or braces but was '" + namespace + "'");
      }
      cache.namespace = namespace;
      return this;
    }

    /**
     * Uses a data source the caller owns (and closes). Prefer a pooled one.
     *
     * @throws NullPointerException if {@code dataSource} is null
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Creates a HikariCP pool, owned and closed by the runtime, for this JDBC URL.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
     */
    public Builder jdbcUrl(String jdbcUrl) {
      requireNonNull(jdbcUrl, "jdbcUrl");
      if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "jdbcUrl must start with jdbc:postgresql: but was '" + DatabaseUrl.redact(jdbcUrl) + "'");
      }
      this.jdbcUrl = jdbcUrl;
      return this;
    }

    /**
     * Like {@link #jdbcUrl} but also accepts {@code postgres://user:password@host:port/db}, the form
     * {@code DATABASE_URL} usually has; credentials in the URL set the user name and password.
     *
     * @throws IllegalArgumentException if the URL cannot be understood
     */
    public Builder databaseUrl(String databaseUrl) {
      requireNonNull(databaseUrl, "databaseUrl");
      DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
      this.jdbcUrl = parsed.jdbcUrl();
      if (parsed.username() != null) {
        this.username = parsed.username();
      }
      if (parsed.password() != null) {
        this.password = parsed.password();
      }
      return this;
    }

    /** Sets the user name for a pool created from a URL. */
    public Builder username(String username) {
      this.username = requireNonNull(username, "username");
      return this;
    }

    /** Sets the password for a pool created from a URL. */
    public Builder password(String password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets the largest number of connections of a pool created from a URL. Default 10.
     *
     * @throws IllegalArgumentException if {@code size} is not between 1 and 1000
     */
    public Builder maximumPoolSize(int size) {
      if (size < 1 || size > 1000) {
        throw new IllegalArgumentException("maximumPoolSize must be between 1 and 1000 but was " + size);
      }
      this.maximumPoolSize = size;
      return this;
    }

    /** Names the pool created from a URL, for its logs and metrics. Default {@code larder}. */
    public Builder poolName(String poolName) {
      requireNonNull(poolName, "poolName");
      if (poolName.isBlank()) {
        throw new IllegalArgumentException("poolName must not be blank");
      }
      this.poolName = poolName;
      return this;
    }

    /**
     * Reads the configuration from environment variables: {@code DATABASE_URL} (required),
     * {@code DATABASE_POOL_SIZE}, {@code REDIS_URL} (or {@code REDIS_HOST} and {@code REDIS_PORT}),
     * {@code ENABLE_LOCAL_CACHE} and {@code ENABLE_REDIS_CACHE}.
     *
     * @param environment the variables, usually {@link System#getenv()}
     * @throws IllegalStateException if {@code DATABASE_URL} is missing
     * @throws IllegalArgumentException if a value cannot be used; the message names the variable
     */
    public Builder environment(Map<String, String> environment) {
      requireNonNull(environment, "environment");
      String url = environment.get("DATABASE_URL");
      if (url == null || url.isBlank()) {
        throw new IllegalStateException("DATABASE_URL is not set; set it to"
            + " postgres://user:password@host:5432/database or jdbc:postgresql://host:5432/database");
      }
      try {
        databaseUrl(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("DATABASE_URL: " + e.getMessage(), e);
      }
      String size = environment.get("DATABASE_POOL_SIZE");
      if (size != null && !size.isBlank()) {
        try {
          maximumPoolSize(Integer.parseInt(size.trim()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "DATABASE_POOL_SIZE must be a whole number but was '" + size + "'", e);
        }
      }
      String redis = environment.get("REDIS_URL");
      String host = environment.get("REDIS_HOST");
      if (redis != null && !redis.isBlank()) {
        try {
          redisUrl(redis.trim());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("REDIS_URL: " + e.getMessage(), e);
        }
      } else if (host != null && !host.isBlank()) {
        String port = environment.getOrDefault("REDIS_PORT", "6379").trim();
        if (!port.matches("\\d{1,5}")) {
          throw new IllegalArgumentException("REDIS_PORT must be a port number but was '" + port + "'");
        }
        redisUrl("redis://" + host.trim() + ":" + port);
      }
      localCache(flag(environment, "ENABLE_LOCAL_CACHE", true));
      redisCache(flag(environment, "ENABLE_REDIS_CACHE", true));
      return this;
    }

    private static boolean flag(Map<String, String> environment, String name, boolean otherwise) {
      String value = environment.get(name);
      if (value == null || value.isBlank()) {
        return otherwise;
      }
      return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
        case "true", "1", "yes", "on" -> true;
        case "false", "0", "no", "off" -> false;
        default -> throw new IllegalArgumentException(
            name + " must be true or false but was '" + value + "'");
      };
    }

    /**
     * Creates the runtime. With a URL this opens the pool, which connects lazily.
     *
     * @throws IllegalStateException if no data source or URL was given, or both were
     */
    public Larder build() {
      if (dataSource == null && jdbcUrl == null) {
        throw new IllegalStateException(
            "no database configured: call dataSource(..), jdbcUrl(..), databaseUrl(..) or environment(..)");
      }
      if (dataSource != null && jdbcUrl != null) {
        throw new IllegalStateException(
            "both a dataSource and a URL were given; Larder needs exactly one of them");
      }
      HikariDataSource pool = null;
      DataSource source = dataSource;
      if (source == null) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (username != null) {
          config.setUsername(username);
        }
        if (password != null) {
          config.setPassword(password);
        }
        config.setMaximumPoolSize(maximumPoolSize);
        config.setPoolName(poolName);
        // Connect on first use, as documented: build() must not fail because the database is
        // still starting; the first repository call reports the problem, naming the method.
        config.setInitializationFailTimeout(-1);
        // Not reWriteBatchedInserts: the driver then reports SUCCESS_NO_INFO for rewritten rows,
        // and the row counts that batch writes return would be wrong (LarderBatchTest).
        pool = new HikariDataSource(config);
        source = pool;
        log.info("connection pool {} opened for {} (max {} connections)",
            poolName, DatabaseUrl.redact(jdbcUrl), maximumPoolSize);
      }
      Jdbi jdbi = Jdbi.create(source);
      // JDBI knows the other array element types Larder binds; numeric is the one it lacks.
      jdbi.registerArrayType(BigDecimal.class, "numeric");
      jdbi.registerArgument(new UuidArgumentFactory());
      return new Larder(jdbi, source, pool, cache.start());
    }
  }
}
