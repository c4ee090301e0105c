package dev.larder.runtime;

/**
 * Converts a value type of the application to and from a column type Larder maps, for a type
 * annotated {@code @ConvertWith}. Generated repositories create the converter once with its
 * public no-argument constructor and call it from any thread, so it must be stateless or
 * thread-safe. Neither method is called with null: NULL stays null.
 *
 * @param <J> the application's type, e.g. {@code Email}
 * @param <S> the column type it is stored as, e.g. {@code String}, {@code Long},
 *     {@code BigDecimal}
 */
public interface ColumnConverter<J, S> {

  /**
   * The column value of {@code value}.
   *
   * @param value the application's value, not null
   * @return the value to bind, cache and key by; not null
   */
  S toColumn(J value);

  /**
   * The application's value of a column value.
   *
   * @param column the value read from the column or the cache, not null
   * @return the application's value; not null
   */
  J fromColumn(S column);
}
