package dev.larder.processor.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code @OrderBy} of a method, as written and resolved against its row record.
 *
 * @param columns the sort columns, most significant first
 * @param unique the entries of {@code unique}, the columns declared to identify a row
 * @param source the annotation
 */
public record KeysetOrder(List<Column> columns, List<Unique> unique, Source source) {

  /**
   * One entry of {@code value}.
   *
   * @param written the entry as written, e.g. {@code "price_cents DESC"}
   * @param column the column name: the row component's column when one matches, else as written
   * @param component the row component it names (by column or component name), or null
   * @param descending whether it sorts in descending order
   * @param syntaxError what is wrong with the entry, or null when it reads as {@code column [dir]}
   * @param source the annotation value holding it
   */
  public record Column(String written, String column, JavaType.Component component,
      boolean descending, String syntaxError, Source source) {}

  /**
   * One entry of {@code unique}.
   *
   * @param written the entry as written
   * @param source the annotation value holding it
   */
  public record Unique(String written, Source source) {}

  /** The order as SQL, {@code price_cents DESC, id}; also what the fingerprint hashes. */
  public String describe() {
    return columns.stream().map(c -> c.column() + (c.descending() ? " DESC" : ""))
        .collect(Collectors.joining(", "));
  }
}
