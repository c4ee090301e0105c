package dev.larder.runtime;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.larder.runtime.internal.KeyEncoding;
import dev.larder.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL function {@code larder_key_part} that triggers use encodes every text exactly as
 * {@link KeyEncoding#part(Object)} does, checked on the real PostgreSQL: otherwise a trigger
 * would announce tags that no cached read carries and the cache would never be invalidated.
 */
class KeyEncodingParityTest {
  private static final int STRINGS_PER_ROUND = 400;
  private static final long SEED = 0x1A7DE7L;

  /** Every code point the rule escapes besides the reserved ASCII characters; NUL excluded. */
  private static final int[] SPACES_AND_CONTROLS = Stream.of(
      IntStream.rangeClosed(0x01, 0x20),
      IntStream.rangeClosed(0x7F, 0xA0),
      IntStream.of(0x1680),
      IntStream.rangeClosed(0x2000, 0x200A),
      IntStream.of(0x2028, 0x2029, 0x202F, 0x205F, 0x3000))
      .flatMapToInt(range -> range).toArray();
  /** Invisible or space-like code points that are not escaped, next to ones that are. */
  private static final int[] UNESCAPED_NEIGHBOURS = {0xA1, 0xAD, 0x180E, 0x200B, 0x200D, 0x2027,
      0x202A, 0x2060, 0x2FFF, 0x3001, 0xFEFF};
  private static final String RESERVED = ":,[]()@~#*%{}\"";

  private static Jdbi jdbi;

  @BeforeAll
  static void installTheFunctionInThisJvmsSchema() throws SQLException {
    try (Connection connection = TestDatabase.get().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(InvalidationTriggers.keyPartFunction());
    }
    jdbi = Jdbi.create(TestDatabase.get().dataSource());
  }

  /**
   * The cases of the issue: before the shared rule some gave different tags in Java and SQL
   * (the emoji at the limit; the separators on a database or argument in the "C" collation) and
   * some were left unescaped on both sides (U+00A0, U+2007, U+202F).
   */
  static Stream<Arguments> casesThatOnceDiffered() {
    String sixtyThreeXs = "x".repeat(63);
    return Stream.of(
        argumentSet("an emoji that makes 65 chars but 64 code points is kept",
            sixtyThreeXs + "\uD83D\uDE00", sixtyThreeXs + "\uD83D\uDE00"),
        argumentSet("64 emoji (128 chars) are kept", "\uD83D\uDE00".repeat(64),
            "\uD83D\uDE00".repeat(64)),
        argumentSet("line separator U+2028", "a\u2028b", "a%E2%80%A8b"),
        argumentSet("paragraph separator U+2029", "a\u2029b", "a%E2%80%A9b"),
        argumentSet("no-break space U+00A0", "a\u00A0b", "a%C2%A0b"),
        argumentSet("figure space U+2007", "a\u2007b", "a%E2%80%87b"),
        argumentSet("narrow no-break space U+202F", "a\u202Fb", "a%E2%80%AFb"),
        argumentSet("ideographic space U+3000", "a\u3000b", "a%E3%80%80b"),
        argumentSet("unit separator U+001F", "a\u001Fb", "a%1Fb"),
        argumentSet("file separator U+001C", "a\u001Cb", "a%1Cb"),
        argumentSet("next line U+0085", "a\u0085b", "a%C2%85b"),
        argumentSet("zero width space U+200B stays", "a\u200Bb", "a\u200Bb"));
  }

  @ParameterizedTest(name = "{argumentSetName}")
  @MethodSource("casesThatOnceDiffered")
  void sqlAndJavaGiveTheSameExpectedEncoding(String value, String expected) {
    assertThat(KeyEncoding.part(value)).as("Java").isEqualTo(expected);
    assertThat(encodeInSql(List.of(value), "default")).as("SQL").containsExactly(expected);
  }

  /** 10 rounds of {@value #STRINGS_PER_ROUND} generated strings, one query each. */
  @RepeatedTest(10)
  void sqlAndJavaAgreeOnGeneratedStrings(RepetitionInfo repetition) {
    SplittableRandom random = new SplittableRandom(SEED + repetition.getCurrentRepetition());
    List<String> values = new ArrayList<>();
    for (int i = 0; i < STRINGS_PER_ROUND; i++) {
      values.add(randomText(random));
    }
    assertSameEncodings(values);
  }

  /**
   * Every character of the basic plane alone, the function called with the database's collation
   * and with {@code "C"}: PL/pgSQL runs the body in the collation of the argument, so a rule that
   * depended on the locale (as regex classes do) would give different results.
   */
  @ParameterizedTest(name = "collation {0}")
  @ValueSource(strings = {"default", "C"})
  void sqlAndJavaAgreeOnEveryCharacterOfTheBasicPlaneAlone(String collation) {
    List<String> values = IntStream.rangeClosed(1, 0xFFFF)
        .filter(cp -> !Character.isSurrogate((char) cp))
        .mapToObj(Character::toString)
        .toList();
    assertSameEncodings(values, encodeInSql(values, collation));
  }

  private static void assertSameEncodings(List<String> values) {
    assertSameEncodings(values, encodeInSql(values, "default"));
  }

  private static void assertSameEncodings(List<String> values, List<String> sql) {
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String java = KeyEncoding.part(values.get(i));
      if (!java.equals(sql.get(i))) {
        mismatches.add(describe(values.get(i)) + "\n    Java " + java + "\n    SQL  " + sql.get(i));
      }
    }
    assertThat(mismatches).as("%d of %d strings encoded differently", mismatches.size(),
        values.size()).isEmpty();
  }

  private static List<String> encodeInSql(List<String> values, String collation) {
    return jdbi.withHandle(handle -> handle.createQuery("SELECT larder_key_part(v COLLATE \""
            + collation + "\") FROM unnest(CAST(:values AS text[])) WITH ORDINALITY AS t(v, n)"
            + " ORDER BY n")
        .bindArray("values", String.class, values)
        .mapTo(String.class)
        .list());
  }

  /**
   * A text of 0 to 100 code points. A third carry no escapes, so that texts of emoji and CJK
   * land on both sides of the limit; the others mix in a few or many escaped code points.
   */
  private static String randomText(SplittableRandom random) {
    int codePoints = random.nextInt(101);
    double escapedShare = new double[] {0, 0.05, 0.3}[random.nextInt(3)];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.appendCodePoint(random.nextDouble() < escapedShare
          ? escapedCodePoint(random) : unescapedCodePoint(random));
    }
    return text.toString();
  }

  private static int escapedCodePoint(SplittableRandom random) {
    return random.nextInt(3) == 0
        ? RESERVED.charAt(random.nextInt(RESERVED.length()))
        : SPACES_AND_CONTROLS[random.nextInt(SPACES_AND_CONTROLS.length)];
  }

  private static int unescapedCodePoint(SplittableRandom random) {
    return switch (random.nextInt(10)) {
      case 0 -> UNESCAPED_NEIGHBOURS[random.nextInt(UNESCAPED_NEIGHBOURS.length)];
      case 1 -> random.nextInt(0xA1, 0x250); // Latin-1 and Latin Extended
      case 2, 3 -> random.nextInt(0x4E00, 0xA000); // CJK
      case 4, 5 -> random.nextInt(2) == 0
          ? random.nextInt(0x1F300, 0x1FB00) // emoji
          : random.nextInt(0x20000, 0x2A6E0); // CJK Extension B
      default -> random.nextInt(0x21, 0x7F); // printable ASCII, reserved characters included
    };
  }

  /** The text with every code point but printable ASCII shown as {@code <U+2028>}. */
  private static String describe(String text) {
    return '"' + text.codePoints()
        .mapToObj(cp -> cp > 0x20 && cp < 0x7F
            ? Character.toString(cp) : String.format("<U+%04X>", cp))
        .collect(joining()) + '"';
  }
}
