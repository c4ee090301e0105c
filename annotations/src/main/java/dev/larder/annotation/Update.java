package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A write: SQL that changes rows ({@code INSERT}, {@code UPDATE}, {@code DELETE}). Put it on an
 * abstract method of a {@link CachedRepository} interface returning {@code int}, {@code long} (the
 * number of rows changed) or {@code void}.
 *
 * <p>With a top-level {@code RETURNING}, the method returns what it gives, read as the rows of a
 * {@link Query}: a scalar ({@code long} for {@code RETURNING id}, {@code UUID}, {@code String},
 * ...) or a record, exactly one row; {@code Optional} of either, at most one; or a {@code List}.
 * A method returning one row runs in a transaction, which joins the caller's, so that a statement
 * giving none or several undoes its write as it throws. Without {@code RETURNING} such a result
 * type is a compile error; a batch cannot return rows.
 *
 * <p>Parameters bind as for {@link Query}. A single parameter of type {@code List<R>},
 * {@code Set<R>}, {@code Collection<R>} or {@code Iterable<R>} of a record {@code R} makes the write
 * a batch: the SQL runs once per element, its names bound from the record's components, in chunks
 * (the runtime's {@code batchChunkSize}, 1000 rows by default) all in one transaction, which joins
 * the caller's; the method returns the exact total number of rows changed, and each distinct tag
 * is invalidated once. A plain {@code INSERT ... VALUES (...)}, optionally with
 * {@code ON CONFLICT ... DO NOTHING}, runs as one multi-row statement per chunk.
 *
 * <p>In a cached repository a write must say what it makes stale with {@link InvalidatesTags}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Update {

  /** The SQL, with {@code :name} parameters. */
  String value();
}
