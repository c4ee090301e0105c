package dev.larder.processor.report;

import java.util.List;
import java.util.Map;

/**
 * What the processor writes about one repository: its cache settings, every method, and the tag
 * graph (which writes invalidate which reads). Written as JSON to
 * {@code META-INF/larder/<qualified.Interface>.json} in the class output ({@link DescriptionJson})
 * and rendered as Markdown ({@link MarkdownReport}) and, for a whole build, HTML
 * ({@link HtmlReport}).
 *
 * @param name the qualified name of the interface
 * @param simpleName its simple name (nested types joined with '_', as in keys)
 * @param cache the repository's cache defaults
 * @param methods its abstract methods in declaration order: reads and writes
 * @param transactional its {@code @Transactional} default methods in declaration order
 * @param columns the result columns of each method (by unique name) as PostgreSQL described them,
 *     when the schema check ({@code -Alarder.migrations}) ran; empty otherwise
 */
public record RepositoryDescription(
    String name,
    String simpleName,
    Cache cache,
    List<MethodDescription> methods,
    List<Transactional> transactional,
    Map<String, List<Column>> columns) {

  /** Where descriptions and Markdown reports go in the class output. */
  public static final String DIRECTORY = "META-INF/larder";

  public RepositoryDescription {
    methods = List.copyOf(methods);
    transactional = List.copyOf(transactional);
    columns = Map.copyOf(columns);
  }

  /** A description without result columns: the schema check did not run. */
  public RepositoryDescription(String name, String simpleName, Cache cache,
      List<MethodDescription> methods, List<Transactional> transactional) {
    this(name, simpleName, cache, methods, transactional, Map.of());
  }

  /** The result columns of {@code method}; empty when the check did not run or it has none. */
  public List<Column> columnsOf(MethodDescription method) {
    return columns.getOrDefault(method.uniqueName(), List.of());
  }

  /** The reads, in declaration order. */
  public List<Read> reads() {
    return methods.stream().filter(Read.class::isInstance).map(Read.class::cast).toList();
  }

  /** The writes, in declaration order. */
  public List<Write> writes() {
    return methods.stream().filter(Write.class::isInstance).map(Write.class::cast).toList();
  }

  /** {@code META-INF/larder/<name>.<extension>}. */
  public static String path(String qualifiedName, String extension) {
    return DIRECTORY + "/" + qualifiedName + "." + extension;
  }

  /**
   * The defaults of {@code @CachedRepository}, ISO-8601 durations as written.
   *
   * @param consistency {@code NEAR} or {@code STRICT}
   */
  public record Cache(
      String ttl, String emptyTtl, String staleWhileRevalidate, String consistency) {}

  /**
   * A result column as PostgreSQL described it.
   *
   * @param name its name in the result
   * @param type its SQL type, e.g. {@code bigint}, {@code text[]}
   * @param nullable whether it may be NULL: not straight from a {@code NOT NULL} table column, or
   *     read through an outer join
   */
  public record Column(String name, String type, boolean nullable) {

    /** {@code bigint NOT NULL} or {@code text NULL}. */
    public String describe() {
      return type + (nullable ? " NULL" : " NOT NULL");
    }
  }

  /** A parameter: its name and its type as Java source would write it, fully qualified. */
  public record Parameter(String name, String type) {}

  /** A read or a write. */
  public sealed interface MethodDescription permits Read, Write {
    String name();

    /**
     * The name that tells it apart from the other methods of its repository, and that the
     * invalidation lists use: its name, or for an overloaded method its signature,
     * {@code title(int, String)}. Metrics and method tags name it the same way.
     */
    String uniqueName();

    List<Parameter> parameters();

    /** The return type, fully qualified. */
    String returns();

    String sql();

    /** The short hash of the SQL and the result type that keys carry. */
    String fingerprint();
  }

  /**
   * A {@code @Query} method.
   *
   * @param key the key template, the default one spelt out, without the fingerprint; null when
   *     it is not cached
   * @param tags the tag templates
   * @param ttl the time to live of its entries (its own, or the repository's); null when it is
   *     not cached
   * @param invalidatedBy the unique names of the writes of this repository that invalidate it;
   *     empty when none does, so its entries can only go stale until their TTL
   * @param cached false for a {@code @Query(cached = false)}, which reads the database on every
   *     call
   */
  public record Read(
      String name,
      String uniqueName,
      List<Parameter> parameters,
      String returns,
      String sql,
      String fingerprint,
      String key,
      List<String> tags,
      String ttl,
      List<String> invalidatedBy,
      boolean cached) implements MethodDescription {

    public Read {
      parameters = List.copyOf(parameters);
      tags = List.copyOf(tags);
      invalidatedBy = List.copyOf(invalidatedBy);
    }

    /** A cached read. */
    public Read(String name, String uniqueName, List<Parameter> parameters, String returns,
        String sql, String fingerprint, String key, List<String> tags, String ttl,
        List<String> invalidatedBy) {
      this(name, uniqueName, parameters, returns, sql, fingerprint, key, tags, ttl, invalidatedBy,
          true);
    }

    /** A cached read that is not overloaded: its unique name is its name. */
    public Read(String name, List<Parameter> parameters, String returns, String sql,
        String fingerprint, String key, List<String> tags, String ttl, List<String> invalidatedBy) {
      this(name, name, parameters, returns, sql, fingerprint, key, tags, ttl, invalidatedBy);
    }

    /** A read that is not cached: no key, no tags, no TTL. */
    public static Read uncached(String name, String uniqueName, List<Parameter> parameters,
        String returns, String sql, String fingerprint) {
      return new Read(name, uniqueName, parameters, returns, sql, fingerprint, null, List.of(),
          null, List.of(), false);
    }

    /** Whether it is cached and no write of its repository invalidates it. */
    public boolean neverInvalidated() {
      return cached && invalidatedBy.isEmpty();
    }
  }

  /**
   * An {@code @Update} method.
   *
   * @param batch whether it takes a collection of records and runs as a batch
   * @param invalidatesTags its {@code @InvalidatesTags} templates
   * @param reason the reason given for invalidating nothing, or empty
   * @param invalidatesReads the unique names of the reads of this repository it invalidates
   */
  public record Write(
      String name,
      String uniqueName,
      List<Parameter> parameters,
      String returns,
      String sql,
      String fingerprint,
      boolean batch,
      List<String> invalidatesTags,
      String reason,
      List<String> invalidatesReads) implements MethodDescription {

    public Write {
      parameters = List.copyOf(parameters);
      invalidatesTags = List.copyOf(invalidatesTags);
      invalidatesReads = List.copyOf(invalidatesReads);
    }

    /** A write that is not overloaded: its unique name is its name. */
    public Write(String name, List<Parameter> parameters, String returns, String sql,
        String fingerprint, boolean batch, List<String> invalidatesTags, String reason,
        List<String> invalidatesReads) {
      this(name, name, parameters, returns, sql, fingerprint, batch, invalidatesTags, reason,
          invalidatesReads);
    }
  }

  /**
   * A {@code @Transactional} default method.
   *
   * @param transaction the name its statistics are kept under
   * @param isolation an {@code Isolation} constant, {@code DEFAULT} for the runtime's
   * @param maxAttempts the attempts, or null for the runtime's default
   * @param deadline the deadline as an ISO-8601 duration, or null for the runtime's default
   * @param retryOn the SQLSTATEs retried besides serialization failures and deadlocks
   */
  public record Transactional(
      String name,
      List<Parameter> parameters,
      String returns,
      String transaction,
      String isolation,
      boolean readOnly,
      Integer maxAttempts,
      String deadline,
      List<String> retryOn) {

    public Transactional {
      parameters = List.copyOf(parameters);
      retryOn = List.copyOf(retryOn);
    }
  }
}
