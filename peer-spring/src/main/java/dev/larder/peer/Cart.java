package dev.larder.peer;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code cart}. */
@Table("cart")
public record Cart(@Id UUID id, String customerEmail, Instant createdAt, Instant updatedAt, boolean checkedOut) {}
