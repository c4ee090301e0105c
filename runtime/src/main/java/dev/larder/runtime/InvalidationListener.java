package dev.larder.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns PostgreSQL notifications into tag invalidations, for writes Larder did not make: another
 * service, a migration, {@code psql}. Each notification's payload is one or more tags, one per
 * line, as the triggers of {@link InvalidationTriggers} send them. Runs on a daemon thread with
 * a connection of its own; when that connection breaks it reconnects and drops the in-process
 * cache, since notifications sent meanwhile are lost.
 */
public final class InvalidationListener implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(InvalidationListener.class);

  private final DataSource dataSource;
  private final String channel;
  private final Consumer<List<String>> invalidate;
  private final Runnable lostNotifications;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean listening;

  InvalidationListener(DataSource dataSource, String channel, Consumer<List<String>> invalidate,
      Runnable lostNotifications) {
    this.dataSource = dataSource;
    this.channel = channel;
    this.invalidate = invalidate;
    this.lostNotifications = lostNotifications;
    this.thread = new Thread(this::run, "larder-listen-" + channel);
    this.thread.setDaemon(true);
  }

  InvalidationListener start() {
    thread.start();
    return this;
  }

  /** Whether the listener's connection is up and subscribed to its channel. */
  public boolean isListening() {
    return listening;
  }

  /** The channel listened to. */
  public String channel() {
    return channel;
  }

  private void run() {
    boolean reconnecting = false;
    while (running) {
      Connection held = null;
      try (Connection connection = dataSource.getConnection()) {
        held = connection;
        PGConnection postgres = connection.unwrap(PGConnection.class);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + quote(channel));
        }
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        listening = true;
        if (reconnecting) {
          log.info("listening to {} again; dropping in-process entries", channel);
          lostNotifications.run();
        }
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(500);
          if (notifications == null) {
            continue;
          }
          List<String> tags = new ArrayList<>();
          for (PGNotification notification : notifications) {
            for (String tag : notification.getParameter().split("\n")) {
              if (!tag.isBlank()) {
                tags.add(tag);
              }
            }
          }
          if (!tags.isEmpty()) {
            invalidate.accept(tags);
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        evict(held);
        if (running) {
          log.warn("listening to {} failed ({}); retrying in 1 s", channel, e.toString());
          reconnecting = true;
          pause();
        }
      }
    }
    listening = false;
  }

  /**
   * Takes a broken connection out of the pool. Its failure was raised by the driver's own
   * connection (notifications are read from it unwrapped), so the pool never saw it and would
   * hand the dead connection to the next caller.
   */
  private void evict(Connection connection) {
    if (connection != null && dataSource instanceof HikariDataSource pool) {
      try {
        pool.evictConnection(connection);
      } catch (RuntimeException e) {
        log.debug("could not evict the listener's connection: {}", e.toString());
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Stops listening and releases the connection. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
