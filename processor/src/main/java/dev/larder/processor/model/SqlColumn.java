package dev.larder.processor.model;

/**
 * A result column as PostgreSQL describes it.
 *
 * @param name the column's name (its label: the alias when there is one)
 * @param type its type as PostgreSQL names it in {@code pg_type}, e.g. {@code int4},
 *     {@code _text}, {@code mood}
 * @param display its type as SQL spells it, e.g. {@code integer}, {@code text[]}
 * @param enumType whether its type is an enum type ({@code CREATE TYPE … AS ENUM})
 * @param table the table it comes straight from, or empty for an expression
 * @param tableColumn the column of {@code table} it comes from, or empty
 * @param notNull whether {@code table.tableColumn} is declared {@code NOT NULL}
 * @param outerJoined whether {@code table} is on the nullable side of an outer join
 */
public record SqlColumn(
    String name,
    String type,
    String display,
    boolean enumType,
    String table,
    String tableColumn,
    boolean notNull,
    boolean outerJoined) {

  /** Whether the column can hold NULL, as far as the schema and the statement's joins tell. */
  public boolean nullable() {
    return !notNull || outerJoined;
  }

  /** Why it may be NULL, for messages: "an expression", "a nullable column"… */
  public String whyNullable() {
    if (table.isEmpty()) {
      return "it is an expression, which Larder counts as nullable";
    }
    if (outerJoined) {
      return "it comes from " + table + " through an outer join";
    }
    return table + "." + tableColumn + " is not declared NOT NULL";
  }
}
