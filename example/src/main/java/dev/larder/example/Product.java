package dev.larder.example;

import java.time.Instant;

/**
 * A row of {@code product}.
 *
 * @param id the key
 * @param sku the stock keeping unit, unique
 * @param name the name shown to people
 * @param category the slug of its {@link Category}
 * @param priceCents the price in cents
 * @param createdAt when it was added
 * @param status where it is in its life
 * @param version how many times it was written, from 1: each write increments it
 */
public record Product(
    long id,
    String sku,
    String name,
    String category,
    long priceCents,
    Instant createdAt,
    ProductStatus status,
    long version) {}
