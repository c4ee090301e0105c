package dev.larder.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A {@code @CachedRepository} type and everything Larder needs to generate for it.
 *
 * @param interfaceName the annotated type
 * @param isInterface false when {@code @CachedRepository} is on a class (a user error)
 * @param generic true when the interface declares type parameters (a user error)
 * @param settings the cache defaults
 * @param methods the abstract methods, in declaration order
 * @param misplaced Larder annotations on its members where they mean nothing
 * @param transactional its default methods annotated {@code @Transactional}
 * @param source the annotated type and its annotation
 */
public record Repository(
    ClassName interfaceName,
    boolean isInterface,
    boolean generic,
    CacheSettings settings,
    List<Method> methods,
    List<Misplaced> misplaced,
    List<TransactionalMethod> transactional,
    Source source) {

  /** This repository with {@code replaced} as its methods. */
  public Repository withMethods(List<Method> replaced) {
    return new Repository(interfaceName, isInterface, generic, settings, List.copyOf(replaced),
        misplaced, transactional, source);
  }

  /** How {@code method}, a valid cached read of this repository, is cached: key and TTLs. */
  public ReadCache cacheOf(Method method) {
    return ReadCache.of(settings, simpleName(), method);
  }

  /** {@code ProductRepositoryImpl}, in the interface's package. */
  public ClassName implName() {
    return sibling("Impl");
  }

  /** {@code ProductRepositoryKeys}, in the interface's package. */
  public ClassName keysName() {
    return sibling("Keys");
  }

  /** The simple name used in keys and messages; nested types joined with '_'. */
  public String simpleName() {
    return String.join("_", interfaceName.simpleNames());
  }

  private ClassName sibling(String suffix) {
    return ClassName.get(interfaceName.packageName(), simpleName() + suffix);
  }
}
