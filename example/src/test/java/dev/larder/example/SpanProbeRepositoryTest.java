package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** interval, char(1) and LocalDateTime parameters on PostgreSQL, and back through Redis. */
class SpanProbeRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  /** More than a day, with microseconds: read back as it was written. */
  private static final Duration SPAN = Duration.ofDays(3).plusHours(4).plusMinutes(5)
      .plusSeconds(6).plusNanos(789_012_000);
  private static final Duration NEGATIVE = Duration.ofMillis(-1500);

  private Larder larder;
  private SpanProbeRepository spans;

  @BeforeEach
  void insertRows() {
    larder = ExampleDatabase.freshLarder();
    spans = new SpanProbeRepositoryImpl(larder);
    assertThat(spans.insert(SPAN, 'x')).isEqualTo(1);
    assertThat(spans.insert(null, null)).isEqualTo(1);
  }

  @AfterEach
  void closeRuntime() {
    larder.close();
  }

  @Test
  void intervalReadsAndBindsAsDurationWithNullInABoxOrOptional() {
    assertThat(spans.row(1)).contains(new SpanProbe(1, SPAN, 'x'));
    assertThat(spans.row(2)).contains(new SpanProbe(2, null, null));
    assertThat(spans.span(1)).isEqualTo(SPAN);
    assertThat(spans.spanIfAny(1)).contains(SPAN);
    assertThat(spans.spanIfAny(2)).isEmpty();
    assertThat(spans.spans()).containsExactly(SPAN, null);
    assertThat(spans.idsWithSpan(SPAN)).containsExactly(1L);
    assertThat(spans.idsWithSpan(null)).containsExactly(2L);
    assertThat(spans.idsWithSpan(SPAN.plusNanos(1000))).isEmpty();
    assertThatThrownBy(() -> spans.span(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("NULL");
  }

  @Test
  void aDurationIsExactTimeNotCalendarDaysAndNegativeOnesRoundTrip() {
    // 2024-03-31 is a daylight saving day in Europe; a Duration of 24 hours stays 24 hours.
    Instant at = Instant.parse("2024-03-30T12:00:00Z");
    assertThat(spans.after(at, Duration.ofHours(24))).isEqualTo(at.plus(Duration.ofHours(24)));
    assertThat(spans.after(at, NEGATIVE)).isEqualTo(at.minusMillis(1500));

    assertThat(spans.insert(NEGATIVE, 'n')).isEqualTo(1);
    assertThat(spans.span(3)).isEqualTo(NEGATIVE);
  }

  @Test
  void daysOfAnIntervalAreReadAsTwentyFourHoursAndMixedSignsAddUp() {
    assertThat(spans.setSpanText(2, "-1 day +02:00:00.5")).isEqualTo(1);

    assertThat(spans.span(2)).isEqualTo(Duration.ofHours(-22).minusMillis(-500));
  }

  @Test
  void anIntervalWithMonthsIsRefusedNamingTheColumnAndTheValue() {
    assertThat(spans.setSpanText(2, "1 mon 2 days")).isEqualTo(1);

    assertThatThrownBy(() -> spans.span(2))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("SpanProbeRepository.span: SQLSTATE 22015: column span holds the"
            + " interval '1 mon 2 days', whose months or years have no fixed length, but is read"
            + " into a Duration")
        .hasMessageContaining("read it as a String");
  }

  @Test
  void charOneReadsAndBindsAsCharAndCharacter() {
    assertThat(spans.initial(1)).isEqualTo('x');
    assertThat(spans.initialIfAny(1)).contains('x');
    assertThat(spans.initialIfAny(2)).isEmpty();
    assertThat(spans.initials()).containsExactly('x', null);
    assertThat(spans.idsWithInitial('x')).containsExactly(1L);
    assertThat(spans.idsWithInitial('y')).isEmpty();
    assertThat(spans.idsWithInitialBoxed(null)).containsExactly(2L);
    assertThat(spans.idsWithInitialBoxed('x')).containsExactly(1L);
  }

  @Test
  void nullIntoACharIsTheClearErrorAndLongerTextIsRefusedNamingTheColumn() {
    assertThatThrownBy(() -> spans.initial(2))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("NULL");
    TestDatabase.get().execute("UPDATE type_probe SET label = 'ab' WHERE id = 1");

    assertThatThrownBy(() -> spans.labelAsChar(1))
        .isInstanceOf(RepositoryException.class)
        .hasMessageStartingWith("SpanProbeRepository.labelAsChar: SQLSTATE 22001: column label holds"
            + " 'ab', 2 chars, but is read into a char");
  }

  @Test
  void aBatchInsertBindsDurationsAndCharsRowByRow() {
    List<SpanProbe> rows = Arrays.asList(new SpanProbe(0, NEGATIVE, 'a'), new SpanProbe(0, null, null));

    assertThat(spans.insertAll(rows)).isEqualTo(2);

    assertThat(spans.row(3)).contains(new SpanProbe(3, NEGATIVE, 'a'));
    assertThat(spans.row(4)).contains(new SpanProbe(4, null, null));
  }

  @Test
  void localDateTimeParametersCompareWithAndGoIntoTimestampAndTimestamptzColumns() {
    LocalDateTime at = LocalDateTime.of(2024, 2, 29, 8, 15, 30, 250_000_000);

    assertThat(spans.insertStamps(at)).isEqualTo(1);

    // Into a timestamptz, a wall-clock time is taken in the session's zone: the JVM's.
    assertThat(spans.happenedAt(3)).isEqualTo(at.atZone(ZoneId.systemDefault()).toInstant());
    assertThat(spans.idsStampedAt(at)).containsExactly(3L);
    assertThat(spans.idsStampedAt(at.plusSeconds(1))).isEmpty();
    assertThat(spans.idsStampedBetween(at, at.plusSeconds(1))).containsExactly(3L);
    assertThat(spans.idsStampedBetween(at.plusNanos(1000), at.plusSeconds(1))).isEmpty();
  }

  @Test
  void everyValueIsReadBackFromRedisByAnotherProcess() {
    List<Function<SpanProbeRepository, Object>> reads = List.of(
        s -> s.row(1), s -> s.row(2), s -> s.span(1), s -> s.spanIfAny(2), s -> s.spans(),
        s -> s.idsWithSpan(SPAN), s -> s.initial(1), s -> s.initialIfAny(1), s -> s.initialIfAny(2),
        s -> s.initials(), s -> s.idsWithInitial('x'), s -> s.idsWithInitialBoxed(null),
        s -> s.after(Instant.EPOCH, NEGATIVE));

    processes.assertReadBackFromRedis(SpanProbeRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM type_probe"));
  }
}
