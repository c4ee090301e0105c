package dev.larder.processor.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Durations in generated code read as a person writes them, in their largest whole unit. */
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
}
