package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlNamesTest {

  @Test
  void findsNamesInOrderOfFirstUseEachOnce() {
    assertThat(SqlNames.parse(
            "UPDATE product SET price_cents = :priceCents WHERE id = :id OR parent_id = :id"))
        .containsExactly("priceCents", "id");
  }

  @Test
  void skipsStringLiteralsIncludingDoubledQuotes() {
    assertThat(SqlNames.parse("SELECT 'it''s :not a name' AS a, :real, 'x:y' FROM t"))
        .containsExactly("real");
  }

  @Test
  void skipsQuotedIdentifiers() {
    assertThat(SqlNames.parse("SELECT \"odd:column\" FROM \"t\"\"x:y\" WHERE id = :id"))
        .containsExactly("id");
  }

  @Test
  void skipsLineAndBlockComments() {
    assertThat(SqlNames.parse(
            "SELECT * -- filters by :nothing\nFROM t /* not :this\n or :that */ WHERE a = :a"))
        .containsExactly("a");
  }

  @Test
  void skipsPostgresCastsButKeepsTheNameBeforeThem() {
    assertThat(SqlNames.parse("SELECT :day::date, created_at::timestamptz FROM t"))
        .containsExactly("day");
  }

  @Test
  void skipsDollarQuotedBodiesButNotPositionalParameters() {
    assertThat(SqlNames.parse(
            "SELECT $$ :a $$, $body$ :b $body$, $1 + :c FROM t"))
        .containsExactly("c");
  }

  @Test
  void readsDottedNamesOfRecordComponents() {
    assertThat(SqlNames.parse(
            "SELECT * FROM product WHERE category = :filter.category AND p <= :filter.max"))
        .containsExactly("filter.category", "filter.max");
  }

  @Test
  void aTrailingPeriodEndsTheName() {
    assertThat(SqlNames.parse("SELECT 1 -- see\nWHERE a = :id."))
        .containsExactly("id");
  }

  @Test
  void colonNotFollowedByANameIsNotAParameter() {
    assertThat(SqlNames.parse("SELECT arr[1:2], ':' , : x FROM t")).isEmpty();
  }

  @Test
  void unterminatedLiteralEndsTheScanWithoutFailing() {
    assertThat(SqlNames.parse("SELECT :a, 'unterminated :b")).containsExactly("a");
  }

  @Test
  void jsonbKeyOperatorsAreNotParameters() {
    assertThat(SqlNames.parse("SELECT * FROM t WHERE metadata ? 'awards' AND tags ?| :any"
        + " AND tags ?& :all AND doc @? '$.a'")).containsExactly("any", "all");
  }

  @Test
  void escapeStringsEndOnlyAtAnUnescapedQuote() {
    assertThat(SqlNames.parse("SELECT E'it\\'s :not', e'\\\\', :real FROM t"))
        .containsExactly("real");
  }

  @Test
  void nestedBlockCommentsEndAtTheirOwnEnd() {
    assertThat(SqlNames.parse("SELECT /* a /* b */ :hidden */ :real FROM t"))
        .containsExactly("real");
  }

  @Test
  void arraySlicesWithNumbersAreNotParameters() {
    assertThat(SqlNames.parse("SELECT a[1:2], a[:3], a[2:], a[1:n.hi] FROM t WHERE b = :b"))
        .containsExactly("n.hi", "b");
  }

  @Test
  void dollarQuotesMayHoldQuotesAndAnotherTag() {
    assertThat(SqlNames.parse("SELECT $a$ it's $$ :x $$ $a$, :real FROM t"))
        .containsExactly("real");
  }
}
