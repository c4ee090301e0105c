package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read: SQL that returns rows. Put it on an abstract method of a {@link CachedRepository}
 * interface.
 *
 * <p>Named parameters ({@code :id}) are bound from the method's parameters, from the components of
 * a record parameter ({@code :category} or {@code :filter.category}), and collections are bound as
 * PostgreSQL arrays ({@code WHERE id = ANY(:ids)}). Every parameter must be used, and every name
 * must have a parameter; the compiler reports either mistake on the method.
 *
 * <p>Supported return types: a record (exactly one row), {@code Optional<record>},
 * {@code List<record>}, a scalar ({@code long}, {@code int}, {@code boolean}, {@code double},
 * their boxes, {@code String}, {@code BigDecimal}, {@code UUID}, {@code Instant},
 * {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, an enum) and {@code Optional}
 * or {@code List} of a scalar. Result columns map to record components by name, {@code price_cents}
 * to {@code priceCents}.
 *
 * <p>Paged reads: {@code Page<T>} with a {@code PageRequest} parameter (Larder appends
 * {@code LIMIT}/{@code OFFSET}; the SQL orders the rows), and {@code CursorPage<R>} of a record with
 * a {@code Cursor} and an {@code int limit} parameter, ordered by {@link OrderBy} (keyset paging).
 *
 * <p>A read is cached: under its {@link CacheKey}, or without one under the default key
 * {@code <Repository>:<method>:<arguments>} with no tags (so no write invalidates it and only its
 * TTL ends it). {@code cached = false} makes it a plain database call on every invocation, for
 * reads whose result must be current, run inside the caller's transaction, or lock rows
 * ({@code SELECT ... FOR UPDATE}).
 *
 * <p>The SQL must not change data: {@code INSERT}, {@code UPDATE}, {@code DELETE} and
 * {@code MERGE}, also inside a {@code WITH}, belong in an {@link Update}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Query {

  /** The SQL, with {@code :name} parameters. */
  String value();

  /**
   * Whether results are cached. {@code false} runs the SQL on every call, joining the caller's
   * transaction, and takes no {@link CacheKey}.
   */
  boolean cached() default true;
}
