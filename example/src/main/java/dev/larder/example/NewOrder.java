package dev.larder.example;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An order to place.
 *
 * @param orderNumber the number shown to the customer, unique
 * @param customerEmail who places it
 * @param total what it costs
 * @param placedOn the business day it counts for
 * @param placedAt when it is placed
 * @param note a note from the customer, or null
 */
public record NewOrder(
    UUID orderNumber,
    String customerEmail,
    BigDecimal total,
    LocalDate placedOn,
    OffsetDateTime placedAt,
    String note) {}
