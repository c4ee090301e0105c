package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statements of multi-row inserts and the chunks of JDBC batches. */
class MultiRowInsertTest {
  private static final MultiRowInsert INSERT = new MultiRowInsert(
      "INSERT INTO t (a, b) VALUES", "(?, lower(?))", "ON CONFLICT (a) DO NOTHING", 2);

  @Test
  void statementRepeatsTheTupleOncePerRowAndKeepsTheTail() {
    assertThat(INSERT.sql(1))
        .isEqualTo("INSERT INTO t (a, b) VALUES (?, lower(?)) ON CONFLICT (a) DO NOTHING");
    assertThat(INSERT.sql(3)).isEqualTo("INSERT INTO t (a, b) VALUES (?, lower(?)),"
        + " (?, lower(?)), (?, lower(?)) ON CONFLICT (a) DO NOTHING");
  }

  @Test
  void rowsPerStatementStayUnderTheParameterLimit() {
    assertThat(INSERT.rowsPerStatement(1000)).isEqualTo(1000);
    MultiRowInsert wide = new MultiRowInsert("INSERT INTO t VALUES", "(?)", "", 100);
    assertThat(wide.rowsPerStatement(1000)).isEqualTo(327);
    assertThat(wide.rowsPerStatement(1000) * 100).isLessThanOrEqualTo(MultiRowInsert.MAX_PARAMETERS);
  }

  @Test
  void chunksHandOverEveryRowInOrderAndAddUpTheCounts() {
    List<List<Integer>> chunks = new ArrayList<>();
    long total = Batches.inChunks(List.of(1, 2, 3, 4, 5, 6, 7), 3, chunk -> {
      chunks.add(List.copyOf(chunk));
      return chunk.size() * 10L;
    });

    assertThat(chunks).containsExactly(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7));
    assertThat(total).isEqualTo(70);
    assertThat(Batches.inChunks(List.<Integer>of(), 3, chunk -> {
      throw new AssertionError("an empty batch writes nothing");
    })).isZero();
    assertThatThrownBy(() -> Batches.inChunks(List.of(1), 0, chunk -> 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
