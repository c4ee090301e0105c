package dev.larder.example;

import java.time.Duration;

/** The interval and char(1) columns of a {@code type_probe} row, read into nullable types. */
public record SpanProbe(long id, Duration span, Character initial) {}
