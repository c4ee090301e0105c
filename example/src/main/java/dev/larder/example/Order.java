package dev.larder.example;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A row of {@code customer_order}.
 *
 * @param id the key
 * @param orderNumber the number shown to the customer
 * @param customerEmail who placed it
 * @param status where it is
 * @param total what it costs
 * @param placedOn the business day it counts for
 * @param placedAt when it was placed
 * @param shippedAt when it shipped, or null
 * @param note a note from the customer, or null
 */
public record Order(
    long id,
    UUID orderNumber,
    String customerEmail,
    OrderStatus status,
    BigDecimal total,
    LocalDate placedOn,
    OffsetDateTime placedAt,
    OffsetDateTime shippedAt,
    String note) {}
