package dev.larder.example;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of {@code cart}.
 *
 * @param id the key, chosen by the client
 * @param customerEmail whose cart it is
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 * @param checkedOut whether it became an order
 */
public record Cart(
    UUID id, String customerEmail, OffsetDateTime createdAt, OffsetDateTime updatedAt, boolean checkedOut) {}
