package dev.larder.runtime;

/**
 * Counters of one repository method since the runtime started.
 *
 * @param method the method, {@code Repository.method}
 * @param requests calls of a cached read (outside transactions)
 * @param l1Hits calls served from the in-process cache
 * @param l2Hits calls served from Redis
 * @param misses calls that ran the query
 * @param loads queries run to fill the cache (misses and background refreshes)
 * @param loadNanos total time of those queries
 * @param staleServed calls served an expired entry while it was refreshed
 * @param invalidations tags a write method invalidated (0 for reads)
 */
public record MethodStats(
    String method,
    long requests,
    long l1Hits,
    long l2Hits,
    long misses,
    long loads,
    long loadNanos,
    long staleServed,
    long invalidations) {}
