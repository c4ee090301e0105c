package dev.larder.example;

/** A row of {@code film}; {@code rating} may be NULL. */
public record Film(long id, String title, MpaaRating rating) {}
