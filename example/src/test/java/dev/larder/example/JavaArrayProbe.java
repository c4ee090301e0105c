package dev.larder.example;

import java.util.UUID;

/** The array columns of a {@code type_probe} row as Java arrays. */
public record JavaArrayProbe(
    long id,
    String[] features,
    int[] scores,
    long[] bigScores,
    short[] smallScores,
    float[] weights,
    UUID[] relatedTokens,
    ProbeStatus[] statusNames,
    MpaaRating[] ratings) {}
