package dev.larder.example;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.UUID;

/** A {@code type_probe} row read into boxed types, which take NULL; also what gets inserted. */
public record NullableTypeProbe(
    Long bigCount,
    Integer smallCount,
    Boolean flag,
    Double ratio,
    String label,
    BigDecimal amount,
    UUID token,
    Instant happenedAt,
    LocalDateTime localStamp,
    LocalDate day,
    OffsetDateTime offsetAt,
    ProbeStatus status,
    Short tinyCount,
    Float weight,
    LocalTime opensAt,
    OffsetTime opensAtZoned,
    List<String> features,
    List<Integer> scores,
    List<Long> bigScores,
    List<UUID> relatedTokens) {}
