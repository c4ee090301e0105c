package dev.larder.consistency.harness;

import dev.larder.consistency.NearVersionedRepositoryKeys;
import dev.larder.consistency.Operation;
import dev.larder.consistency.StrictVersionedRepositoryKeys;
import dev.larder.consistency.WorkerSettings;
import dev.larder.runtime.InvalidationTriggers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The trigger that announces every write of {@code versioned} on {@link #CHANNEL}, as
 * {@code InvalidationTriggers} writes it, so that the workers learn of writes made outside Larder.
 */
final class InvalidationTrigger {
  /** The channel the trigger notifies and the workers listen to. */
  static final String CHANNEL = "larder_consistency";
  private static final String TAG_TEMPLATE = "v:{id}";
  private static final int NOTIFICATION_WAIT_MILLIS = 5_000;

  private InvalidationTrigger() {}

  /**
   * Installs the trigger, then proves that the tags it sends are those the generated
   * repositories put on their entries: a tag that differs would invalidate nothing, and the
   * scenario would only measure the TTL.
   *
   * @throws IllegalStateException if a row's notified tags differ from its repository's tags
   */
  static void install(PostgresServer postgres, int rowsPerMode) {
    postgres.runScript(InvalidationTriggers.forTable("versioned", CHANNEL, TAG_TEMPLATE));
    int near = WorkerSettings.firstRow(Operation.Mode.NEAR, rowsPerMode);
    int strict = WorkerSettings.firstRow(Operation.Mode.STRICT, rowsPerMode);
    Set<String> expected = new TreeSet<>(NearVersionedRepositoryKeys.byIdTags(near));
    expected.addAll(StrictVersionedRepositoryKeys.byIdTags(strict));
    Set<String> notified = notifiedTags(postgres,
        "UPDATE versioned SET version = version WHERE id IN (" + near + ", " + strict + ")");
    if (!notified.equals(expected)) {
      throw new IllegalStateException("the trigger on versioned notified the tags " + notified
          + " but the repositories tag those rows " + expected);
    }
  }

  /** The tags notified on {@link #CHANNEL} for the rows {@code write} touches. */
  private static Set<String> notifiedTags(PostgresServer postgres, String write) {
    try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
        Statement statement = connection.createStatement()) {
      statement.execute("LISTEN " + CHANNEL);
      int rows = statement.executeUpdate(write);
      List<PGNotification> received = new ArrayList<>();
      long deadline = System.nanoTime() + NOTIFICATION_WAIT_MILLIS * 1_000_000L;
      // One notification per row written (each carries the NEW and the OLD row's tags).
      while (received.size() < rows && System.nanoTime() < deadline) {
        PGNotification[] batch = connection.unwrap(PGConnection.class)
            .getNotifications(NOTIFICATION_WAIT_MILLIS);
        if (batch != null) {
          received.addAll(List.of(batch));
        }
      }
      statement.execute("UNLISTEN " + CHANNEL);
      Set<String> tags = new TreeSet<>();
      for (PGNotification notification : received) {
        for (String tag : notification.getParameter().split("\n")) {
          if (!tag.isBlank()) {
            tags.add(tag);
          }
        }
      }
      return tags;
    } catch (SQLException e) {
      throw new IllegalStateException("could not check the tags the trigger notifies", e);
    }
  }
}
