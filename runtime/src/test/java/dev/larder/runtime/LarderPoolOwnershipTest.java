package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LarderPoolOwnershipTest {
  private static final RepositoryMethod PING = new RepositoryMethod("Probe", "ping", "SELECT 1", "00000000");

  @Test
  void poolCreatedFromUrlIsUsableThenClosedByClose() {
    Larder larder = Larder.builder()
        .jdbcUrl(TestDatabase.get().jdbcUrl())
        .poolName("larder-owned-probe")
        .maximumPoolSize(2)
        .build();
    Integer one = larder.execute(PING, h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
    assertThat(one).isEqualTo(1);
    HikariDataSource pool = (HikariDataSource) larder.dataSource();
    assertThat(pool.getPoolName()).isEqualTo("larder-owned-probe");
    assertThat(pool.getMaximumPoolSize()).isEqualTo(2);

    larder.close();

    assertThat(pool.isClosed()).isTrue();
    assertThatThrownBy(pool::getConnection).isInstanceOf(SQLException.class);
  }

  @Test
  void closeIsIdempotent() {
    Larder larder = Larder.builder().jdbcUrl(TestDatabase.get().jdbcUrl()).build();
    larder.close();
    larder.close();
    assertThat(((HikariDataSource) larder.dataSource()).isClosed()).isTrue();
  }

  @Test
  void dataSourceGivenByTheCallerStaysOpenAfterClose() throws SQLException {
    HikariDataSource callers = new HikariDataSource();
    callers.setJdbcUrl(TestDatabase.get().jdbcUrl());
    callers.setMaximumPoolSize(1);
    try (callers) {
      Larder larder = Larder.builder().dataSource(callers).build();
      assertThat(larder.dataSource()).isSameAs(callers);
      Integer one = larder.execute(PING, h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
      assertThat(one).isEqualTo(1);

      larder.close();

      assertThat(callers.isClosed()).isFalse();
      try (Connection connection = callers.getConnection()) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void credentialsFromDatabaseUrlReachThePool() {
    try (Larder larder = Larder.builder()
        .databaseUrl("postgres://reader:pa%2Bss@127.0.0.1:1/none")
        .build()) {
      HikariDataSource pool = (HikariDataSource) larder.dataSource();
      assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:1/none");
      assertThat(pool.getUsername()).isEqualTo("reader");
      assertThat(pool.getPassword()).isEqualTo("pa+ss");
    }
  }
}
