package dev.larder.example;

/**
 * A row of {@code category}.
 *
 * @param slug the key, used in URLs and by {@link Product#category()}
 * @param name the name shown to people
 */
public record Category(String slug, String name) {}
