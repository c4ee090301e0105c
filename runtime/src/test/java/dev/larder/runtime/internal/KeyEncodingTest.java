package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyEncodingTest {
  private enum Status { ACTIVE }

  @Test
  void plainScalarsStayReadable() {
    assertThat(KeyEncoding.part(42L)).isEqualTo("42");
    assertThat(KeyEncoding.part(-7)).isEqualTo("-7");
    assertThat(KeyEncoding.part(true)).isEqualTo("true");
    assertThat(KeyEncoding.part("shoes")).isEqualTo("shoes");
    assertThat(KeyEncoding.part(Status.ACTIVE)).isEqualTo("ACTIVE");
    assertThat(KeyEncoding.part(UUID.fromString("123e4567-e89b-12d3-a456-426614174000")))
        .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
  }

  @Test
  void primitiveOverloadsGiveWhatTheBoxedValueGives() {
    long[] longs = {0, 1, -1, 42, 127, 128, -129, 123_456_789_012L, Long.MIN_VALUE, Long.MAX_VALUE};
    for (long value : longs) {
      assertThat(KeyEncoding.part(value)).isEqualTo(KeyEncoding.part((Object) value));
    }
    int[] ints = {0, 7, -7, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (int value : ints) {
      assertThat(KeyEncoding.part(value)).isEqualTo(KeyEncoding.part((Object) value));
    }
    short small = -12;
    assertThat(KeyEncoding.part(small)).isEqualTo(KeyEncoding.part((Object) small));
    assertThat(KeyEncoding.part('a')).isEqualTo("a");
    assertThat(KeyEncoding.part(':')).isEqualTo("%3A").isEqualTo(KeyEncoding.part((Object) ':'));
  }

  @Test
  void bigDecimalUsesPlainNotation() {
    assertThat(KeyEncoding.part(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(KeyEncoding.part(new BigDecimal("12.50"))).isEqualTo("12.50");
  }

  @Test
  void aDecimalWithAHugeExponentIsKeyedInSpaceBoundedByItsDigits() {
    String[] key = new String[2];
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      key[0] = KeyEncoding.part(new BigDecimal("1E+999999999"));
      key[1] = KeyEncoding.part(new BigDecimal("-1.5E-999999999"));
    });

    assertThat(key[0]).isEqualTo("1E+999999999");
    assertThat(key[1]).isEqualTo("-1.5E-999999999");
  }

  @Test
  void decimalsAreEqualKeysExactlyWhenPostgresqlSeesOneValueWithOneScale() {
    // SQL receives 1E+70 as the integer 10^70: one entry whichever way it was written.
    assertThat(KeyEncoding.part(new BigDecimal("1E+70")))
        .isEqualTo(KeyEncoding.part(new BigDecimal("1E+70").setScale(0)))
        .isEqualTo("1E+70");
    assertThat(KeyEncoding.part(new BigDecimal("0E+5"))).isEqualTo(KeyEncoding.part(BigDecimal.ZERO));
    // ...while the scale of a fraction is part of the value SQL sees (SELECT :x shows it).
    assertThat(KeyEncoding.part(new BigDecimal("1.0")))
        .isNotEqualTo(KeyEncoding.part(new BigDecimal("1.00")));
    BigDecimal longFraction = new BigDecimal("1E-80");
    assertThat(KeyEncoding.part(longFraction))
        .isNotEqualTo(KeyEncoding.part(longFraction.setScale(81)));
  }

  @Test
  void anIterableThatIsNotACollectionIsKeyedByItsElements() {
    List<String> elements = List.of("a", "b");
    Iterable<String> lambda = () -> elements.iterator();
    Iterable<String> another = () -> elements.iterator();

    assertThat(KeyEncoding.part(lambda))
        .isEqualTo(KeyEncoding.part(another))
        .isEqualTo(KeyEncoding.part(elements))
        .isEqualTo("[a,b]");
  }

  @Test
  void separatorsWhitespaceAndControlCharactersArePercentEncoded() {
    assertThat(KeyEncoding.part("a:b")).isEqualTo("a%3Ab");
    assertThat(KeyEncoding.part("a,b")).isEqualTo("a%2Cb");
    assertThat(KeyEncoding.part("[x](y)")).isEqualTo("%5Bx%5D%28y%29");
    assertThat(KeyEncoding.part("me@host")).isEqualTo("me%40host");
    assertThat(KeyEncoding.part("50%")).isEqualTo("50%25");
    assertThat(KeyEncoding.part("{id}*#")).isEqualTo("%7Bid%7D%2A%23");
    assertThat(KeyEncoding.part("two words")).isEqualTo("two%20words");
    assertThat(KeyEncoding.part("line\nbreak\t")).isEqualTo("line%0Abreak%09");
    assertThat(KeyEncoding.part(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03%3A04%3A05Z");
    // Unicode spaces (no-break ones too), separators and C1 controls, as their UTF-8 bytes.
    assertThat(KeyEncoding.part("a\u00A0b")).isEqualTo("a%C2%A0b");
    assertThat(KeyEncoding.part("a\u2007b\u202Fc")).isEqualTo("a%E2%80%87b%E2%80%AFc");
    assertThat(KeyEncoding.part("a\u2028b\u3000c")).isEqualTo("a%E2%80%A8b%E3%80%80c");
    assertThat(KeyEncoding.part("a\u0085b\u001Fc")).isEqualTo("a%C2%85b%1Fc");
    assertThat(KeyEncoding.part("zero\u200Bwidth")).isEqualTo("zero\u200Bwidth");
  }

  @Test
  void nullIsTildeAndATildeValueIsEscaped() {
    assertThat(KeyEncoding.part(null)).isEqualTo("~");
    assertThat(KeyEncoding.part("~")).isEqualTo("%7E");
  }

  @Test
  void emptyStringIsTwoQuotesAndAQuoteValueIsEscaped() {
    assertThat(KeyEncoding.part("")).isEqualTo("\"\"");
    assertThat(KeyEncoding.part("\"\"")).isEqualTo("%22%22");
  }

  @Test
  void bytesAreKeyedByTheirHexAsPostgresqlPrintsAByteaAndHashedWhenLong() {
    assertThat(KeyEncoding.part(new byte[] {0, 10, (byte) 0xFF})).isEqualTo("\\x000aff");
    assertThat(KeyEncoding.part(new byte[0])).isEqualTo("\\x");
    assertThat(KeyEncoding.part((Object) null)).isEqualTo("~");
    assertThat(KeyEncoding.part(new byte[31])).isEqualTo("\\x" + "00".repeat(31));
    String hashed = KeyEncoding.part(new byte[1 << 20]);
    assertThat(hashed).startsWith("#").hasSizeLessThanOrEqualTo(KeyEncoding.MAX_PART_LENGTH);
    assertThat(KeyEncoding.part(new byte[32])).startsWith("#").isNotEqualTo(KeyEncoding.part(new byte[33]));
  }

  @Test
  void unicodeStaysReadable() {
    assertThat(KeyEncoding.part("crème-brûlée")).isEqualTo("crème-brûlée");
    assertThat(KeyEncoding.part("日本語")).isEqualTo("日本語");
    assertThat(KeyEncoding.part("\uD83C\uDF70")).isEqualTo("\uD83C\uDF70");
  }

  @Test
  void collectionsAreBracketedListsOfEncodedElements() {
    assertThat(KeyEncoding.part(List.of(3L, 1L, 2L))).isEqualTo("[3,1,2]");
    assertThat(KeyEncoding.part(List.of())).isEqualTo("[]");
    assertThat(KeyEncoding.part(List.of(""))).isEqualTo("[\"\"]");
    assertThat(KeyEncoding.part(Arrays.asList("a,b", null, "c"))).isEqualTo("[a%2Cb,~,c]");
  }

  @Test
  void tupleEncodesRecordComponentsInOrder() {
    assertThat(KeyEncoding.tuple("shoes", 100L, null)).isEqualTo("(shoes,100,~)");
    assertThat(KeyEncoding.tuple("a)b", List.of(1))).isEqualTo("(a%29b,[1])");
  }

  @Test
  void valuesThatLookAlikeNeverShareAnEncoding() {
    List<String> encodings = List.of(
        KeyEncoding.part("a:b"),
        KeyEncoding.part("a,b"),
        KeyEncoding.part(List.of("a", "b")),
        KeyEncoding.part(List.of("a,b")),
        KeyEncoding.part(List.of("a:b")),
        KeyEncoding.part("[a,b]"),
        KeyEncoding.part("(a,b)"),
        KeyEncoding.tuple("a", "b"),
        KeyEncoding.tuple("a,b"),
        KeyEncoding.part(List.of(List.of("a"), List.of("b"))),
        KeyEncoding.part(List.of(List.of("a", "b"))),
        KeyEncoding.part(null),
        KeyEncoding.part("~"),
        KeyEncoding.part("null"),
        KeyEncoding.part(""),
        KeyEncoding.part(List.of()),
        KeyEncoding.part(List.of("")),
        KeyEncoding.part(List.of("", "")),
        KeyEncoding.part(Arrays.asList((Object) null)),
        KeyEncoding.part("a%3Ab"));
    Set<String> distinct = new HashSet<>(encodings);
    assertThat(distinct).hasSameSizeAs(encodings);
  }

  @Test
  void partsUpToTheLimitAreKeptAndLongerOnesHashed() {
    String atLimit = "x".repeat(KeyEncoding.MAX_PART_LENGTH);
    String overLimit = "x".repeat(KeyEncoding.MAX_PART_LENGTH + 1);

    assertThat(KeyEncoding.part(atLimit)).isEqualTo(atLimit);
    assertThat(KeyEncoding.part(overLimit))
        .startsWith("#")
        .hasSize(44)
        .matches("#[A-Za-z0-9_-]{43}")
        .isEqualTo(KeyEncoding.part(overLimit))
        .isNotEqualTo(KeyEncoding.part(overLimit + "y"));
  }

  @Test
  void theLimitCountsCodePointsSoAnEmojiCountsOnce() {
    String sixtyFourCodePoints = "x".repeat(KeyEncoding.MAX_PART_LENGTH - 1) + "\uD83D\uDE00";

    assertThat(KeyEncoding.part(sixtyFourCodePoints)).isEqualTo(sixtyFourCodePoints);
    assertThat(KeyEncoding.part(sixtyFourCodePoints + "x")).startsWith("#");
    assertThat(KeyEncoding.tuple("\uD83D\uDE00".repeat(KeyEncoding.MAX_PART_LENGTH - 2)))
        .isEqualTo("(" + "\uD83D\uDE00".repeat(KeyEncoding.MAX_PART_LENGTH - 2) + ")");
  }

  @Test
  void escapingCountsTowardsTheLimit() {
    // 22 colons become 66 characters once encoded.
    assertThat(KeyEncoding.part(":".repeat(22))).startsWith("#");
  }

  @Test
  void longCollectionsAndTuplesAreHashedAndAHashCannotBeForgedByAValue() {
    List<Long> ids = java.util.stream.LongStream.rangeClosed(1, 100).boxed().toList();
    String hashed = KeyEncoding.part(ids);

    assertThat(hashed).startsWith("#");
    assertThat(KeyEncoding.tuple("y".repeat(70))).startsWith("#");
    assertThat(KeyEncoding.part(hashed)).isEqualTo("%23" + hashed.substring(1));
  }
}
