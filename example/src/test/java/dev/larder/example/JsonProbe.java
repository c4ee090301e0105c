package dev.larder.example;

/** The json and jsonb columns of a {@code type_probe} row, read as text. */
public record JsonProbe(long id, String doc, String rawDoc) {}
