package dev.larder.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An abstract method of a repository interface.
 *
 * @param name the method name
 * @param uniqueName the name that tells it apart from the other methods of its repository in
 *     messages, metrics, method tags and reports: its name, or for an overloaded method its
 *     signature with simple type names, {@code title(int, String)}
 * @param kind QUERY or UPDATE; null when the method has neither annotation (a user error)
 * @param cached whether a read's results are cached ({@code @Query(cached)}); false for writes
 * @param sql the SQL and its names; null when {@code kind} is null
 * @param parameters the parameters in order
 * @param result the return type
 * @param bindings what binds each SQL name, in order
 * @param cacheKeyAnnotation where {@code @CacheKey} is, or null when it is absent
 * @param key the {@code @CacheKey} template, or null for the default key
 * @param tags the {@code @CacheKey} tag templates
 * @param ttl the method's {@code @CacheKey(ttl)}, or null for the repository's
 * @param invalidates the {@code @InvalidatesTags} templates
 * @param invalidatesTagsAnnotation where {@code @InvalidatesTags} is, or null when it is absent
 * @param invalidationReason its {@code reason}, or empty
 * @param order the {@code @OrderBy} of a keyset-paged read, or null when it is absent
 * @param conflicting true when both {@code @Query} and {@code @Update} are present
 * @param generic true when the method declares type parameters
 * @param fingerprint short hash of the SQL and the result type
 * @param source the method element
 * @param nonNullColumn whether the method is annotated {@code @NonNullColumn}: the column of its
 *     scalar result is never NULL though the schema check cannot prove it
 * @param description what PostgreSQL says of its statement, when the schema check ran; else null
 */
public record Method(
    String name,
    String uniqueName,
    MethodKind kind,
    boolean cached,
    Sql sql,
    List<Parameter> parameters,
    Result result,
    List<Binding> bindings,
    Source cacheKeyAnnotation,
    Template key,
    List<Template> tags,
    DurationSetting ttl,
    List<Template> invalidates,
    Source invalidatesTagsAnnotation,
    String invalidationReason,
    KeysetOrder order,
    boolean conflicting,
    boolean generic,
    String fingerprint,
    Source source,
    boolean nonNullColumn,
    StatementDescription description) {

  /** This method with what PostgreSQL says of its statement. */
  public Method withDescription(StatementDescription described) {
    return new Method(name, uniqueName, kind, cached, sql, parameters, result, bindings,
        cacheKeyAnnotation, key, tags, ttl, invalidates, invalidatesTagsAnnotation,
        invalidationReason, order, conflicting, generic, fingerprint, source, nonNullColumn,
        described);
  }

  /** Whether another abstract method of the repository has the same name. */
  public boolean overloaded() {
    return !uniqueName.equals(name);
  }

  /** Whether this is a {@code @Query} whose results are cached. */
  public boolean isCachedRead() {
    return kind == MethodKind.QUERY && cached;
  }

  /** Whether this is a {@code @Query(cached = false)}, a database call on every invocation. */
  public boolean isUncachedRead() {
    return kind == MethodKind.QUERY && !cached;
  }

  /** Whether this read returns one page of its rows, {@code Page} or {@code CursorPage}. */
  public boolean isPaged() {
    return result.shape() == ResultShape.PAGE || result.shape() == ResultShape.CURSOR_PAGE;
  }

  /** The parameters a default cache key is made of: all but those saying which page. */
  public List<Parameter> keyParameters() {
    return parameters.stream().filter(p -> !p.kind().paging()).toList();
  }

  /**
   * The statement of a batch insert split for multi-row inserts, when its SQL is an
   * {@code INSERT ... VALUES (...)} and every name of the tuple binds a component of the batch
   * element; null for any other method, which runs as a JDBC batch or a single statement.
   */
  public SqlClauses.InsertValues multiRowInsert() {
    Parameter batch = batchParameter();
    SqlClauses.InsertValues insert = sql == null ? null : sql.clauses().insertValues();
    if (batch == null || insert == null || insert.names().isEmpty()) {
      return null;
    }
    for (String sqlName : insert.names()) {
      Binding b = bindingOf(sqlName);
      if (b == null || b.parameter() != batch || b.component() == null) {
        return null;
      }
    }
    return insert;
  }

  /** What binds the SQL name {@code sqlName}, or null. */
  public Binding bindingOf(String sqlName) {
    for (Binding b : bindings) {
      if (b.sqlName().equals(sqlName)) {
        return b;
      }
    }
    return null;
  }

  /**
   * The name of the method of {@code <Interface>Keys} that builds this method's tags (those of
   * its {@code @CacheKey} or of its {@code @InvalidatesTags}); its key builder has its own name.
   */
  public String tagsBuilderName() {
    return name + "Tags";
  }

  /** Whether {@code @InvalidatesTags} is present, even with no tags. */
  public boolean hasInvalidatesTags() {
    return invalidatesTagsAnnotation != null;
  }

  /** Every name SQL or a template could use here, for "did you mean" hints. */
  public List<String> bindableNames() {
    List<String> names = new ArrayList<>();
    for (Parameter p : parameters) {
      if (p.kind() != ParameterKind.BATCH && !p.kind().paging()) {
        names.add(p.name());
      }
      JavaType.Record record = p.record();
      if (record != null) {
        for (JavaType.Component c : record.components()) {
          names.add(c.name());
          names.add(p.name() + "." + c.name());
        }
      }
    }
    return names;
  }

  /** The parameter of kind {@code kind} (the first, if there are several), or null. */
  public Parameter parameterOf(ParameterKind kind) {
    for (Parameter p : parameters) {
      if (p.kind() == kind) {
        return p;
      }
    }
    return null;
  }

  /** The batch parameter of a batched update, or null. */
  public Parameter batchParameter() {
    for (Parameter p : parameters) {
      if (p.kind() == ParameterKind.BATCH) {
        return p;
      }
    }
    return null;
  }
}
