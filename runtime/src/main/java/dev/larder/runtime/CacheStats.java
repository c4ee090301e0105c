package dev.larder.runtime;

/**
 * A snapshot of the cache's counters since the runtime started.
 *
 * @param l1Hits reads served from the in-process cache
 * @param l2Hits reads served from Redis
 * @param misses reads that ran their query
 * @param loads queries run to fill the cache (misses and background refreshes)
 * @param loadNanos total time spent in those queries
 * @param staleServed reads served an expired entry while it was refreshed
 * @param tagsInvalidated tag generations bumped by writes in this process
 * @param pendingInvalidations bumps Redis has not accepted yet, to be sent again
 * @param unconfirmedInvalidations writes of this process that returned before every other
 *     process had confirmed their invalidation, because the {@linkplain
 *     LarderBuilder#invalidationWait wait} ran out (a slow, paused or foreign subscriber)
 * @param redisAvailable false while the circuit breaker keeps Redis calls off (or no Redis)
 */
public record CacheStats(
    long l1Hits,
    long l2Hits,
    long misses,
    long loads,
    long loadNanos,
    long staleServed,
    long tagsInvalidated,
    int pendingInvalidations,
    long unconfirmedInvalidations,
    boolean redisAvailable) {

  /** Hits of either level divided by all reads, or 0 before the first read. */
  public double hitRate() {
    long reads = l1Hits + l2Hits + misses;
    return reads == 0 ? 0 : (double) (l1Hits + l2Hits) / reads;
  }
}
