package dev.larder.benchmarks;

import java.io.Serializable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The row of {@link Item} as a Spring Data JDBC entity, for the Spring peers. Serializable because
 * {@code RedisCacheManager} stores values with JDK serialization unless told otherwise.
 *
 * @param id the primary key
 * @param sku the stock-keeping unit
 * @param name the display name
 * @param category the category slug
 * @param priceCents the price in cents
 */
@Table("item")
public record SpringItem(@Id long id, String sku, String name, String category, long priceCents)
    implements Serializable {}
