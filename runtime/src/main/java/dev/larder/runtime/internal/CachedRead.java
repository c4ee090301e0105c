package dev.larder.runtime.internal;

import java.util.Objects;

/**
 * A cached read method: what it is, how it is cached and how its result is encoded. Generated
 * code creates one constant per {@code @Query} method.
 *
 * @param method the repository method
 * @param policy its cache policy
 * @param codec the codec of its result type
 * @param keyTemplate the key template with placeholders, e.g. {@code product:{id}}, which
 *     invalidation by key pattern matches against
 * @param <T> the result type
 */
public record CachedRead<T>(
    RepositoryMethod method, CachePolicy policy, ValueCodec<T> codec, String keyTemplate) {

  /** A read whose key template is the default one, {@code Repository:method:...}. */
  public CachedRead(RepositoryMethod method, CachePolicy policy, ValueCodec<T> codec) {
    this(method, policy, codec, method.repository() + ":" + method.name() + ":{arguments}");
  }

  public CachedRead {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(keyTemplate, "keyTemplate");
  }

  /** The implicit tag every entry of this read carries, bumped by key-pattern invalidation. */
  public String methodTag() {
    return "@" + method.qualifiedName();
  }
}
