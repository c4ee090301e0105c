package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGInterval;

class IntervalsTest {

  @Test
  void aDurationIsSentAsHoursMinutesAndSecondsNeverDays() {
    PGInterval interval = Intervals.of(Duration.ofDays(2).plusMinutes(3).plusNanos(4_567_000));

    assertThat(interval.getDays()).isZero();
    assertThat(interval.getHours()).isEqualTo(48);
    assertThat(interval.getMinutes()).isEqualTo(3);
    assertThat(interval.getWholeSeconds()).isZero();
    assertThat(interval.getMicroSeconds()).isEqualTo(4567);
  }

  @Test
  void aNegativeDurationHasEveryFieldNegative() {
    PGInterval interval = Intervals.of(Duration.ofSeconds(-3661, 500_000_000));

    assertThat(interval.getHours()).isEqualTo(-1);
    assertThat(interval.getMinutes()).isEqualTo(-1);
    assertThat(interval.getWholeSeconds()).isZero();
    assertThat(interval.getMicroSeconds()).isEqualTo(-500_000);
  }

  @Test
  void aDurationLongerThanAnIntervalHoldsIsAnIllegalArgument() {
    assertThatThrownBy(() -> Intervals.of(Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than a PostgreSQL interval holds");
    assertThatThrownBy(() -> Intervals.of(Duration.ofHours(Integer.MAX_VALUE + 1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
