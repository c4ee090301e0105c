package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each SQL form runs on PostgreSQL as written, with only its real parameters bound. */
class SqlFormRepositoryTest {
  private Larder larder;
  private SqlFormRepository forms;

  @BeforeEach
  void open() {
    larder = ExampleDatabase.freshLarder();
    forms = new SqlFormRepositoryImpl(larder);
  }

  @AfterEach
  void close() {
    larder.close();
  }

  @Test
  void jsonbKeyExistsOperatorFindsRowsWithTheKey() {
    assertThat(forms.withAwards()).containsExactly(1L, 3L);
  }

  @Test
  void jsonbAnyKeyOperatorTakesAnArrayParameter() {
    assertThat(forms.withAnyKey(List.of("sequel", "year"))).containsExactly(1L, 2L, 3L);
    assertThat(forms.withAnyKey(List.of("sequel"))).containsExactly(3L);
  }

  @Test
  void jsonbEveryKeyOperatorTakesAnArrayParameter() {
    assertThat(forms.withEveryKey(List.of("awards", "year"))).containsExactly(1L);
  }

  @Test
  void dollarQuotedBodiesReachTheServerAsWritten() {
    assertThat(forms.dollarQuoted("!")).isEqualTo("it's :not ? a parameter $$ :x !");
  }

  @Test
  void escapeStringsReachTheServerAsWritten() {
    assertThat(forms.escapeString("!")).isEqualTo("it's \\ :not ?!");
  }

  @Test
  void quotedIdentifiersMayHoldColons() {
    assertThat(forms.quotedIdentifier(2)).isEqualTo(20);
  }

  @Test
  void arraySlicesAreNotParameters() {
    assertThat(forms.arraySlices(1)).isEqualTo("drama,classic|classic,long");
  }

  @Test
  void castsOnColumnsAndParameters() {
    assertThat(forms.olderThan("2000")).isEqualTo(1);
  }

  @Test
  void commentsMayHoldQuotesColonsAndQuestionMarks() {
    assertThat(forms.commented(3)).isEqualTo(3);
  }

  @Test
  void uncachedReadRunsOnEveryCallWhereACachedOneIsServedFromTheCache() {
    Instant first = forms.clock();
    Instant cachedFirst = forms.cachedClock();
    // The database clock moves on: the uncached read sees it, the cached one does not.
    await().atMost(Duration.ofSeconds(5)).until(() -> forms.clock().isAfter(first));
    assertThat(forms.cachedClock()).isEqualTo(cachedFirst);
  }

  @Test
  void uncachedLockingReadJoinsTheCallersTransaction() {
    int value = larder.inTransaction(handle -> {
      int locked = forms.lockedValue(2);
      // The row lock is this transaction's: another session cannot take it now.
      boolean lockedElsewhere = larder.jdbi().withHandle(other -> other
          .createQuery("SELECT id FROM sql_form WHERE id = 2 FOR UPDATE SKIP LOCKED")
          .mapTo(Long.class).list()).isEmpty();
      assertThat(lockedElsewhere).isTrue();
      return locked;
    });

    assertThat(value).isEqualTo(20);
  }

  @Test
  void aFailureShowsTheSqlAsWrittenNotAsEscapedForJdbi() {
    assertThatThrownBy(() -> forms.failing(1))
        .isInstanceOf(RepositoryException.class)
        .hasMessageEndingWith("[SQL: SELECT 1 / (id - :id) FROM sql_form WHERE metadata ? 'awards'"
            + " AND tags[1:1] <> '{x\\y}' AND id = :id]");
  }
}
