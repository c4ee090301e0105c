package dev.larder.peer;

import java.io.Serializable;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A row of {@code product}. Serializable for RedisCacheManager's default serializer. */
@Table("product")
public record Product(@Id long id, String sku, String name, String category, long priceCents, Instant createdAt,
    String status, long version) implements Serializable {}
