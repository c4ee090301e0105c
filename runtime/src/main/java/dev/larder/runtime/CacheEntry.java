package dev.larder.runtime;

import dev.larder.runtime.TagGenerations.Stamps;
import java.util.List;

/**
 * A cached result with the tag generations read before its query ran.
 *
 * @param value the result
 * @param tags the entry's tags
 * @param stamps the state and stamped generation of each tag, in the order of {@code tags}
 * @param freshUntil wall-clock millis until which the entry is fresh
 * @param staleUntil wall-clock millis until which it may be served during a refresh
 */
record CacheEntry(Object value, List<String> tags, Stamps stamps, long freshUntil, long staleUntil) {}
