package dev.larder.processor.model;

import java.util.List;
import java.util.Map;

/**
 * What PostgreSQL says about a method's statement against the schema the migrations built: why
 * it refused it, or its parameters and result columns.
 *
 * @param refusal PostgreSQL's error when it could not prepare the statement, or null
 * @param parameters one per {@code $n}, in order; empty when refused
 * @param columns the result columns, in order; empty for a statement that returns no rows
 * @param uniqueKeys for each table a result column comes from, the column sets of its primary
 *     key and unique indexes (without a predicate or expression), each in index order
 */
public record StatementDescription(
    Refusal refusal,
    List<Parameter> parameters,
    List<SqlColumn> columns,
    Map<String, List<List<String>>> uniqueKeys) {

  /**
   * An error of PostgreSQL's.
   *
   * @param message its message, with its hint when it gave one
   * @param sqlState its SQLSTATE, e.g. {@code 42703} (undefined column)
   * @param position the 1-based position in the SQL as written, or 0 when it gave none
   */
  public record Refusal(String message, String sqlState, int position) {}

  /**
   * A parameter {@code $n}.
   *
   * @param name the SQL name it stands for
   * @param inferred the type PostgreSQL infers for it, as {@code pg_type} names it
   * @param inferredDisplay that type as SQL spells it
   * @param bindRefusal when Larder binds the Java value as a type of its own ({@code String} as
   *     {@code varchar}) rather than leaving it to PostgreSQL, and PostgreSQL refuses the
   *     statement with that type: its error; otherwise null
   */
  public record Parameter(
      String name, String inferred, String inferredDisplay, Refusal bindRefusal) {}

  /** The column named {@code name}, or null. */
  public SqlColumn column(String name) {
    for (SqlColumn c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }
}
