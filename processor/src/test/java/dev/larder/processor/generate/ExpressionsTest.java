package dev.larder.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Durations in generated code read as a person writes them, in their largest whole unit; long
 * texts are split into short literals whose concatenation is the text.
 */
class ExpressionsTest {

  private static String code(Duration value) {
    return Expressions.duration(value).toString();
  }

  @Test
  void eachDurationIsWrittenInItsLargestWholeUnit() {
    assertThat(code(Duration.ZERO)).isEqualTo("java.time.Duration.ZERO");
    assertThat(code(Duration.ofDays(2))).isEqualTo("java.time.Duration.ofDays(2)");
    assertThat(code(Duration.ofHours(36))).isEqualTo("java.time.Duration.ofHours(36)");
    assertThat(code(Duration.ofMinutes(10))).isEqualTo("java.time.Duration.ofMinutes(10)");
    assertThat(code(Duration.ofSeconds(90))).isEqualTo("java.time.Duration.ofSeconds(90)");
    assertThat(code(Duration.ofMillis(1500))).isEqualTo("java.time.Duration.ofMillis(1500)");
    assertThat(code(Duration.ofNanos(1_000_001))).isEqualTo("java.time.Duration.ofNanos(1000001L)");
  }

  @Test
  void whatIsWrittenIsTheSameDuration() {
    for (Duration value : new Duration[] {Duration.ofMinutes(-5), Duration.parse("PT1H0.5S"),
        Duration.ofDays(400), Duration.ofNanos(7)}) {
      String code = code(value);
      String argument = code.substring(code.indexOf('(') + 1, code.indexOf(')')).replace("L", "");
      long amount = Long.parseLong(argument);
      Duration written = switch (code.substring("java.time.Duration.".length(), code.indexOf('('))) {
        case "ofDays" -> Duration.ofDays(amount);
        case "ofHours" -> Duration.ofHours(amount);
        case "ofMinutes" -> Duration.ofMinutes(amount);
        case "ofSeconds" -> Duration.ofSeconds(amount);
        case "ofMillis" -> Duration.ofMillis(amount);
        default -> Duration.ofNanos(amount);
      };
      assertThat(written).as(code).isEqualTo(value);
    }
  }

  @Test
  void aLongTextIsSplitBeforeSpacesIntoShortLiteralsThatJoinToTheText() {
    String sql = "SELECT id, sku, name, category, price_cents, status, created_at FROM product"
        + " WHERE category = :filter.category AND price_cents <= :filter.maxPriceCents"
        + " ORDER BY price_cents, id";

    String code = Expressions.text(sql).toString();

    assertThat(code).isEqualTo("\"SELECT id, sku, name, category, price_cents, status, created_at"
        + " FROM product\"\n    + \" WHERE category = :filter.category AND price_cents <="
        + " :filter.maxPriceCents\"\n    + \" ORDER BY price_cents, id\"");
    assertThat(joined(code)).isEqualTo(sql);
  }

  @Test
  void everyLineOfATextIsALiteralAndQuotesAndEscapesCountInTheWidth() {
    String text = "SELECT * FROM (\n" + "x".repeat(30) + " \"quoted\" \\ " + "y".repeat(40)
        + "\n) t\n";

    String code = Expressions.text(text).toString();

    assertThat(code.lines()).allSatisfy(line ->
        assertThat(line.strip().replaceFirst("^\\+ ", "").length())
            .isLessThanOrEqualTo(Expressions.TEXT_WIDTH));
    assertThat(code.lines()).hasSize(4);
    assertThat(joined(code)).isEqualTo(text);
  }

  @Test
  void aShortTextOrAWordWiderThanALineStaysOneLiteral() {
    String word = "w".repeat(Expressions.TEXT_WIDTH + 10);

    assertThat(Expressions.text("SELECT 1").toString()).isEqualTo("\"SELECT 1\"");
    assertThat(Expressions.text(word).toString()).isEqualTo("\"" + word + "\"");
    assertThat(Expressions.text("").toString()).isEqualTo("\"\"");
  }

  /** The value of {@code "a" + "b"...} as Java reads it, for the escapes these tests use. */
  private static String joined(String code) {
    StringBuilder out = new StringBuilder();
    for (String line : code.lines().toList()) {
      String literal = line.strip().replaceFirst("^\\+ ", "");
      String body = literal.substring(1, literal.length() - 1);
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\\') {
          char next = body.charAt(++i);
          out.append(next == 'n' ? '\n' : next);
        } else {
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
