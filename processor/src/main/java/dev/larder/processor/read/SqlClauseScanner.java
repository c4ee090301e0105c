package dev.larder.processor.read;

import dev.larder.processor.model.SqlClauses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the clauses of {@link SqlClauses} in SQL text. It tokenizes as {@link SqlNames} does
 * (skipping string literals, quoted identifiers, dollar-quoted bodies and comments) and keeps
 * each token's position and parenthesis depth; it does not parse SQL, so it only recognises the
 * plain shapes it documents and says "no" to anything else.
 */
final class SqlClauseScanner {
  private static final Set<String> AFTER_ORDER = Set.of("limit", "offset", "fetch", "for");

  private SqlClauseScanner() {}

  private enum Kind { WORD, NAME, PUNCT, OTHER }

  private record Token(Kind kind, String text, int start, int end, int depth) {
    boolean word(String lower) {
      return kind == Kind.WORD && text.equalsIgnoreCase(lower);
    }

    boolean punct(char c) {
      return kind == Kind.PUNCT && text.charAt(0) == c;
    }
  }

  static SqlClauses scan(String sql) {
    List<Token> tokens = tokenize(sql);
    int orderBy = -1;
    boolean hasOrderBy = false;
    boolean hasLimit = false;
    boolean returning = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.depth() != 0 || t.kind() != Kind.WORD) {
        continue;
      }
      if (t.word("order") && i + 1 < tokens.size() && tokens.get(i + 1).word("by")) {
        hasOrderBy = true;
        orderBy = t.start();
      } else if (t.word("limit") || t.word("offset") || t.word("fetch")) {
        hasLimit = true;
      } else if (t.word("returning")) {
        returning = true;
      }
      if (orderBy >= 0 && t.start() > orderBy
          && AFTER_ORDER.contains(t.text().toLowerCase(Locale.ROOT))) {
        orderBy = -1; // something follows the order that dropping it would lose
      }
    }
    return new SqlClauses(
        orderBy, hasOrderBy, hasLimit, insertValues(sql, tokens), returning);
  }

  /** The statement split around its one VALUES tuple, or null when it has another shape. */
  private static SqlClauses.InsertValues insertValues(String sql, List<Token> tokens) {
    if (tokens.isEmpty() || !tokens.get(0).word("insert")) {
      return null;
    }
    int values = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.punct('?') || (t.word("values") && t.depth() != 0)) {
        return null; // a '?' operator would read as a positional parameter; VALUES in a subquery
      }
      if (t.word("values")) {
        if (values >= 0) {
          return null;
        }
        values = i;
      }
    }
    if (values < 0 || values + 1 >= tokens.size() || !tokens.get(values + 1).punct('(')) {
      return null;
    }
    int open = values + 1;
    int close = -1;
    for (int i = open + 1; i < tokens.size(); i++) {
      if (tokens.get(i).punct(')') && tokens.get(i).depth() == 0) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      return null;
    }
    for (int i = 0; i < tokens.size(); i++) {
      if ((i < open || i > close) && tokens.get(i).kind() == Kind.NAME) {
        return null; // every parameter must belong to the row
      }
    }
    List<Token> tail = new ArrayList<>(tokens.subList(close + 1, tokens.size()));
    if (!tail.isEmpty() && tail.get(tail.size() - 1).punct(';')) {
      tail.remove(tail.size() - 1);
    }
    if (!tail.isEmpty() && !doNothing(tail)) {
      return null;
    }
    StringBuilder tuple = new StringBuilder();
    List<String> names = new ArrayList<>();
    int at = tokens.get(open).start();
    for (int i = open; i <= close; i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.NAME) {
        tuple.append(sql, at, t.start()).append('?');
        names.add(t.text().substring(1));
        at = t.end();
      }
    }
    tuple.append(sql, at, tokens.get(close).end());
    String tailText = tail.isEmpty() ? ""
        : sql.substring(tail.get(0).start(), tail.get(tail.size() - 1).end());
    return new SqlClauses.InsertValues(
        sql.substring(0, tokens.get(values).end()).strip(), tuple.toString(), names, tailText);
  }

  /** {@code ON CONFLICT [target] DO NOTHING}, nothing after it. */
  private static boolean doNothing(List<Token> tail) {
    int n = tail.size();
    return n >= 4 && tail.get(0).word("on") && tail.get(1).word("conflict")
        && tail.get(n - 2).word("do") && tail.get(n - 1).word("nothing")
        && tail.stream().noneMatch(t -> t.word("returning") || t.word("update"));
  }

  private static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'' || c == '"') {
        i = SqlNames.skipQuoted(sql, i, c);
        tokens.add(new Token(Kind.OTHER, sql.substring(start, i), start, i, depth));
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '$' && SqlNames.dollarTag(sql, i) != null) {
        String tag = SqlNames.dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
        tokens.add(new Token(Kind.OTHER, sql.substring(start, i), start, i, depth));
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
        tokens.add(new Token(Kind.OTHER, "::", start, i, depth));
      } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
        i++;
        while (i < n && SqlNames.isNamePart(sql, i)) {
          i++;
        }
        tokens.add(new Token(Kind.NAME, sql.substring(start, i), start, i, depth));
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i, depth));
      } else if (c == '(') {
        tokens.add(new Token(Kind.PUNCT, "(", start, ++i, depth++));
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
        tokens.add(new Token(Kind.PUNCT, ")", start, ++i, depth));
      } else {
        tokens.add(new Token(Kind.PUNCT, String.valueOf(c), start, ++i, depth));
      }
    }
    return tokens;
  }
}
