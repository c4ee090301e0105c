package dev.larder.example;

import java.time.LocalDate;

/** A record parameter whose components the SQL names as {@code :filter.label}. */
public record ProbeFilter(String label, LocalDate from) {}
