package dev.larder.processor.model;

/**
 * The cache defaults of a repository, from {@code @CachedRepository}.
 *
 * @param ttl time to live of a result
 * @param emptyTtl time to live of an empty result
 * @param staleWhileRevalidate how long an expired entry may be served during a refresh
 * @param strict whether every L1 hit checks tag generations in Redis
 */
public record CacheSettings(
    DurationSetting ttl,
    DurationSetting emptyTtl,
    DurationSetting staleWhileRevalidate,
    boolean strict) {}
