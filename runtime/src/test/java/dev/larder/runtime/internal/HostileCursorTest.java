package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tokens made by someone who knows the format: each is refused with an
 * {@link IllegalArgumentException} that says why, before the cache or the database sees it, and
 * without allocating more than the token holds; and signed cursors that nobody without the key
 * can make.
 */
class HostileCursorTest {
  private static final RepositoryMethod METHOD =
      new RepositoryMethod("ProductRepository", "byPrice", "SELECT 1", "0a1b2c3d");
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

  /** The bytes of a token body, sealed as the key would seal it. */
  @FunctionalInterface
  interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  static Cursor craft(CursorKey key, String fingerprint, List<SortType> types, Body values)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(key.signs() ? 3 : 2);
    out.writeByte(0);
    out.writeUTF(fingerprint);
    out.writeByte(types.size());
    for (SortType type : types) {
      out.writeByte(type.tag());
    }
    values.write(out);
    out.write(key.seal(bytes.toByteArray(), bytes.size()));
    return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
  }

  private static Keyset<Object[]> keyset(SortType... types) {
    List<Keyset.Column> columns = new java.util.ArrayList<>();
    for (int i = 0; i < types.length; i++) {
      columns.add(new Keyset.Column("c" + i, types[i], false));
    }
    return new Keyset<>(METHOD, "F", "A", "B", columns, row -> row);
  }

  private static Cursor craft(SortType type, Body value) throws IOException {
    return craft(CursorKey.NONE, METHOD.fingerprint(), List.of(type), value);
  }

  @Test
  void aForgedLengthOfTwoGigabytesIsRefusedWithoutAllocatingIt() throws IOException {
    Keyset<Object[]> keyset = keyset(SortType.BIG_DECIMAL);
    Cursor forged = craft(SortType.BIG_DECIMAL, out -> {
      out.writeBoolean(true);
      out.writeInt(0);
      out.writeInt(Integer.MAX_VALUE); // the length of the unscaled bytes
      out.writeByte(1);
    });

    assertThat(forged.token()).as("a short token").hasSizeLessThan(50);
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, forged, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cursor is not for this query (it is not a cursor token)");
  }

  @Test
  void aForgedStringChunkCountIsRefused() throws IOException {
    Keyset<Object[]> keyset = keyset(SortType.STRING);
    Cursor forged = craft(SortType.STRING, out -> {
      out.writeBoolean(true);
      out.writeInt(Integer.MAX_VALUE); // chunks
      out.writeUTF("x");
    });

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, forged, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not a cursor token");
  }

  @Test
  void fingerprintAndTypesAreCheckedBeforeAnyValueIsRead() throws IOException {
    Keyset<Object[]> keyset = keyset(SortType.BIG_DECIMAL);
    Body poison = out -> {
      out.writeBoolean(true);
      out.writeInt(0);
      out.writeInt(Integer.MAX_VALUE);
    };

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE,
        craft(CursorKey.NONE, "ffffffff", List.of(SortType.BIG_DECIMAL), poison), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it was made by another query");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE,
        craft(CursorKey.NONE, METHOD.fingerprint(), List.of(SortType.STRING), poison), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort values do not match the order of this query");
  }

  @Test
  void aDecimalPostgresqlCannotHoldIsRefusedWithTheReason() throws IOException {
    Keyset<Object[]> keyset = keyset(SortType.BIG_DECIMAL);
    Cursor hugeScale = craft(SortType.BIG_DECIMAL,
        out -> Codecs.writeBigDecimal(out, new BigDecimal(BigInteger.ONE, Integer.MAX_VALUE)));
    Cursor hugeExponent = craft(SortType.BIG_DECIMAL,
        out -> Codecs.writeBigDecimal(out, new BigDecimal("1E+999999999")));

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, hugeScale, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 1 is a decimal with 2147483647 digits after the"
            + " point, more than the 16383 of PostgreSQL's numeric");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, hugeExponent, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("digits before the point of PostgreSQL's numeric");
  }

  @Test
  void textWithANulCharacterOrALoneSurrogateIsRefused() throws IOException {
    Keyset<Object[]> keyset = keyset(SortType.LONG, SortType.STRING);
    Cursor nul = craft(CursorKey.NONE, METHOD.fingerprint(),
        List.of(SortType.LONG, SortType.STRING), out -> {
          out.writeLong(1);
          Codecs.writeString(out, "a\u0000b");
        });
    Cursor surrogate = craft(CursorKey.NONE, METHOD.fingerprint(),
        List.of(SortType.LONG, SortType.STRING), out -> {
          out.writeLong(1);
          Codecs.writeString(out, "a\ud800b");
        });

    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, nul, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 2 is a text holding U+0000");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, surrogate, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 2 is a text holding a lone UTF-16 surrogate");
  }

  @Test
  void timesAndDatesOutsidePostgresqlsRangeAreRefused() throws IOException {
    Instant yearMillion = LocalDateTime.of(1_000_000, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    assertThatThrownBy(() -> keyset(SortType.INSTANT).position(CursorKey.NONE,
        craft(SortType.INSTANT, out -> Codecs.writeInstant(out, yearMillion)), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 1 is a timestamp outside the years 4713 BC to"
            + " 294276 AD that PostgreSQL stores");
    assertThatThrownBy(() -> keyset(SortType.LOCAL_DATE_TIME).position(CursorKey.NONE,
        craft(SortType.LOCAL_DATE_TIME, out -> Codecs.writeLocalDateTime(out,
            LocalDateTime.of(-10_000, 1, 1, 0, 0))), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a timestamp outside");
    assertThatThrownBy(() -> keyset(SortType.OFFSET_DATE_TIME).position(CursorKey.NONE,
        craft(SortType.OFFSET_DATE_TIME, out -> Codecs.writeOffsetDateTime(out,
            OffsetDateTime.of(1_000_000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a timestamp outside");
    assertThatThrownBy(() -> keyset(SortType.OFFSET_DATE_TIME).position(CursorKey.NONE,
        craft(SortType.OFFSET_DATE_TIME, out -> Codecs.writeOffsetDateTime(out,
            OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(17, 12)))), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 1 is a time zone offset of +17:12, beyond the"
            + " 15:59:59 either way that PostgreSQL takes");
    assertThatThrownBy(() -> keyset(SortType.LOCAL_DATE).position(CursorKey.NONE,
        craft(SortType.LOCAL_DATE, out -> Codecs.writeLocalDate(out, LocalDate.of(10_000_000, 1, 1))),
        10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("its sort value 1 is a date outside the years 4713 BC to 5874897 AD");
    // Past Java's own range: the seconds of an Instant, an offset of 25 hours.
    assertThatThrownBy(() -> keyset(SortType.INSTANT).position(CursorKey.NONE,
        craft(SortType.INSTANT, out -> {
          out.writeBoolean(true);
          out.writeLong(Long.MAX_VALUE);
          out.writeInt(0);
        }), 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not a cursor token");
  }

  @Test
  void valuesOfRealRowsAtTheEdgesAreAccepted() {
    Keyset<Object[]> keyset = keyset(SortType.LOCAL_DATE, SortType.OFFSET_DATE_TIME,
        SortType.BIG_DECIMAL, SortType.STRING, SortType.DOUBLE);
    // 'infinity' reads as MAX; the largest numeric scale; an emoji (a surrogate pair).
    Object[] row = {LocalDate.MAX, OffsetDateTime.MIN, new BigDecimal(BigInteger.TEN, 16_383),
        "\uD83D\uDE00", Double.NaN};
    CursorPage<Object[]> page = keyset.page(keyset.position(CursorKey.NONE, null, 1),
        List.of(row, row));

    assertThat(keyset.position(CursorKey.NONE, page.next(), 1).sql()).isEqualTo("A");
  }

  @Test
  void signedCursorsRoundTripUnderTheirKey() {
    CursorKey key = CursorKey.of(KEY);
    Keyset<Object[]> keyset = keyset(SortType.LONG);
    Cursor next = keyset.page(keyset.position(key, null, 1),
        List.of(new Object[] {1L}, new Object[] {2L})).next();

    Keyset.Position position = keyset.position(key, next, 1);

    assertThat(position.sql()).isEqualTo("A");
  }

  @Test
  void aCursorMadeByHandOrAlteredOrSignedWithAnotherKeyIsRefusedBySignedRuntimes()
      throws IOException {
    CursorKey key = CursorKey.of(KEY);
    Keyset<Object[]> keyset = keyset(SortType.LONG);
    List<Object[]> rows = List.of(new Object[] {1L}, new Object[] {2L});
    Cursor genuine = keyset.page(keyset.position(key, null, 1), rows).next();
    Cursor otherKey = keyset.page(keyset.position(CursorKey.of(OTHER_KEY), null, 1), rows).next();
    Cursor unsigned = keyset.page(keyset.position(CursorKey.NONE, null, 1), rows).next();
    // A hand-made token in the signed format, sealed with a guess: the unkeyed check.
    Cursor handMade = craftSignedWithoutTheKey(out -> out.writeLong(99));
    byte[] bytes = Base64.getUrlDecoder().decode(genuine.token());
    bytes[bytes.length - 20] ^= 1; // a bit of the value
    Cursor altered = new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));

    for (Cursor refused : List.of(otherKey, handMade, altered)) {
      assertThatThrownBy(() -> keyset.position(key, refused, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cursor is not for this query (it was cut short, altered, made by"
              + " hand or signed with another key)");
    }
    assertThatThrownBy(() -> keyset.position(key, unsigned, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is not signed, and this runtime takes only cursors signed with"
            + " its cursor key");
    assertThatThrownBy(() -> keyset.position(CursorKey.NONE, genuine, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is signed, and this runtime has no cursor key to check it with");
  }

  private static Cursor craftSignedWithoutTheKey(Body value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeByte(3);
    out.writeByte(0);
    out.writeUTF(METHOD.fingerprint());
    out.writeByte(1);
    out.writeByte(SortType.LONG.tag());
    value.write(out);
    byte[] check = CursorKey.NONE.seal(bytes.toByteArray(), bytes.size());
    out.write(check);
    out.write(check);
    return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
  }

  @Test
  void aCursorKeyShorterThan16BytesIsRefusedAtOnceAndNeverShown() {
    assertThatThrownBy(() -> CursorKey.of(new byte[15]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cursorKey must have at least 16 bytes (128 bits) but has 15; use random bytes"
            + " kept as a secret, e.g. 32 from SecureRandom");
    assertThatThrownBy(() -> CursorKey.of(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but has none");
    assertThat(CursorKey.of(KEY).toString()).doesNotContain("0123456789abcdef");
  }
}
