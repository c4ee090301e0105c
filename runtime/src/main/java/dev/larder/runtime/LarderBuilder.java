package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.larder.runtime.internal.CursorKey;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link Larder}. Give it exactly one source of connections: {@link #dataSource},
 * {@link #jdbcUrl}, {@link #databaseUrl} or {@link #environment}. Each setter checks its argument
 * at once.
 */
public final class LarderBuilder {
  private static final Logger log = LoggerFactory.getLogger(LarderBuilder.class);
  /** The default of {@link #batchChunkSize}. */
  public static final int DEFAULT_BATCH_CHUNK_SIZE = 1000;

  private DataSource dataSource;
  private String jdbcUrl;
  private String username;
  private String password;
  private int maximumPoolSize = 10;
  private String poolName = "larder";
  private int batchChunkSize = DEFAULT_BATCH_CHUNK_SIZE;
  private CursorKey cursorKey = CursorKey.NONE;
  private final CacheSettings cache = new CacheSettings();

  LarderBuilder() {}

  /**
   * Shares cache entries and invalidations between processes through this Redis client, which
   * the caller owns and closes. Redis Cluster and Sentinel work through Redisson's own config.
   *
   * @throws NullPointerException if {@code client} is null
   */
  public LarderBuilder redis(RedissonClient client) {
    cache.redisson = requireNonNull(client, "client");
    return this;
  }

  /**
   * Connects to Redis at this URL ({@code redis://host:6379}, {@code rediss://} for TLS,
   * {@code redis://:password@host:6379}); the client is owned and closed by the runtime.
   *
   * @throws IllegalArgumentException if the URL is not a redis:// or rediss:// URL
   */
  public LarderBuilder redisUrl(String url) {
    requireNonNull(url, "url");
    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw new IllegalArgumentException(
          "redisUrl must start with redis:// or rediss:// but was '" + DatabaseUrl.redact(url) + "'");
    }
    cache.redisUrl = url;
    return this;
  }

  /** Connects to Redis with a Redisson YAML config file, taken as is (Cluster, Sentinel...). */
  public LarderBuilder redissonConfig(Path yaml) {
    cache.redissonYaml = requireNonNull(yaml, "yaml");
    return this;
  }

  /** Turns the in-process cache (L1) on or off. Default on. */
  public LarderBuilder localCache(boolean enabled) {
    cache.localCache = enabled;
    return this;
  }

  /** Turns the Redis cache (L2 and cross-process invalidation) on or off. Default on. */
  public LarderBuilder redisCache(boolean enabled) {
    cache.redisCache = enabled;
    return this;
  }

  /**
   * Whether loaded values are also stored in Redis for the other processes (the shared level).
   * Off, Redis carries invalidation only — tag generations, bumps and their messages, the
   * {@link #maxStaleness} bound — with every guarantee of the default mode, and each process
   * loads its own misses from PostgreSQL: a miss then costs the query and at most one round trip
   * (the generations of tags this process has not seen), instead of also a {@code GET} and a
   * {@code SET} of the entry. For reads cheaper than those round trips, such as primary-key
   * lookups on a database as close as Redis. Needs {@link #localCache} on to cache anything.
   * Default on.
   */
  public LarderBuilder redisEntries(boolean enabled) {
    cache.redisEntries = enabled;
    return this;
  }

  /**
   * Bounds the in-process cache to this many entries. Default 100 000.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public LarderBuilder localCacheMaximumSize(long size) {
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
  public LarderBuilder redisTimeout(Duration timeout) {
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
  public LarderBuilder redisRetryAfter(Duration coolDown) {
    requireNonNull(coolDown, "coolDown");
    if (coolDown.isNegative()) {
      throw new IllegalArgumentException("redisRetryAfter must not be negative but was " + coolDown);
    }
    cache.breakerCoolDown = coolDown;
    return this;
  }

  /**
   * The longest an entry stays in the in-process cache while Redis is unreachable (other
   * processes' invalidations cannot arrive then). It is served meanwhile only while its own
   * query is younger than {@link #maxStaleness}; past that it is read again. Default 5 s.
   *
   * @throws IllegalArgumentException if negative
   */
  public LarderBuilder degradedTtl(Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative()) {
      throw new IllegalArgumentException("degradedTtl must not be negative but was " + ttl);
    }
    cache.degradedTtl = ttl;
    return this;
  }

  /**
   * How long a write waits, after its commit, for every other process to confirm that it has
   * dropped what the write replaced from its in-process cache. Once a write returned, no process
   * that confirmed serves a value it replaced, even from its in-process cache; without the wait
   * another process may serve it until the invalidation message reaches it, which takes tens of
   * milliseconds on a busy machine. A process that does not confirm in time (paused, overloaded,
   * or a subscriber of the invalidation channel that is not Larder) costs each write the whole
   * wait and is counted in {@link CacheStats#unconfirmedInvalidations()}; it still drops the
   * values when the message arrives. {@link Duration#ZERO} returns at once. Default 50 ms.
   *
   * @throws IllegalArgumentException if negative or longer than 10 s
   */
  public LarderBuilder invalidationWait(Duration wait) {
    requireNonNull(wait, "wait");
    if (wait.isNegative() || wait.toMillis() > 10_000) {
      throw new IllegalArgumentException(
          "invalidationWait must be between 0 and 10 s but was " + wait);
    }
    cache.invalidationWait = wait;
    return this;
  }

  /**
   * The bound on how stale a read in the default mode can be, however late invalidation
   * messages are: an in-process or Redis entry is served only while Redis has vouched, within
   * this long, for the generations of its tags; past that, the read asks Redis (one round trip
   * for the entry's tags, shared by every entry with those tags in this process; a process that
   * keeps reading asks for its next vouch in the background once three quarters of the window
   * are gone, so that its reads need not wait for one). A read then never returns what a write
   * replaced when that write returned more than this long before the read began. Messages keep
   * invalidating at once; this bounds the case where one is late (a process waiting for a core,
   * a slow network) or lost. Shorter costs more Redis round trips: one small one per three
   * quarters of the window in a process that keeps reading, and one on hits of rarely read keys;
   * {@link Duration#ZERO} asks Redis on every hit, like a strict read but without its other
   * checks. While Redis does not answer at all, entries are served for {@link #degradedTtl}
   * instead. Strict reads ask Redis on every hit whatever this is. Default 50 ms.
   *
   * @throws IllegalArgumentException if negative or longer than 1 h
   */
  public LarderBuilder maxStaleness(Duration staleness) {
    requireNonNull(staleness, "staleness");
    if (staleness.isNegative() || staleness.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException(
          "maxStaleness must be between 0 and 1 h but was " + staleness);
    }
    cache.maxStaleness = staleness;
    return this;
  }

  /**
   * Makes every cached read of this runtime {@code STRICT}, whatever its repository's {@code
   * consistency} says: each in-process hit then also checks its tags' generations in Redis, and a
   * read that cannot ask Redis goes to PostgreSQL. For a deployment that must never serve a
   * replaced value (or to compare the modes under one workload) without a second repository.
   * Default false: each read as annotated.
   */
  public LarderBuilder strictReads(boolean strict) {
    cache.strictReads = strict;
    return this;
  }

  /**
   * Entries whose encoding is larger than this many bytes are LZ4-compressed in Redis.
   * Default 1024.
   *
   * @throws IllegalArgumentException if negative
   */
  public LarderBuilder compressionThreshold(int bytes) {
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
  public LarderBuilder ttlJitter(double fraction) {
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
  public LarderBuilder cacheNamespace(String namespace) {
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
  public LarderBuilder dataSource(DataSource dataSource) {
    this.dataSource = requireNonNull(dataSource, "dataSource");
    return this;
  }

  /**
   * Creates a HikariCP pool, owned and closed by the runtime, for this JDBC URL.
   *
   * @param jdbcUrl a {@code jdbc:postgresql://} URL
   * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL
   */
  public LarderBuilder jdbcUrl(String jdbcUrl) {
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
  public LarderBuilder databaseUrl(String databaseUrl) {
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
  public LarderBuilder username(String username) {
    this.username = requireNonNull(username, "username");
    return this;
  }

  /** Sets the password for a pool created from a URL. */
  public LarderBuilder password(String password) {
    this.password = requireNonNull(password, "password");
    return this;
  }

  /**
   * Sets the largest number of connections of a pool created from a URL. Default 10.
   *
   * @throws IllegalArgumentException if {@code size} is not between 1 and 1000
   */
  public LarderBuilder maximumPoolSize(int size) {
    if (size < 1 || size > 1000) {
      throw new IllegalArgumentException("maximumPoolSize must be between 1 and 1000 but was " + size);
    }
    this.maximumPoolSize = size;
    return this;
  }

  /**
   * How many rows of a batch write (an {@code @Update} taking a collection of records) go to
   * the database at once: per multi-row {@code INSERT} statement, or per JDBC batch for other
   * statements. Every chunk of one call runs in the same transaction. Default
   * {@value #DEFAULT_BATCH_CHUNK_SIZE}: past a few hundred rows a round trip costs little next to
   * the rows themselves, while the parameters of one chunk stay far below PostgreSQL's 65 535
   * per statement and the driver never holds more than a chunk in memory.
   *
   * @throws IllegalArgumentException if {@code rows} is not between 1 and 100 000
   */
  public LarderBuilder batchChunkSize(int rows) {
    if (rows < 1 || rows > 100_000) {
      throw new IllegalArgumentException("batchChunkSize must be between 1 and 100000 but was " + rows);
    }
    this.batchChunkSize = rows;
    return this;
  }

  /**
   * Signs the cursors of keyset-paged methods ({@link CursorPage#next()}, {@link
   * CursorPage#previous()}) with HMAC-SHA256 under this key, and accepts only cursors signed with
   * it: a cursor made or altered by hand, or signed with another key, is refused with an {@link
   * IllegalArgumentException}. Give every process that serves the same clients the same key (a
   * cursor handed out by one is taken by the others), keep it secret like a password, and know
   * that changing it makes every cursor handed out before refused.
   *
   * <p>Without a key, cursors carry an unkeyed checksum: a token cut short or mangled is refused,
   * and so is any value no sort column can hold, but a client that knows the format can craft a
   * token pointing at any position of the same query. Cursors are never an authorization either
   * way: the query's own {@code WHERE} decides what a caller may read.
   *
   * @param key at least 16 random bytes, e.g. 32 from {@link java.security.SecureRandom}; copied
   * @throws IllegalArgumentException if {@code key} is null or shorter than 16 bytes
   */
  public LarderBuilder cursorKey(byte[] key) {
    this.cursorKey = CursorKey.of(key);
    return this;
  }

  /** Names the pool created from a URL, for its logs and metrics. Default {@code larder}. */
  public LarderBuilder poolName(String poolName) {
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
   * {@code ENABLE_LOCAL_CACHE}, {@code ENABLE_REDIS_CACHE} and {@code ENABLE_REDIS_ENTRIES}.
   *
   * @param environment the variables, usually {@link System#getenv()}
   * @throws IllegalStateException if {@code DATABASE_URL} is missing
   * @throws IllegalArgumentException if a value cannot be used; the message names the variable
   */
  public LarderBuilder environment(Map<String, String> environment) {
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
    redisEntries(flag(environment, "ENABLE_REDIS_ENTRIES", true));
    return this;
  }

  private static boolean flag(Map<String, String> environment, String name, boolean otherwise) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw new IllegalArgumentException(
          name + " must be true or false but was '" + value + "'");
    };
  }

  /** Replaces the clock that decides freshness, so that tests of expiry need not wait. */
  LarderBuilder clock(LongSupplier millis) {
    cache.clock = requireNonNull(millis, "millis");
    return this;
  }

  /**
   * Creates the runtime. With a URL this opens the pool, which connects lazily. Neither the
   * database nor Redis needs to be up: with Redis down the runtime starts degraded (see
   * {@link Larder#health()}), serves from PostgreSQL, and picks Redis up when it answers.
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
      // and the row counts that batch writes return would be wrong (LarderBatchTest); generated
      // batch inserts are multi-row statements already (MultiRowInsert), with exact counts.
      pool = new HikariDataSource(config);
      source = pool;
      log.info("connection pool {} opened for {} (max {} connections)",
          poolName, DatabaseUrl.redact(jdbcUrl), maximumPoolSize);
    }
    try {
      Jdbi jdbi = Jdbi.create(source);
      // JDBI knows the other array element types Larder binds; numeric is the one it lacks.
      jdbi.registerArrayType(BigDecimal.class, "numeric");
      // JDBI's varchar[] has no operators with text[] columns (text[] @> varchar[] is 42883);
      // text[] compares with both text[] and varchar[] columns.
      jdbi.registerArrayType(String.class, "text");
      jdbi.registerArgument(new UuidArgumentFactory());
      jdbi.registerArgument(new OffsetTimeArgumentFactory());
      jdbi.registerArgument(new DurationArgumentFactory());
      return wire(jdbi, source, pool);
    } catch (RuntimeException | Error e) {
      if (pool != null) {
        pool.close(); // a failed build leaves no pool behind
      }
      throw e;
    }
  }

  /** Builds the runtime's pieces in the order they need each other, each given what it uses. */
  private Larder wire(Jdbi jdbi, DataSource source, HikariDataSource pool) {
    MethodCounters counters = new MethodCounters();
    CacheSettings.Running running = cache.start(counters);
    TagGenerations generations = running.generations();
    // Every invalidation, by a write or by hand, at once or after a commit: counted, then bumped.
    Transactions transactions = new Transactions(jdbi, tags -> {
      counters.invalidated(tags);
      generations.bump(tags);
    });
    RepositoryEngine repositories = new RepositoryEngine(jdbi, transactions, running.cache(),
        counters, batchChunkSize, cursorKey);
    return new Larder(jdbi, source, pool, running, counters, transactions, repositories);
  }
}
