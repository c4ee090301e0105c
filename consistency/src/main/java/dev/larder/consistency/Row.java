package dev.larder.consistency;

/** One row of {@code versioned}: its version only ever grows. */
public record Row(int id, long version) {}
