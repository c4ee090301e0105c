package dev.larder.runtime.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How one repository read is cached, as the processor resolved it from {@code @CachedRepository}
 * and {@code @CacheKey}.
 *
 * @param ttl how long a result is fresh
 * @param emptyTtl how long an empty result ({@code Optional.empty()}, empty list) is fresh
 * @param staleWhileRevalidate how long past {@code ttl} a result may be served during one refresh
 * @param strict whether every in-process hit checks the tag generations in Redis
 */
public record CachePolicy(
    Duration ttl, Duration emptyTtl, Duration staleWhileRevalidate, boolean strict) {

  public CachePolicy {
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(emptyTtl, "emptyTtl");
    Objects.requireNonNull(staleWhileRevalidate, "staleWhileRevalidate");
    if (ttl.isNegative() || emptyTtl.isNegative() || staleWhileRevalidate.isNegative()) {
      throw new IllegalArgumentException("cache durations must not be negative: " + ttl + ", "
          + emptyTtl + ", " + staleWhileRevalidate);
    }
  }

  /**
   * The default consistency: an in-process hit is served without asking Redis, so another
   * process's write shows once its invalidation message lands. No stale-while-revalidate.
   *
   * @param ttl how long a result is fresh
   * @param emptyTtl how long an empty result is fresh
   * @throws IllegalArgumentException if a duration is negative
   */
  public static CachePolicy near(Duration ttl, Duration emptyTtl) {
    return new CachePolicy(ttl, emptyTtl, Duration.ZERO, false);
  }

  /**
   * Strict consistency: every in-process hit checks its tag generations in Redis first. No
   * stale-while-revalidate.
   *
   * @param ttl how long a result is fresh
   * @param emptyTtl how long an empty result is fresh
   * @throws IllegalArgumentException if a duration is negative
   */
  public static CachePolicy strict(Duration ttl, Duration emptyTtl) {
    return new CachePolicy(ttl, emptyTtl, Duration.ZERO, true);
  }

  /**
   * This policy, serving a result for up to {@code window} past its TTL while one refresh runs.
   *
   * @throws IllegalArgumentException if {@code window} is negative
   */
  public CachePolicy withStaleWhileRevalidate(Duration window) {
    return new CachePolicy(ttl, emptyTtl, window, strict);
  }
}
