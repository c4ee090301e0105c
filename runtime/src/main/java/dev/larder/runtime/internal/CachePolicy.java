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
}
