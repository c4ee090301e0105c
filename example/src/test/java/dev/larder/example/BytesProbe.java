package dev.larder.example;

/** The bytea column of a {@code type_probe} row, as a {@code byte[]}. */
public record BytesProbe(long id, byte[] payload) {}
