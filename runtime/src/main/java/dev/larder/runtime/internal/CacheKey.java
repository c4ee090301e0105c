package dev.larder.runtime.internal;

/**
 * The in-process cache key of one call of a generated read: the method's key arguments, compared
 * by value, cheap to build and to hash; the key in Redis is built from it only when the
 * in-process level misses. Each read has a key type of its own, so keys of different reads never
 * compare equal. Implemented by generated code; may change.
 */
public interface CacheKey {

  /** The entry's key in Redis, as the read's key template gives it. */
  String redisKey();
}
