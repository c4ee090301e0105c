package dev.larder.processor.generate;

import dev.larder.processor.model.KeysetOrder;
import dev.larder.processor.model.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of paged reads, derived from the method's SQL at compile time so that reviewers
 * see them in the generated source. Names added here start with {@code larder_}; the runtime binds
 * them ({@code OffsetPaging}, {@code Keyset}).
 */
final class PagingSql {
  static final String LIMIT = "larder_limit";
  static final String OFFSET = "larder_offset";
  static final String VALUE_PREFIX = "larder_k";

  private PagingSql() {}

  /** {@code <sql> LIMIT :larder_limit OFFSET :larder_offset}, on a new line after any comment. */
  static String offsetRows(Sql sql) {
    return statement(sql.statement()) + "\nLIMIT :" + LIMIT + " OFFSET :" + OFFSET;
  }

  /** {@code SELECT count(*) FROM (<sql without its trailing ORDER BY>) larder_count}. */
  static String count(Sql sql) {
    return "SELECT count(*) FROM (\n" + unordered(sql) + "\n) larder_count";
  }

  /** The first page: the query in the keyset's order. */
  static String keysetFirst(Sql sql, KeysetOrder order) {
    return wrap(sql, null, order, false);
  }

  /** The page after a cursor's values. */
  static String keysetAfter(Sql sql, KeysetOrder order) {
    return wrap(sql, seek(order.columns(), false), order, false);
  }

  /** The page before a cursor's values, read in reversed order (the runtime turns it back). */
  static String keysetBefore(Sql sql, KeysetOrder order) {
    return wrap(sql, seek(order.columns(), true), order, true);
  }

  private static String wrap(Sql sql, String seek, KeysetOrder order, boolean reversed) {
    StringBuilder out = new StringBuilder("SELECT * FROM (\n").append(unordered(sql))
        .append("\n) larder_page");
    if (seek != null) {
      out.append("\nWHERE ").append(seek);
    }
    List<String> terms = new ArrayList<>();
    for (KeysetOrder.Column c : order.columns()) {
      terms.add(c.column() + (c.descending() != reversed ? " DESC" : ""));
    }
    return out.append("\nORDER BY ").append(String.join(", ", terms))
        .append("\nLIMIT :").append(LIMIT).toString();
  }

  /**
   * The rows that sort after (or, reversed, before) the cursor's values. With one direction for
   * every column a row comparison, which a B-tree index answers with one range scan; with mixed
   * directions the expanded form, led by a bound on the first column so that the index still
   * narrows the scan.
   */
  static String seek(List<KeysetOrder.Column> columns, boolean reversed) {
    boolean descending = columns.get(0).descending();
    boolean oneDirection = columns.stream().allMatch(c -> c.descending() == descending);
    if (oneDirection) {
      String op = descending != reversed ? "<" : ">";
      if (columns.size() == 1) {
        return columns.get(0).column() + " " + op + " :" + VALUE_PREFIX + 0;
      }
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        names.add(columns.get(i).column());
        values.add(":" + VALUE_PREFIX + i);
      }
      return "(" + String.join(", ", names) + ") " + op + " (" + String.join(", ", values) + ")";
    }
    KeysetOrder.Column first = columns.get(0);
    String firstOp = first.descending() != reversed ? "<=" : ">=";
    return first.column() + " " + firstOp + " :" + VALUE_PREFIX + 0 + " AND "
        + expanded(columns, 0, reversed);
  }

  /** {@code (a > :k0 OR (a = :k0 AND (b < :k1 OR (b = :k1 AND c > :k2))))}. */
  private static String expanded(List<KeysetOrder.Column> columns, int i, boolean reversed) {
    KeysetOrder.Column c = columns.get(i);
    String value = ":" + VALUE_PREFIX + i;
    String strict = c.column() + (c.descending() != reversed ? " < " : " > ") + value;
    if (i == columns.size() - 1) {
      return strict;
    }
    return "(" + strict + " OR (" + c.column() + " = " + value + " AND "
        + expanded(columns, i + 1, reversed) + "))";
  }

  /** The SQL without its trailing top-level ORDER BY (when it can be dropped) and semicolon. */
  private static String unordered(Sql sql) {
    return statement(sql.unorderedStatement());
  }

  /** The SQL without trailing white space and semicolons. */
  private static String statement(String text) {
    String out = text.strip();
    while (out.endsWith(";")) {
      out = out.substring(0, out.length() - 1).strip();
    }
    return out;
  }
}
