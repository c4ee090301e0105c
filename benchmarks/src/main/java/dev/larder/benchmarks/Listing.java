package dev.larder.benchmarks;

/**
 * A row of the paging benchmark's table.
 *
 * @param id the primary key
 * @param category the category slug
 * @param name the display name
 * @param priceCents the price in cents, shared by many rows
 */
public record Listing(long id, String category, String name, long priceCents) {}
