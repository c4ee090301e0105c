package dev.larder.example;

import java.util.List;
import java.util.UUID;

/**
 * The array columns of a {@code type_probe} row as lists: of smallint and real, of enum names in
 * a {@code text[]}, and of a PostgreSQL enum type.
 */
public record ArrayProbe(
    List<Short> smallScores,
    List<Float> weights,
    List<ProbeStatus> statusNames,
    List<MpaaRating> ratings,
    List<UUID> relatedTokens) {}
