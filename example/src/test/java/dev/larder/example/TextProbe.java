package dev.larder.example;

/** The citext and tsvector columns of a {@code type_probe} row, read as text. */
public record TextProbe(long id, String nick, String search) {}
