package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cursors: what they carry, and every way a token that is not this query's own is refused. */
class KeysetTest {
  private static final RepositoryMethod BY_PRICE =
      new RepositoryMethod("ProductRepository", "byPrice", "SELECT 1", "0a1b2c3d");
  private static final RepositoryMethod BY_NAME =
      new RepositoryMethod("ProductRepository", "byName", "SELECT 2", "99887766");

  enum Color { RED, GREEN }

  /** A row of every sort type. */
  record Row(long id, int rank, boolean flag, double score, String name, BigDecimal amount,
      UUID key, Instant at, LocalDate day, LocalDateTime local, OffsetDateTime offset,
      Color color) {}

  private static final List<Keyset.Column> EVERY_TYPE = List.of(
      new Keyset.Column("rank", SortType.INT, true),
      new Keyset.Column("flag", SortType.BOOLEAN, false),
      new Keyset.Column("score", SortType.DOUBLE, true),
      new Keyset.Column("name", SortType.STRING, false),
      new Keyset.Column("amount", SortType.BIG_DECIMAL, false),
      new Keyset.Column("key", SortType.UUID, false),
      new Keyset.Column("at", SortType.INSTANT, false),
      new Keyset.Column("day", SortType.LOCAL_DATE, false),
      new Keyset.Column("local", SortType.LOCAL_DATE_TIME, false),
      new Keyset.Column("offset", SortType.OFFSET_DATE_TIME, false),
      new Keyset.Column("color", SortType.ENUM, false),
      new Keyset.Column("id", SortType.LONG, false));

  private static Keyset<Row> everyType(RepositoryMethod method) {
    return new Keyset<>(method, "FIRST", "AFTER", "BEFORE", EVERY_TYPE,
        r -> new Object[] {r.rank(), r.flag(), r.score(), r.name(), r.amount(), r.key(), r.at(),
            r.day(), r.local(), r.offset(), r.color().name(), r.id()});
  }

  private static Row row(long id) {
    return new Row(id, 3, true, 2.5, "Ünïcode, name: \"x\"", new BigDecimal("12.340"),
        new UUID(1, id), Instant.ofEpochSecond(1_700_000_000L, 123_456_789),
        LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6),
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(2)), Color.GREEN);
  }

  private static List<Row> rows(int count) {
    List<Row> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(row(i));
    }
    return out;
  }

  @Test
  void nextCursorCarriesTheLastRowsTypedValuesToTheAfterStatement() {
    Keyset<Row> keyset = everyType(BY_PRICE);
    CursorPage<Row> page = keyset.page(keyset.position(CursorKey.NONE, null, 2), rows(3));

    assertThat(page.content()).extracting(Row::id).containsExactly(1L, 2L);
    assertThat(page.previous()).as("the first page has nothing before it").isNull();
    assertThat(page.next().token()).matches("[A-Za-z0-9_-]+");

    Keyset.Position next = keyset.position(CursorKey.NONE, page.next(), 2);
    assertThat(next.sql()).isEqualTo("AFTER");
    CursorTokens.Content content;
    try {
      content = CursorTokens.decode(CursorKey.NONE, page.next(), BY_PRICE.fingerprint(),
          EVERY_TYPE.stream().map(Keyset.Column::type).toList());
    } catch (CursorTokens.MalformedCursorException e) {
      throw new AssertionError(e);
    }
    Row last = row(2);
    assertThat(content.before()).isFalse();
    assertThat(content.values()).containsExactly(last.rank(), last.flag(), last.score(),
        last.name(), last.amount(), last.key(), last.at(), last.day(), last.local(),
        last.offset(), "GREEN", last.id());
  }

  @Test
  void lastPageHasNoNextAndAPreviousCursorToTheStatementBefore() {
    Keyset<Row> keyset = everyType(BY_PRICE);
    Cursor after = keyset.page(keyset.position(CursorKey.NONE, null, 2), rows(3)).next();

    CursorPage<Row> last = keyset.page(keyset.position(CursorKey.NONE, after, 2), List.of(row(3)));

    assertThat(last.next()).isNull();
    assertThat(last.previous()).isNotNull();
    assertThat(keyset.position(CursorKey.NONE, last.previous(), 2).sql()).isEqualTo("BEFORE");
  }

  @Test
  void pageReadBackwardsIsPutBackInOrder() {
    Keyset<Row> keyset = everyType(BY_PRICE);
    Cursor after = keyset.page(keyset.position(CursorKey.NONE, null, 2), rows(3)).next();
    Cursor before = keyset.page(keyset.position(CursorKey.NONE, after, 2), List.of(row(3))).previous();

    // The statement before a cursor reads in reversed order: 2, 1 (and no third row: the start).
    CursorPage<Row> page = keyset.page(keyset.position(CursorKey.NONE, before, 2), List.of(row(2), row(1)));

    assertThat(page.content()).extracting(Row::id).containsExactly(1L, 2L);
    assertThat(page.previous()).isNull();
    assertThat(page.next()).isNotNull();
  }

  @Test
  void emptyPageHasNoCursors() {
    Keyset<Row> keyset = everyType(BY_PRICE);

    CursorPage<Row> page = keyset.page(keyset.position(CursorKey.NONE, null, 5), List.of());

    assertThat(page.content()).isEmpty();
    assertThat(page.hasNext()).isFalse();
    assertThat(page.hasPrevious()).isFalse();
  }

  @Test
  void garbageIsNotACursorOfThisQuery() {
    Keyset<Row> keyset = everyType(BY_PRICE);

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, new Cursor("hello"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProductRepository.byPrice: cursor is not for this query (it is not a cursor"
            + " token); pass a cursor this method returned, or null for the first page");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, new Cursor("bm90LWEtbGFyZGVyLWN1cnNvcg"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor is not for this query (it is not a cursor token, or was"
            + " made by another version of Larder)");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, new Cursor("A"), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor is not for this query");
  }

  @Test
  void truncatedAndAlteredTokensAreRefused() {
    Keyset<Row> keyset = everyType(BY_PRICE);
    String token = keyset.page(keyset.position(CursorKey.NONE, null, 1), rows(2)).next().token();

    for (int cut = 1; cut < token.length(); cut++) {
      Cursor truncated = new Cursor(token.substring(0, token.length() - cut));
      assertThatThrownBy(() -> keyset.position(CursorKey.NONE, truncated, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor is not for this query");
    }
    byte[] bytes = Base64.getUrlDecoder().decode(token);
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 0x10;
      Cursor tampered = new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(altered));
      assertThatThrownBy(() -> keyset.position(CursorKey.NONE, tampered, 1))
          .as("byte %d altered", i)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor is not for this query");
    }
  }

  @Test
  void cursorOfAnotherQueryIsRefusedEvenWithTheSameColumns() {
    Keyset<Row> byPrice = everyType(BY_PRICE);
    Keyset<Row> byName = everyType(BY_NAME);
    Cursor foreign = byName.page(byName.position(CursorKey.NONE, null, 1), rows(2)).next();

    assertThatThrownBy(() -> byPrice.position(CursorKey.NONE, foreign, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProductRepository.byPrice: cursor is not for this query (it was made by"
            + " another query, or by another version of this one); pass a cursor this method"
            + " returned, or null for the first page");
  }

  @Test
  void cursorWithOtherSortTypesIsRefused() {
    Keyset<Row> byId = new Keyset<>(BY_PRICE, "F", "A", "B",
        List.of(new Keyset.Column("id", SortType.LONG, false)), r -> new Object[] {r.id()});
    Keyset<Row> byName = new Keyset<>(BY_PRICE, "F", "A", "B",
        List.of(new Keyset.Column("name", SortType.STRING, false)), r -> new Object[] {r.name()});
    Cursor fromName = byName.page(byName.position(CursorKey.NONE, null, 1), rows(2)).next();

    assertThatThrownBy(() -> byId.position(CursorKey.NONE, fromName, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor is not for this query (its sort values do not match the"
            + " order of this query)");
  }

  @Test
  void limitOutOfRangeNamesTheLimitAndTheRange() {
    Keyset<Row> keyset = everyType(BY_PRICE);

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, null, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProductRepository.byPrice: limit must be between 1 and 1000 but was 0");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, null, 1001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ProductRepository.byPrice: limit must be between 1 and 1000 but was 1001");
  }

  @Test
  void nullSortValueIsAClearErrorNotABrokenCursor() {
    Keyset<Row> byName = new Keyset<>(BY_PRICE, "F", "A", "B",
        List.of(new Keyset.Column("name", SortType.STRING, false)), r -> new Object[] {null});

    assertThatThrownBy(() -> byName.page(byName.position(CursorKey.NONE, null, 1), rows(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sort column name is NULL in a row");
  }

  @Test
  void tokensThatAreNotUrlSafeOrTooLongAreRefusedWhenParsed() {
    assertThat(Cursor.parse(null)).isNull();
    assertThat(Cursor.parse("  ")).isNull();
    assertThatThrownBy(() -> Cursor.parse("a+b/c="))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'+' at position 1");
    assertThatThrownBy(() -> new Cursor("x".repeat(Cursor.MAX_TOKEN_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 4096 characters");
  }

  @Test
  void keyPartsOfDifferentCursorsAndLimitsDiffer() {
    assertThat(Keyset.keyPart(null, 20)).isEqualTo("[after=~,limit=20]");
    assertThat(Keyset.keyPart(new Cursor("abc"), 20)).isEqualTo("[after=abc,limit=20]");
    assertThat(Keyset.keyPart(new Cursor("abc"), 21)).isNotEqualTo(Keyset.keyPart(new Cursor("abc"), 20));
  }
}
