package dev.larder.runtime.internal;

import dev.larder.runtime.RepositoryMethod;
import java.util.Objects;

/**
 * A cached read method: what it is, how it is cached and how its result is encoded. Generated
 * code creates one constant per {@code @Query} method.
 *
 * @param method the repository method
 * @param policy its cache policy
 * @param codec the codec of its result type
 * @param <T> the result type
 */
public record CachedRead<T>(RepositoryMethod method, CachePolicy policy, ValueCodec<T> codec) {

  public CachedRead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(codec, "codec");
  }
}
