package dev.larder.example;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code every_type}: one component of every type Larder maps, each of which may be
 * null. {@code doc} and {@code rawDoc} are json text, {@code nick} citext, {@code search} a
 * tsvector, {@code email} and {@code price} value types stored through converters.
 */
public record EveryType(
    Long big,
    Integer count,
    Short small,
    Boolean flag,
    Double ratio,
    Float weight,
    String label,
    BigDecimal amount,
    UUID token,
    Instant happenedAt,
    LocalDateTime localStamp,
    OffsetDateTime offsetAt,
    LocalDate day,
    LocalTime opensAt,
    OffsetTime opensAtZoned,
    Duration span,
    Character initial,
    byte[] payload,
    String doc,
    String rawDoc,
    String nick,
    String search,
    ProbeStatus status,
    MpaaRating rating,
    List<String> features,
    List<Integer> scores,
    List<Long> bigScores,
    List<Short> smallScores,
    List<Float> weights,
    List<UUID> tokens,
    List<MpaaRating> ratings,
    List<ProbeStatus> statusNames,
    Email email,
    Money price) {}
