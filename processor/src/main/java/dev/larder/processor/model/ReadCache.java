package dev.larder.processor.model;

import java.util.stream.Collectors;

/**
 * How a cached read is cached, decided here once from its {@code @CacheKey} and its repository's
 * {@code @CachedRepository}: the generators and the description read it, none works it out again.
 *
 * @param keyTemplate the key as users see it, without the fingerprint: the {@code @CacheKey}
 *     value, or the default {@code Repository:method:{a},{b}} of its parameters; then, for a
 *     paged read, which page ({@code [page={request.page},size={request.size}]})
 * @param ttl how long a result is fresh: the read's own {@code @CacheKey(ttl)}, else the
 *     repository's
 * @param emptyTtl how long an empty result is fresh: the repository's, but never longer than
 *     {@code ttl}
 * @param staleWhileRevalidate how long past {@code ttl} a result may be served during a refresh
 * @param strict whether every in-process hit checks the tag generations in Redis
 */
public record ReadCache(
    String keyTemplate,
    DurationSetting ttl,
    DurationSetting emptyTtl,
    DurationSetting staleWhileRevalidate,
    boolean strict) {

  /**
   * How {@code method}, a valid cached read, is cached in a repository with {@code settings}
   * whose keys start with {@code repositoryName}.
   */
  static ReadCache of(CacheSettings settings, String repositoryName, Method method) {
    DurationSetting ttl = method.ttl() != null ? method.ttl() : settings.ttl();
    DurationSetting emptyTtl = settings.emptyTtl().value().compareTo(ttl.value()) < 0
        ? settings.emptyTtl() : ttl;
    return new ReadCache(keyTemplate(repositoryName, method), ttl, emptyTtl,
        settings.staleWhileRevalidate(), settings.strict());
  }

  private static String keyTemplate(String repositoryName, Method method) {
    String template = method.key() != null ? method.key().text()
        : repositoryName + ":" + method.name() + ":" + method.keyParameters().stream()
            .map(p -> "{" + p.name() + "}").collect(Collectors.joining(","));
    return method.isPaged() ? template + pageShape(method) : template;
  }

  /** Which page, in the template: what the paging arguments add to the key. */
  private static String pageShape(Method method) {
    if (method.result().shape() == ResultShape.PAGE) {
      String request = method.parameterOf(ParameterKind.PAGE_REQUEST).name();
      return "[page={" + request + ".page},size={" + request + ".size}]";
    }
    return "[after={" + method.parameterOf(ParameterKind.CURSOR).name() + "},limit={"
        + method.parameterOf(ParameterKind.LIMIT).name() + "}]";
  }
}
