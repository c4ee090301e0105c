package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.processor.model.SchemaText;
import org.junit.jupiter.api.Test;

class SchemaTextsTest {

  @Test
  void namesBecomePositionalParametersByOccurrenceAndOperatorsAreEscapedForPgjdbc() {
    SchemaText text = SchemaTexts.of(
        "SELECT id FROM t WHERE a = :id OR b = :id AND doc ? 'k' AND c = ':no' AND d::text = :x");

    assertThat(text.jdbc()).isEqualTo(
        "SELECT id FROM t WHERE a = ? OR b = ? AND doc ?? 'k' AND c = ':no' AND d::text = ?");
    assertThat(text.server()).isEqualTo(
        "SELECT id FROM t WHERE a = $1 OR b = $2 AND doc ? 'k' AND c = ':no' AND d::text = $3");
    assertThat(text.occurrences()).containsExactly("id", "id", "x");
  }

  @Test
  void serverPositionsMapBackToTheSqlAsWritten() {
    String sql = "SELECT x FROM t WHERE a = :longName AND bogus";
    SchemaText text = SchemaTexts.of(sql);

    int server = text.server().indexOf("bogus") + 1;

    assertThat(text.writtenPosition(server)).isEqualTo(sql.indexOf("bogus") + 1);
    assertThat(text.writtenPosition(1)).isEqualTo(1);
  }

  @Test
  void findsATopLevelStarButNotCountStarOrMultiplication() {
    assertThat(SchemaTexts.of("SELECT * FROM t").star()).isEqualTo(7);
    assertThat(SchemaTexts.of("SELECT a, t.* FROM t").star()).isEqualTo(10);
    assertThat(SchemaTexts.of("SELECT count(*), a * b FROM t").star()).isEqualTo(-1);
    assertThat(SchemaTexts.of("SELECT a FROM (SELECT * FROM t) s").star()).isEqualTo(-1);
  }

  @Test
  void theRightSideOfALeftJoinIsNullableAndRightOrFullJoinsMakeEveryTableNullable() {
    SchemaText left = SchemaTexts.of(
        "SELECT * FROM product p LEFT OUTER JOIN review r ON true JOIN tag g ON true");
    assertThat(left.outerJoined("review")).isTrue();
    assertThat(left.outerJoined("product")).isFalse();
    assertThat(left.outerJoined("tag")).isFalse();

    assertThat(SchemaTexts.of("SELECT 1 FROM a RIGHT JOIN b ON true").outerJoined("a")).isTrue();
    assertThat(SchemaTexts.of("SELECT 1 FROM a FULL JOIN b ON true").outerJoined("b")).isTrue();
  }

  @Test
  void aLeftJoinedSubqueryOrCteMakesTheTablesInsideItNullable() {
    SchemaText subquery = SchemaTexts.of(
        "SELECT * FROM a LEFT JOIN (SELECT * FROM b JOIN c ON true) x ON true");
    assertThat(subquery.outerJoined("b")).isTrue();
    assertThat(subquery.outerJoined("c")).isTrue();
    assertThat(subquery.outerJoined("a")).isFalse();

    SchemaText cte = SchemaTexts.of(
        "WITH recent AS (SELECT * FROM orders) SELECT * FROM customer LEFT JOIN recent ON true");
    assertThat(cte.outerJoined("orders")).isTrue();
    assertThat(cte.outerJoined("customer")).isFalse();
  }
}
