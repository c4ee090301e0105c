package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tags an {@link Update} makes stale. Templates use the write's parameters and record
 * components as placeholders ({@code "product:{id}"}, {@code "category:{row.category}"}). After
 * the write commits, every cached entry carrying one of the resolved tags is no longer served, in
 * this process at once and in the others within milliseconds; the cost does not depend on how
 * many entries carry the tag.
 *
 * <p>An empty list is an explicit statement that the write makes nothing stale; give the reason
 * in {@link #reason()} so reviewers see it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface InvalidatesTags {

  /** Tag templates, for example {@code {"product:{id}", "products"}}. */
  String[] value();

  /** Why an empty {@link #value()} is right; required when it is empty. */
  String reason() default "";
}
