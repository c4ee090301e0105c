package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that a result column is never NULL where the compile-time schema check cannot tell: an
 * expression ({@code count(*)}, {@code coalesce(…)}, {@code a + b}) or a column read through the
 * nullable side of an outer join that the query's own conditions keep non-null.
 *
 * <p>Only the schema check ({@code -Alarder.migrations=…}) reads it. A column that comes straight
 * from a table column declared {@code NOT NULL} needs no annotation; any other column read into a
 * primitive ({@code long}, {@code int}, {@code boolean}…) is a compile error unless it carries
 * this annotation, since a NULL there fails at run time. Put it on the record component of the
 * column, or on the method when the method returns a scalar:
 *
 * <pre>{@code
 * record CategoryCount(String category, @NonNullColumn long products) {}
 *
 * @Query("SELECT category, count(*) AS products FROM product GROUP BY category")
 * List<CategoryCount> countByCategory();
 *
 * @NonNullColumn
 * @Query("SELECT count(*) FROM product")
 * long count();
 * }</pre>
 *
 * <p>It is a promise, not a conversion: a NULL that reaches the column anyway still fails the
 * read, naming the column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface NonNullColumn {}
