package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The order of a keyset-paged {@link Query}: a method returning {@code CursorPage<R>} and taking
 * a {@code Cursor} and an {@code int limit}.
 *
 * <pre>{@code
 * @Query("SELECT id, sku, name, category, price_cents FROM product WHERE category = :category")
 * @OrderBy(value = {"price_cents DESC", "id"}, unique = "id")
 * CursorPage<Product> byCategory(String category, Cursor after, int limit);
 * }</pre>
 *
 * <p>Larder wraps the query, orders it by these columns, and instead of skipping rows with
 * {@code OFFSET} seeks past the last row of the previous page with a {@code WHERE} on the sort
 * values carried by the cursor, so that page 10 000 costs what page 1 costs (given an index on
 * the filter and sort columns). Directions may be mixed. Each column must be a column of the
 * row record (a component, by its column name {@code price_cents} or its component name
 * {@code priceCents}) and must hold no NULL.
 *
 * <p>The order must end with columns that identify a row, declared in {@link #unique()}: with
 * ties in the order, a page boundary falling inside a run of equal values would skip or repeat
 * rows. The compiler rejects an order whose last columns are not declared unique.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface OrderBy {

  /**
   * The sort columns, most significant first, each {@code "column"}, {@code "column ASC"} or
   * {@code "column DESC"}.
   */
  String[] value();

  /**
   * The columns that end the order and together identify a row (the primary key, or another
   * unique key), for example {@code "id"}. Required: the compiler cannot see the database's
   * constraints, so this is where the order says it has no ties.
   */
  String[] unique() default {};
}
