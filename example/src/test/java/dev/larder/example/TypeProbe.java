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

/** A {@code type_probe} row read into primitives: a NULL in a primitive column is an error. */
public record TypeProbe(
    long id,
    long bigCount,
    int smallCount,
    boolean flag,
    double ratio,
    String label,
    BigDecimal amount,
    UUID token,
    Instant happenedAt,
    LocalDateTime localStamp,
    LocalDate day,
    OffsetDateTime offsetAt,
    ProbeStatus status,
    short tinyCount,
    float weight,
    LocalTime opensAt,
    OffsetTime opensAtZoned,
    List<String> features,
    List<Integer> scores,
    List<Long> bigScores,
    List<UUID> relatedTokens) {}
