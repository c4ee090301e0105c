package dev.larder.processor.read;

import dev.larder.processor.model.SqlClauses;
import dev.larder.processor.read.SqlLexer.Kind;
import dev.larder.processor.read.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the clauses of {@link SqlClauses} in the tokens of {@link SqlLexer}, which keep each
 * token's position and parenthesis depth; it does not parse SQL, so it only recognises the plain
 * shapes it documents and says "no" to anything else.
 */
final class SqlClauseScanner {
  private static final Set<String> AFTER_ORDER = Set.of("limit", "offset", "fetch", "for");
  private static final Set<String> DATA_CHANGES = Set.of("insert", "update", "delete", "merge");
  /**
   * Well-known volatile functions of PostgreSQL (and its contrib modules) that change state when
   * called: sequences, advisory locks, notifications, large objects, settings, other sessions.
   */
  static final Set<String> SIDE_EFFECTING_FUNCTIONS = Set.of(
      "nextval", "setval",
      "pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock",
      "pg_advisory_xact_lock_shared", "pg_try_advisory_lock", "pg_try_advisory_lock_shared",
      "pg_try_advisory_xact_lock", "pg_try_advisory_xact_lock_shared", "pg_advisory_unlock",
      "pg_advisory_unlock_shared", "pg_advisory_unlock_all",
      "pg_notify", "set_config", "txid_current", "pg_current_xact_id",
      "lo_create", "lo_creat", "lo_import", "lo_export", "lo_unlink", "lo_put", "lo_from_bytea",
      "pg_cancel_backend", "pg_terminate_backend", "pg_reload_conf", "pg_rotate_logfile",
      "pg_switch_wal", "pg_create_restore_point", "pg_stat_reset", "dblink_exec");

  private SqlClauseScanner() {}

  static SqlClauses scan(String sql) {
    List<Token> tokens = SqlLexer.tokenize(sql);
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
    return new SqlClauses(orderBy, hasOrderBy, hasLimit, insertValues(sql, tokens),
        dataChange(tokens), locking(tokens), returning, sideEffects(tokens));
  }

  /**
   * The {@link #SIDE_EFFECTING_FUNCTIONS} the statement calls ({@code name(}, also qualified as
   * {@code pg_catalog.name(}), lower case, each once, in order.
   */
  private static List<String> sideEffects(List<Token> tokens) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      String name = t.kind() == Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : "";
      if (SIDE_EFFECTING_FUNCTIONS.contains(name) && tokens.get(i + 1).punct('(')
          && !out.contains(name)) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The keyword of a data-changing statement: {@code INSERT}, {@code UPDATE}, {@code DELETE} or
   * {@code MERGE} where a statement starts — first, after a {@code ;}, or after a {@code (} as in
   * {@code WITH x AS (DELETE ...)}. Elsewhere the words are clauses of other statements
   * ({@code FOR UPDATE}, {@code ON CONFLICT DO UPDATE}).
   */
  private static String dataChange(List<Token> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean startsStatement = i == 0 || tokens.get(i - 1).punct(';')
          || tokens.get(i - 1).punct('(');
      if (startsStatement && t.kind() == Kind.WORD
          && DATA_CHANGES.contains(t.text().toLowerCase(Locale.ROOT))) {
        return t.text().toUpperCase(Locale.ROOT);
      }
    }
    // SELECT ... INTO t creates the table t; INTO follows INSERT and MERGE only otherwise.
    for (Token t : tokens) {
      if (t.word("into")) {
        return "SELECT ... INTO, which creates a table";
      }
    }
    return null;
  }

  /** {@code FOR UPDATE}, {@code FOR NO KEY UPDATE}, {@code FOR SHARE} or {@code FOR KEY SHARE}. */
  private static String locking(List<Token> tokens) {
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).word("for")) {
        continue;
      }
      Token next = tokens.get(i + 1);
      if (next.word("update") || next.word("share")) {
        return "FOR " + next.text().toUpperCase(Locale.ROOT);
      }
      if (i + 2 < tokens.size() && (next.word("no") || next.word("key"))) {
        int last = next.word("no") ? i + 3 : i + 2;
        if (last < tokens.size() && (tokens.get(last).word("update")
            || tokens.get(last).word("share"))) {
          StringBuilder clause = new StringBuilder("FOR");
          for (int k = i + 1; k <= last; k++) {
            clause.append(' ').append(tokens.get(k).text().toUpperCase(Locale.ROOT));
          }
          return clause.toString();
        }
      }
    }
    return null;
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
        tuple.append(JdbiText.of(sql.substring(at, t.start()))).append('?');
        names.add(t.name());
        at = t.end();
      }
    }
    tuple.append(JdbiText.of(sql.substring(at, tokens.get(close).end())));
    String tailText = tail.isEmpty() ? ""
        : sql.substring(tail.get(0).start(), tail.get(tail.size() - 1).end());
    return new SqlClauses.InsertValues(
        JdbiText.of(sql.substring(0, tokens.get(values).end()).strip()), tuple.toString(), names,
        JdbiText.of(tailText));
  }

  /** {@code ON CONFLICT [target] DO NOTHING}, nothing after it. */
  private static boolean doNothing(List<Token> tail) {
    int n = tail.size();
    return n >= 4 && tail.get(0).word("on") && tail.get(1).word("conflict")
        && tail.get(n - 2).word("do") && tail.get(n - 1).word("nothing")
        && tail.stream().noneMatch(t -> t.word("returning") || t.word("update"));
  }
}
