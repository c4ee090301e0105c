package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RowsTest {
  private static final String SERIES = "SELECT x FROM generate_series(1, :n) AS x";
  private static final RepositoryMethod ONE = new RepositoryMethod("ProbeRepository", "one", SERIES, "00000000");
  private static final RepositoryMethod MAYBE = new RepositoryMethod("ProbeRepository", "maybe", SERIES, "00000000");

  private static Larder larder;

  @BeforeAll
  static void connect() {
    larder = Larder.builder().dataSource(TestDatabase.get().dataSource()).build();
  }

  @AfterAll
  static void close() {
    larder.close();
  }

  private static Integer exactlyOne(int rows) {
    return RepositorySupport.of(larder).execute(ONE, h -> Rows.exactlyOne(ONE, h.createQuery(SERIES).bind("n", rows).mapTo(Integer.class)));
  }

  private static Optional<Integer> atMostOne(int rows) {
    return RepositorySupport.of(larder).execute(MAYBE, h -> Rows.atMostOne(MAYBE, h.createQuery(SERIES).bind("n", rows).mapTo(Integer.class)));
  }

  @Test
  void listIsUnmodifiableAndKeepsNullElements() {
    List<Integer> rows = RepositorySupport.of(larder).execute(MAYBE, h -> Rows.list(
        h.createQuery("SELECT NULLIF(x, 2) FROM generate_series(1, 3) AS x")
            .map((rs, ctx) -> (Integer) rs.getObject(1))));

    assertThat(rows).containsExactly(1, null, 3);
    assertThatThrownBy(() -> rows.sort(null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rows.set(0, 9)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void exactlyOneReturnsTheSingleRow() {
    assertThat(exactlyOne(1)).isEqualTo(1);
  }

  @Test
  void exactlyOneWithNoRowNamesTheMethodAndSuggestsOptional() {
    assertThatThrownBy(() -> exactlyOne(0))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessage("ProbeRepository.one: expected exactly 1 row but the query returned none;"
            + " declare the return type as Optional<...> if the row may be missing")
        .asInstanceOf(type(IncorrectResultSizeException.class))
        .satisfies(e -> {
          assertThat(e.method()).isEqualTo("ProbeRepository.one");
          assertThat(e.expected()).isEqualTo(1);
          assertThat(e.actual()).isZero();
          assertThat(e.sqlState()).isNull();
        });
  }

  @Test
  void exactlyOneWithTwoRowsNamesTheMethodAndSuggestsList() {
    assertThatThrownBy(() -> exactlyOne(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("ProbeRepository.one: expected at most 1 row but the query returned more")
        .hasMessageContaining("List<...>")
        .asInstanceOf(type(IncorrectResultSizeException.class))
        .extracting(IncorrectResultSizeException::actual)
        .isEqualTo(2);
  }

  @Test
  void exactlyOneRefusesASingleNullColumn() {
    String sql = "SELECT NULL::int";
    assertThatThrownBy(() -> RepositorySupport.of(larder).execute(ONE, h -> Rows.exactlyOne(ONE, h.createQuery(sql).mapTo(Integer.class))))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("ProbeRepository.one")
        .hasMessageContaining("NULL");
  }

  @Test
  void atMostOneIsEmptyForNoRowAndPresentForOne() {
    assertThat(atMostOne(0)).isEmpty();
    assertThat(atMostOne(1)).contains(1);
  }

  @Test
  void atMostOneTreatsASingleNullColumnAsNoRow() {
    String sql = "SELECT NULL::int";
    Optional<Integer> row = RepositorySupport.of(larder).execute(MAYBE, h -> Rows.atMostOne(MAYBE, h.createQuery(sql).mapTo(Integer.class)));
    assertThat(row).isEmpty();
  }

  @Test
  void atMostOneWithTwoRowsNamesTheMethod() {
    assertThatThrownBy(() -> atMostOne(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageStartingWith("ProbeRepository.maybe: expected at most 1 row");
  }

  @Test
  void sumIgnoresUnknownCountsOfBatchedStatements() {
    // The driver reports SUCCESS_NO_INFO (-2) for rewritten batches.
    assertThat(Rows.sum(new int[] {1, 2, -2, 0})).isEqualTo(3);
    assertThat(Rows.sum(new int[0])).isZero();
  }

  @Test
  void toIntCountRefusesToOverflowNamingTheMethod() {
    assertThat(Rows.toIntCount(ONE, 7)).isEqualTo(7);
    assertThatThrownBy(() -> Rows.toIntCount(ONE, Integer.MAX_VALUE + 1L))
        .isInstanceOf(ArithmeticException.class)
        .hasMessageContaining("ProbeRepository.one")
        .hasMessageContaining("return long");
  }

  @Test
  void batchRefusesNullNamingTheMethod() {
    assertThatThrownBy(() -> Rows.batch(ONE, "rows", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ProbeRepository.one: rows is null");
    assertThat(Rows.batch(ONE, "rows", List.of("a", "b"))).containsExactly("a", "b");
  }
}
