package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cache key and tags of a {@link Query} method.
 *
 * <p>Templates hold literal text and placeholders naming parameters ({@code {id}}) or components of
 * a record parameter ({@code {filter.category}}). The key must depend on every parameter that
 * changes the result, otherwise two calls with different arguments would share an entry: the
 * compiler rejects such a key. Placeholder values are encoded so that separators inside a value
 * cannot make two keys collide, and long values are hashed. Every key also carries a short
 * fingerprint of the method's SQL and result type, so a deploy that changes a query never reads
 * entries written by the old one.
 *
 * <p>Without this annotation a read in a {@link CachedRepository} gets the key
 * {@code <Repository>:<method>:<arguments>} and no tags.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CacheKey {

  /** The key template, for example {@code "product:{id}"}. Empty means the default key. */
  String value() default "";

  /**
   * Tag templates. A write annotated with {@link InvalidatesTags} naming one of these tags makes
   * every entry carrying it stale, in every process, at once.
   */
  String[] tags() default {};

  /** Time to live for this method as an ISO-8601 duration; empty means the repository's. */
  String ttl() default "";
}
