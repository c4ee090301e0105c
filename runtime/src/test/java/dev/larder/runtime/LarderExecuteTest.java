package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LarderExecuteTest {
  private static final String INSERT = "INSERT INTO execute_probe (sku) VALUES (:sku)";

  private static Larder larder;

  @BeforeAll
  static void createTable() {
    TestDatabase.get().execute("CREATE TABLE execute_probe (id bigserial PRIMARY KEY, sku text UNIQUE NOT NULL)");
    larder = Larder.builder().dataSource(TestDatabase.get().dataSource()).build();
  }

  @AfterAll
  static void dropTable() {
    TestDatabase.get().execute("DROP TABLE execute_probe");
    larder.close();
  }

  private static RepositoryMethod method(String name, String sql) {
    return new RepositoryMethod("ProbeRepository", name, sql, "0badc0de");
  }

  @Test
  void returnsWhatTheCallbackReturns() {
    RepositoryMethod insert = method("insert", INSERT);
    int inserted = larder.execute(insert, h -> h.createUpdate(INSERT).bind("sku", "OK-1").execute());

    String sql = "SELECT sku FROM execute_probe WHERE sku = :sku";
    String sku = larder.execute(method("find", sql),
        h -> h.createQuery(sql).bind("sku", "OK-1").mapTo(String.class).one());

    assertThat(inserted).isEqualTo(1);
    assertThat(sku).isEqualTo("OK-1");
  }

  @Test
  void undefinedTableBecomesRepositoryExceptionNamingMethodSqlStateAndSql() {
    String sql = "SELECT id FROM no_such_table";
    RepositoryMethod find = method("findMissing", sql);

    assertThatThrownBy(() -> larder.execute(find, h -> h.createQuery(sql).mapTo(Long.class).list()))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("ProbeRepository.findMissing: SQLSTATE 42P01: ")
        .hasMessageContaining("no_such_table")
        .hasMessageEndingWith("[SQL: SELECT id FROM no_such_table]")
        .asInstanceOf(type(RepositoryException.class))
        .satisfies(e -> {
          assertThat(e.method()).isEqualTo("ProbeRepository.findMissing");
          assertThat(e.sqlState()).isEqualTo("42P01");
          assertThat(e.getCause()).isNotNull();
        });
  }

  @Test
  void uniqueViolationCarriesSqlState23505() {
    RepositoryMethod insert = method("insertDuplicate", INSERT);
    larder.execute(insert, h -> h.createUpdate(INSERT).bind("sku", "DUP-1").execute());

    assertThatThrownBy(() -> larder.execute(insert, h -> h.createUpdate(INSERT).bind("sku", "DUP-1").execute()))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("ProbeRepository.insertDuplicate: SQLSTATE 23505")
        .asInstanceOf(type(RepositoryException.class))
        .extracting(RepositoryException::sqlState)
        .isEqualTo("23505");
  }

  @Test
  void messageKeepsOnlyTheFirstLineOfTheDriverMessage() {
    String sql = "SELECT nope FROM execute_probe";
    assertThatThrownBy(() -> larder.execute(method("badColumn", sql), h -> h.createQuery(sql).mapToMap().list()))
        .isInstanceOf(RepositoryException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("SQLSTATE 42703");
  }

  @Test
  void repositoryExceptionsFromTheCallbackPassThroughUnwrapped() {
    RepositoryMethod method = method("rows", "SELECT 1");
    IncorrectResultSizeException thrown = new IncorrectResultSizeException("ProbeRepository.rows", 1, 0, "hint");

    assertThatThrownBy(() -> larder.execute(method, h -> {
      throw thrown;
    })).isSameAs(thrown);
  }

  @Test
  void nullMethodOrCallbackIsRefusedNamingTheArgument() {
    assertThatThrownBy(() -> larder.execute(null, h -> 1)).hasMessage("method");
    assertThatThrownBy(() -> larder.execute(method("m", "SELECT 1"), null)).hasMessage("work");
  }
}
