package dev.larder.runtime;

import dev.larder.runtime.TagGenerations.Stamps;
import dev.larder.runtime.internal.CachedRead;
import java.util.List;

/**
 * A cached result with the tag generations read before its query ran.
 *
 * @param read the read that loaded it (null when decoded from Redis): an in-process entry serves
 *     only its own read, since two reads may share a key template but not their tags
 * @param value the result
 * @param tags the entry's tags
 * @param stamps the state and stamped generation of each tag, in the order of {@code tags}
 * @param freshUntil wall-clock millis until which the entry is fresh
 * @param staleUntil wall-clock millis until which it may be served during a refresh
 * @param counters the counters of its read in this runtime, so that a hit needs no lookup (null
 *     when decoded from Redis)
 * @param loadedAt wall-clock millis taken before this process's query for it began ({@link
 *     #FROM_REDIS} for an entry taken from Redis): its value reflects every write that returned
 *     before then, whatever Redis can say
 */
record CacheEntry(CachedRead<?> read, Object value, List<String> tags, Stamps stamps,
    long freshUntil, long staleUntil, MethodCounters.Counters counters, long loadedAt) {
  /** The {@link #loadedAt} of an entry that another process loaded. */
  static final long FROM_REDIS = TagState.Generation.NEVER;
}
