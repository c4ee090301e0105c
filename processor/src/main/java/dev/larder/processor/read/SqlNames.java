package dev.larder.processor.read;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code :name} parameters in SQL the way JDBI's colon parser binds them, skipping what
 * is not a parameter: string literals, quoted identifiers, dollar-quoted bodies, comments and
 * PostgreSQL {@code ::type} casts.
 */
final class SqlNames {
  private SqlNames() {}

  /** Returns the distinct names in order of first appearance. */
  static List<String> parse(String sql) {
    Set<String> names = new LinkedHashSet<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNamePart(sql, end)) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        i = end;
      } else {
        i++;
      }
    }
    return new ArrayList<>(names);
  }

  static boolean isNamePart(String sql, int at) {
    char c = sql.charAt(at);
    if (Character.isJavaIdentifierPart(c) && c != '$') {
      return true;
    }
    // "filter.category" is one name; a trailing '.' (end of a sentence in a comment) is not.
    return c == '.' && at + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(at + 1));
  }

  static int skipQuoted(String sql, int start, char quote) {
    int i = start + 1;
    while (i < sql.length()) {
      if (sql.charAt(i) == quote) {
        if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
          i += 2; // doubled quote inside the literal
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return sql.length();
  }

  /** Returns {@code $tag$} starting at {@code start}, or null if there is none. */
  static String dollarTag(String sql, int start) {
    int i = start + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i < sql.length() && sql.charAt(i) == '$') {
      String tag = sql.substring(start, i + 1);
      // "$1" is a positional parameter, not a dollar quote.
      return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }
    return null;
  }
}
