package dev.larder.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface as a Larder repository. The processor generates {@code <Interface>Impl}, a
 * final class implementing it, and {@code <Interface>Keys}, the public builders of its cache keys.
 *
 * <p>Every {@link Query} method of the interface is a cached read unless marked otherwise; the
 * values here are the defaults for those reads and can be overridden per method with
 * {@link CacheKey}. Durations are ISO-8601 ({@code "PT10M"}, {@code "PT30S"}, {@code "P1D"}) and are
 * checked at compile time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CachedRepository {

  /** Time to live of a cached result, as an ISO-8601 duration. Default ten minutes. */
  String ttl() default "PT10M";

  /**
   * Time to live of an empty result ({@code Optional.empty()} or an empty list), as an ISO-8601
   * duration. Shorter than {@link #ttl()} so a row that appears is seen soon, long enough that a
   * flood of lookups for missing ids does not reach the database. Default thirty seconds.
   */
  String emptyTtl() default "PT30S";

  /**
   * How long past its time to live an entry may still be served while one background refresh
   * runs (stale-while-revalidate), as an ISO-8601 duration. An invalidated entry is never served.
   * Default zero: no stale serving.
   */
  String staleWhileRevalidate() default "PT0S";

  /** How reads of this repository see invalidations made by other processes. */
  Consistency consistency() default Consistency.NEAR;

  /** How a process learns that another process invalidated a tag. */
  enum Consistency {
    /**
     * The in-process cache trusts the invalidations it has received over Redis pub/sub. Another
     * process's write is seen within milliseconds; the writer's own process sees it at once.
     */
    NEAR,
    /**
     * Every hit in the in-process cache also checks the tag generations in Redis (one round
     * trip), so no process ever serves an entry invalidated anywhere.
     */
    STRICT
  }
}
