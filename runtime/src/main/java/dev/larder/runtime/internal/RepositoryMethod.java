package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

/**
 * One method of a generated repository, as the runtime sees it: who it is (for messages, logs
 * and metrics), the SQL it runs, and the fingerprint of that SQL and its result type that cache
 * keys carry. Generated code creates one constant per repository method.
 *
 * @param repository the simple name of the repository interface, e.g. {@code ProductRepository}
 * @param name the method name, e.g. {@code findById}; for an overloaded method its signature, e.g.
 *     {@code title(int, String)}, so that each overload has its own metrics and method tag
 * @param sql the SQL to hand to JDBI: as written in the annotation, with the escapes the processor
 *     adds where JDBI or pgjdbc would misread it (a {@code ?} operator, an array slice, a
 *     dollar-quoted body)
 * @param writtenSql the SQL as written in the annotation, which messages show
 * @param fingerprint a short hash of the SQL and the result type, computed at compile time
 * @param qualifiedName {@code Repository.method}, the name used in messages, logs and metrics
 */
public record RepositoryMethod(String repository, String name, String sql, String writtenSql,
    String fingerprint, String qualifiedName) {

  /**
   * Describes a method whose SQL needs no escapes for JDBI; its qualified name is
   * {@code repository + "." + name}.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the repository, name or sql is blank
   */
  public RepositoryMethod(String repository, String name, String sql, String fingerprint) {
    this(repository, name, sql, sql, fingerprint);
  }

  /**
   * Describes a method whose SQL JDBI gets with escapes ({@code sql}) that messages leave out
   * ({@code writtenSql}); its qualified name is {@code repository + "." + name}.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the repository, name or sql is blank
   */
  public RepositoryMethod(
      String repository, String name, String sql, String writtenSql, String fingerprint) {
    this(repository, name, sql, writtenSql, fingerprint, repository + "." + name);
  }

  /**
   * Checks that every part is present.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the repository, name or sql is blank
   */
  public RepositoryMethod {
    requireNonNull(repository, "repository");
    requireNonNull(name, "name");
    requireNonNull(sql, "sql");
    requireNonNull(writtenSql, "writtenSql");
    requireNonNull(fingerprint, "fingerprint");
    requireNonNull(qualifiedName, "qualifiedName");
    if (repository.isBlank() || name.isBlank() || sql.isBlank()) {
      throw new IllegalArgumentException(
          "repository, name and sql must not be blank: " + repository + "." + name);
    }
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
