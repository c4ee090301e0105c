package dev.larder.processor.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The PostgreSQL the check describes statements with: an embedded server started for this
 * compilation, or a scratch database created on the server the options name; either way with
 * the migrations applied, and gone when it is closed.
 */
final class CheckDatabase implements AutoCloseable {
  private final EmbeddedPostgres embedded;
  private final String serverUrl;
  private final String scratch;
  private final Connection connection;

  private CheckDatabase(
      EmbeddedPostgres embedded, String serverUrl, String scratch, Connection connection) {
    this.embedded = embedded;
    this.serverUrl = serverUrl;
    this.scratch = scratch;
    this.connection = connection;
  }

  /** The connection to describe statements on. */
  Connection connection() {
    return connection;
  }

  /**
   * Starts (or connects to) the server and applies {@code migrations}.
   *
   * @throws Unavailable when there is no server to check against, saying why
   * @throws MigrationFailed when a migration script fails
   */
  static CheckDatabase start(String databaseUrl, Migrations migrations)
      throws Unavailable, MigrationFailed {
    EmbeddedPostgres embedded = null;
    String serverUrl = databaseUrl;
    String scratch = null;
    Connection connection = null;
    try {
      if (serverUrl == null) {
        embedded = startEmbedded();
        connection = connect(embedded.getJdbcUrl("postgres", "postgres"));
      } else {
        if (!serverUrl.startsWith("jdbc:postgresql:")) {
          throw new Unavailable("the server URL is not a jdbc:postgresql: URL");
        }
        scratch = "larder_check_" + HexFormat.of().formatHex(random());
        try (Connection admin = connect(serverUrl); Statement s = admin.createStatement()) {
          s.execute("CREATE DATABASE " + scratch);
        }
        connection = connect(withDatabase(serverUrl, scratch));
      }
      CheckDatabase database = new CheckDatabase(embedded, serverUrl, scratch, connection);
      try {
        database.migrate(migrations);
      } catch (MigrationFailed e) {
        database.close();
        throw e;
      }
      return database;
    } catch (SQLException e) {
      closeQuietly(connection);
      new CheckDatabase(embedded, serverUrl, scratch, null).close();
      throw new Unavailable("PostgreSQL refused the connection: " + e.getMessage());
    }
  }

  private void migrate(Migrations migrations) throws MigrationFailed {
    for (Migrations.Script script : migrations.scripts()) {
      try (Statement s = connection.createStatement()) {
        s.execute(script.content());
      } catch (SQLException e) {
        throw new MigrationFailed(script.path().getFileName() + ": " + e.getMessage());
      }
    }
  }

  private static EmbeddedPostgres startEmbedded() throws Unavailable {
    // zonky finds its binaries through the context class loader, which in a compiler is not the
    // processor's.
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(CheckDatabase.class.getClassLoader());
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException | RuntimeException | LinkageError e) {
      throw new Unavailable("an embedded PostgreSQL could not be started (" + e + ")");
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** Connects with the driver itself: DriverManager does not see a processor's class loader. */
  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("ApplicationName", "larder-schema-check");
    Connection connection = new Driver().connect(url, properties);
    if (connection == null) {
      throw new SQLException("not a PostgreSQL URL");
    }
    return connection;
  }

  /** {@code jdbc:postgresql://host:port/db?x} with {@code db} replaced by {@code database}. */
  static String withDatabase(String url, String database) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    int slash = base.indexOf('/', "jdbc:postgresql://".length());
    String host = slash < 0 ? base : base.substring(0, slash);
    return host + "/" + database + rest;
  }

  private static byte[] random() {
    byte[] bytes = new byte[6];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }

  @Override
  public void close() {
    closeQuietly(connection);
    if (scratch != null) {
      try (Connection admin = connect(serverUrl); Statement s = admin.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + scratch);
      } catch (SQLException e) {
        // A scratch database left behind costs disk, not correctness; nothing to tell the user.
      }
    }
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        // The server's process dies with the compiler's anyway.
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing: nothing left to do with it
      }
    }
  }

  /** No server to check against. */
  static final class Unavailable extends Exception {
    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  /** A migration script failed. */
  static final class MigrationFailed extends Exception {
    MigrationFailed(String message) {
      super(message, null, false, false);
    }
  }
}
