package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One row with a value in every column and one with NULL in every column of {@code every_type}:
 * written, read back equal from PostgreSQL, then from the process's own cache, then from Redis
 * by another process.
 */
class EveryTypeRepositoryTest {
  @RegisterExtension
  final Processes processes = new Processes();

  private static final UUID TOKEN = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
  static final EveryType FULL = new EveryType(9_000_000_000L, -42, (short) -32768, true, 0.25,
      1.5e-7f, "alpha \"β\" , : {}", new BigDecimal("12.3400"), TOKEN,
      Instant.parse("2024-02-29T23:59:58.123456Z"), LocalDateTime.of(2024, 2, 29, 8, 15, 30, 250_000_000),
      OffsetDateTime.of(2024, 3, 1, 1, 0, 0, 0, ZoneOffset.UTC), LocalDate.of(2024, 2, 29),
      LocalTime.of(23, 59, 59, 999_999_000), OffsetTime.of(8, 30, 0, 123_000, ZoneOffset.ofHoursMinutes(5, 45)),
      Duration.ofDays(3).plusHours(4).plusNanos(5_000), 'x', new byte[] {0, 1, (byte) 0xFF},
      "{\"a\": [1, 2]}", "{\"b\":  true}", "McQueen", "'fox':2 'quick':1", ProbeStatus.ON, MpaaRating.NC_17,
      Arrays.asList("Deleted Scenes", null, "a,b \"c\""), Arrays.asList(3, null, -1), List.of(9_000_000_000L),
      List.of((short) 7), List.of(-2.5f), List.of(TOKEN), List.of(MpaaRating.PG_13, MpaaRating.G),
      List.of(ProbeStatus.OFF), new Email("ada@example.com"), new Money(new BigDecimal("0.5000")));
  static final EveryType NULLS = new EveryType(null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null);

  @Test
  void everyTypeIsWrittenAndReadBackEqualFromPostgresqlTheProcessCacheAndRedis() {
    EveryTypeRepository first = new EveryTypeRepositoryImpl(processes.start());
    long full = first.insert(FULL);
    long nulls = first.insert(NULLS);

    assertThat(first.get(full)).hasValueSatisfying(
        row -> assertThat(row).usingRecursiveComparison().isEqualTo(FULL));
    assertThat(first.get(nulls)).hasValueSatisfying(
        row -> assertThat(row).usingRecursiveComparison().isEqualTo(NULLS));

    List<Function<EveryTypeRepository, Object>> reads = List.of(r -> r.get(full), r -> r.get(nulls));
    processes.assertReadBackFromRedis(EveryTypeRepositoryImpl::new, reads,
        () -> TestDatabase.get().execute("DELETE FROM every_type"));
  }
}
