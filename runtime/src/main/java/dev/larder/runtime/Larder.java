package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Map;
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

  private Larder(Jdbi jdbi, DataSource dataSource, HikariDataSource ownedPool) {
    this.jdbi = jdbi;
    this.dataSource = dataSource;
    this.ownedPool = ownedPool;
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
    try {
      return jdbi.withHandle(work);
    } catch (RepositoryException e) {
      throw e;
    } catch (JdbiException e) {
      throw translate(method, e);
    }
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

  /** Closes the connection pool if this runtime created it. Idempotent. */
  @Override
  public void close() {
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

    private Builder() {}

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
     * Reads the configuration from environment variables: {@code DATABASE_URL} (required) and
     * {@code DATABASE_POOL_SIZE}.
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
      return this;
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
      return new Larder(jdbi, source, pool);
    }
  }
}
