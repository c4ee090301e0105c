package dev.larder.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code :name} parameters in SQL: the {@link SqlLexer.Kind#NAME} tokens, so nothing
 * inside string literals, quoted identifiers, dollar-quoted bodies or comments, and neither a
 * {@code ::type} cast nor an array slice {@code a[1:2]}.
 */
final class SqlNames {
  private SqlNames() {}

  /** Returns the distinct names in order of first appearance. */
  static List<String> parse(String sql) {
    Set<String> names = new LinkedHashSet<>();
    for (SqlLexer.Token t : SqlLexer.tokenize(sql)) {
      if (t.kind() == SqlLexer.Kind.NAME) {
        names.add(t.name());
      }
    }
    return new ArrayList<>(names);
  }
}
