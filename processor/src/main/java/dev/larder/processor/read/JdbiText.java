package dev.larder.processor.read;

/**
 * Rewrites SQL as written into the text to hand to JDBI, so that the statement pgjdbc finally
 * sends is the one the user wrote, with exactly the {@code :name} parameters {@link SqlNames}
 * found.
 *
 * <p>JDBI reads a statement twice before pgjdbc sees it — its template engine ({@code <name>}
 * attributes) and its colon parser ({@code :name} and {@code ?}) — and neither knows
 * dollar-quoted bodies, line comments, nested comments or {@code E'…'} strings, and both treat a
 * colon followed by a digit as a parameter. pgjdbc itself takes every {@code ?} outside literals
 * and comments as a placeholder. So:
 * <ul>
 *   <li>a {@code ?} of an operator ({@code ?}, {@code ?|}, {@code ?&}, {@code @?}) becomes
 *       {@code ??}, pgjdbc's escape for a literal {@code ?}, which JDBI passes through;
 *   <li>a colon that is not a parameter or cast ({@code a[1:2]}) is escaped;
 *   <li>a literal, identifier, body or comment that JDBI would misread has each character JDBI
 *       gives a meaning to escaped with backslashes that JDBI removes; the others are kept as
 *       written, so that ordinary SQL comes out unchanged.
 * </ul>
 * One backslash is removed by each of JDBI's two passes, hence three before each character.
 */
final class JdbiText {
  /** Characters that JDBI's template engine or colon parser read as syntax. */
  private static final String SPECIAL = "\\'\":?/<";
  private static final String ESCAPE = "\\\\\\";

  private JdbiText() {}

  /** The text to give JDBI for {@code sql}, which must start and end at token boundaries. */
  static String of(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int at = 0;
    for (SqlLexer.Token t : SqlLexer.tokenize(sql)) {
      out.append(sql, at, t.start()); // white space
      switch (t.kind()) {
        // An operator's '<' or '/' stays: JDBI reads only "<name>" and "/*" as syntax.
        case PUNCT -> out.append(t.punct('?') ? "??" : t.punct('\\') ? escape(t.text())
            : t.text());
        case COLON -> out.append(escape(t.text()));
        case WORD, NAME, CAST -> out.append(t.text());
        default -> out.append(readAlike(t) ? t.text() : escape(t.text()));
      }
      at = t.end();
    }
    return out.append(sql, at, sql.length()).toString();
  }

  /** Whether JDBI reads the opaque token {@code t} as PostgreSQL does, as one inert piece. */
  private static boolean readAlike(SqlLexer.Token t) {
    String text = t.text();
    return switch (t.kind()) {
      // JDBI knows '…' and "…" with doubled quotes, but takes \' as an escaped quote.
      case STRING, QUOTED_IDENTIFIER -> text.indexOf('\\') < 0 && closed(text);
      // JDBI knows /* … */ but not nesting.
      case BLOCK_COMMENT -> text.indexOf("/*", 2) < 0 && text.endsWith("*/") && text.length() >= 4;
      default -> !needsEscape(text);
    };
  }

  private static boolean closed(String quoted) {
    return quoted.length() >= 2 && quoted.charAt(quoted.length() - 1) == quoted.charAt(0);
  }

  private static boolean needsEscape(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (SPECIAL.indexOf(text.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        out.append(ESCAPE);
      }
      out.append(c);
    }
    return out.toString();
  }
}
