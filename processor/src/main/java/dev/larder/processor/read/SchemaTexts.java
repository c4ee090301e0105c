package dev.larder.processor.read;

import dev.larder.processor.model.SchemaText;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes the {@link SchemaText} of a statement from the lexer's tokens: the texts to prepare, and
 * the two things the schema check reads off the text itself — a top-level {@code SELECT *}, and
 * which tables an outer join may fill with NULLs. The join rule is deliberately simple: the table
 * (or the tables of the subquery or CTE) right after {@code LEFT [OUTER] JOIN} is nullable, and a
 * {@code RIGHT} or {@code FULL} join makes every table nullable.
 */
public final class SchemaTexts {
  private SchemaTexts() {}

  /** The schema text of {@code sql}. */
  public static SchemaText of(String sql) {
    List<SqlLexer.Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder jdbc = new StringBuilder(sql.length());
    StringBuilder server = new StringBuilder(sql.length());
    List<String> occurrences = new ArrayList<>();
    List<Integer> shifts = new ArrayList<>();
    int at = 0;
    for (SqlLexer.Token t : tokens) {
      jdbc.append(sql, at, t.start());
      server.append(sql, at, t.start());
      if (t.kind() == SqlLexer.Kind.NAME) {
        occurrences.add(t.name());
        shifts.add(server.length());
        shifts.add(t.start());
        jdbc.append('?');
        server.append('$').append(occurrences.size());
        shifts.add(server.length());
        shifts.add(t.end());
      } else {
        jdbc.append(t.punct('?') ? "??" : t.text());
        server.append(t.text());
      }
      at = t.end();
    }
    jdbc.append(sql, at, sql.length());
    server.append(sql, at, sql.length());
    Joins joins = joins(tokens);
    return new SchemaText(jdbc.toString(), server.toString(), List.copyOf(occurrences),
        List.copyOf(shifts), star(tokens), Set.copyOf(joins.nullable),
        joins.everyTableNullable);
  }

  /** Where a top-level {@code *} of a select list is: after SELECT, DISTINCT, a comma or a dot. */
  private static int star(List<SqlLexer.Token> tokens) {
    boolean inSelectList = false;
    for (int i = 0; i < tokens.size(); i++) {
      SqlLexer.Token t = tokens.get(i);
      if (t.depth() != 0) {
        continue;
      }
      if (t.word("select")) {
        inSelectList = true;
      } else if (t.word("from") || t.word("returning")) {
        inSelectList = false;
      } else if (inSelectList && t.punct('*') && i > 0) {
        SqlLexer.Token before = tokens.get(i - 1);
        if (before.word("select") || before.word("distinct") || before.word("all")
            || before.punct(',') || before.punct('.')) {
          return before.punct('.') ? qualifierStart(tokens, i - 1) : t.start();
        }
      }
    }
    return -1;
  }

  private static int qualifierStart(List<SqlLexer.Token> tokens, int dot) {
    return dot > 0 ? tokens.get(dot - 1).start() : tokens.get(dot).start();
  }

  private record Joins(Set<String> nullable, boolean everyTableNullable) {}

  private static Joins joins(List<SqlLexer.Token> tokens) {
    Set<String> nullable = new LinkedHashSet<>();
    boolean every = false;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).word("join")) {
        continue;
      }
      SqlLexer.Token before = previousWord(tokens, i);
      if (before != null && before.word("outer")) {
        before = previousWord(tokens, tokens.indexOf(before));
      }
      if (before == null) {
        continue;
      }
      if (before.word("right") || before.word("full")) {
        every = true;
      } else if (before.word("left")) {
        nullable.addAll(joinedTables(tokens, i + 1));
      }
    }
    return new Joins(nullable, every);
  }

  private static SqlLexer.Token previousWord(List<SqlLexer.Token> tokens, int i) {
    return i > 0 && tokens.get(i - 1).kind() == SqlLexer.Kind.WORD ? tokens.get(i - 1) : null;
  }

  /** The tables of what a join starting at {@code i} reads: a table, a subquery or a CTE. */
  private static Set<String> joinedTables(List<SqlLexer.Token> tokens, int i) {
    if (i < tokens.size() && tokens.get(i).word("lateral")) {
      i++;
    }
    if (i >= tokens.size()) {
      return Set.of();
    }
    if (tokens.get(i).punct('(')) {
      return tablesIn(tokens, i + 1, tokens.get(i).depth());
    }
    String name = relation(tokens, i);
    if (name == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(name);
    int body = cteBody(tokens, name);
    if (body >= 0) {
      out.addAll(tablesIn(tokens, body + 1, tokens.get(body).depth()));
    }
    return out;
  }

  /** The relation named at {@code i}, {@code name} or {@code schema.name}, lower case. */
  private static String relation(List<SqlLexer.Token> tokens, int i) {
    String name = null;
    while (i < tokens.size()) {
      SqlLexer.Token t = tokens.get(i);
      if (t.kind() == SqlLexer.Kind.WORD) {
        name = t.text().toLowerCase(Locale.ROOT);
      } else if (t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) {
        name = t.text().substring(1, Math.max(1, t.text().length() - 1)).replace("\"\"", "\"")
            .toLowerCase(Locale.ROOT);
      } else {
        return name;
      }
      if (i + 1 < tokens.size() && tokens.get(i + 1).punct('.')) {
        i += 2;
      } else {
        return name;
      }
    }
    return name;
  }

  /** The tables after FROM or JOIN inside the parentheses whose content starts at {@code i}. */
  private static Set<String> tablesIn(List<SqlLexer.Token> tokens, int i, int outside) {
    Set<String> out = new LinkedHashSet<>();
    for (; i < tokens.size() && tokens.get(i).depth() > outside; i++) {
      SqlLexer.Token t = tokens.get(i);
      if ((t.word("from") || t.word("join")) && i + 1 < tokens.size()) {
        out.addAll(joinedTables(tokens, i + 1));
      }
    }
    return out;
  }

  /** The {@code (} that opens the body of CTE {@code name}, or -1 when there is no such CTE. */
  private static int cteBody(List<SqlLexer.Token> tokens, String name) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      SqlLexer.Token t = tokens.get(i);
      if (t.kind() != SqlLexer.Kind.WORD || !t.text().equalsIgnoreCase(name)) {
        continue;
      }
      int j = i + 1;
      if (tokens.get(j).punct('(')) { // a column list: skip to its end
        int depth = tokens.get(j).depth();
        j++;
        while (j < tokens.size() && !(tokens.get(j).punct(')') && tokens.get(j).depth() == depth)) {
          j++;
        }
        j++;
      }
      if (j < tokens.size() && tokens.get(j).word("as")) {
        j++;
        while (j < tokens.size() && (tokens.get(j).word("not")
            || tokens.get(j).word("materialized"))) {
          j++;
        }
        if (j < tokens.size() && tokens.get(j).punct('(')) {
          return j;
        }
      }
    }
    return -1;
  }
}
