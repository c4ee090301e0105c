package dev.larder.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void everyCallReturnsTheSameServer() {
    assertThat(TestDatabase.get()).isSameAs(TestDatabase.get());
  }

  @Test
  void connectionsUseThePerJvmSchema() throws Exception {
    TestDatabase db = TestDatabase.get();
    assertThat(db.schema()).matches("larder_it_[0-9a-f]{12}");
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(db.schema());
    }
  }

  @Test
  void jdbcUrlReachesTheSameSchemaAsTheDataSource() throws Exception {
    TestDatabase db = TestDatabase.get();
    db.execute("CREATE TABLE testing_url_probe (v int); INSERT INTO testing_url_probe VALUES (7)");
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl());
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT v FROM testing_url_probe")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getInt(1)).isEqualTo(7);
    }
  }

  @Test
  void aFailingScriptNamesTheStatementAndRollsBackTheOthers() throws Exception {
    TestDatabase db = TestDatabase.get();
    assertThatThrownBy(() -> db.execute(
        "CREATE TABLE testing_rollback_probe (v int); SELECT * FROM testing_no_such_table"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SELECT * FROM testing_no_such_table");
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'testing_rollback_probe'")) {
      rs.next();
      assertThat(rs.getInt(1)).isZero();
    }
  }

  @Test
  void usesTheConfiguredServerOnlyWhenTheVariableIsSet() {
    boolean configured = System.getenv(TestDatabase.URL_VARIABLE) != null
        && !System.getenv(TestDatabase.URL_VARIABLE).isBlank();
    assertThat(TestDatabase.get().isEmbedded()).isEqualTo(!configured);
  }
}
