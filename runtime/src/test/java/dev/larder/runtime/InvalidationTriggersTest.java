package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** The trigger scripts, run on PostgreSQL: whatever the templates hold and the tables are named. */
class InvalidationTriggersTest {
  private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  private final String channel = "larder_triggers_" + suffix;
  private final List<String> tables = new ArrayList<>();

  @AfterEach
  void dropTables() throws SQLException {
    for (String table : tables) {
      execute("DROP TABLE IF EXISTS " + table);
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private String table(String name) throws SQLException {
    execute("CREATE TABLE " + name + " (id bigint PRIMARY KEY)");
    tables.add(name);
    return name;
  }

  /** Runs {@code write} and returns the payloads notified on the channel. */
  private List<String> notified(String write) throws SQLException {
    try (Connection listener = TestDatabase.get().dataSource().getConnection();
        Statement statement = listener.createStatement()) {
      statement.execute("LISTEN " + channel);
      execute(write);
      List<String> payloads = new ArrayList<>();
      PGNotification[] batch = listener.unwrap(PGConnection.class).getNotifications(5_000);
      for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
        payloads.add(notification.getParameter());
      }
      statement.execute("UNLISTEN " + channel);
      return payloads;
    }
  }

  @Test
  void aTemplateHoldingTheDollarQuoteStillGivesAWorkingTrigger() throws SQLException {
    String table = table("dollar_" + suffix);
    execute(InvalidationTriggers.forTable(table, channel, "a$larder$b:{id}", "c$larder1$d"));

    assertThat(notified("INSERT INTO " + table + " VALUES (7)"))
        .containsExactly("a$larder$b:7\nc$larder1$d\n");
  }

  @Test
  void twoLongTableNamesWithOneBeginningGetTwoTriggerFunctions() throws SQLException {
    String common = "a_table_name_long_enough_to_be_cut_at_63_chars_" + suffix + "_";
    String first = table(common + "first");
    String second = table(common + "second");
    execute(InvalidationTriggers.forTable(first, channel, "first:{id}"));
    execute(InvalidationTriggers.forTable(second, channel, "second:{id}"));

    assertThat(notified("INSERT INTO " + first + " VALUES (1)")).containsExactly("first:1\n");
    assertThat(notified("INSERT INTO " + second + " VALUES (2)")).containsExactly("second:2\n");
    assertThat(InvalidationTriggers.identifier("larder_notify_" + first)).hasSize(63)
        .isNotEqualTo(InvalidationTriggers.identifier("larder_notify_" + second));
    assertThat(InvalidationTriggers.identifier("larder_notify_product"))
        .isEqualTo("larder_notify_product");
  }
}
