package dev.larder.processor.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits PostgreSQL text into the tokens the processor needs: words, {@code :name} parameters,
 * punctuation, and the opaque parts nothing may look inside — string literals (plain, {@code E'…'}
 * with backslash escapes), quoted identifiers, dollar-quoted bodies ({@code $$…$$},
 * {@code $tag$…$tag$}) and comments ({@code --} and nested {@code /* *}{@code /}). It is the one
 * lexer of the processor: {@link SqlNames}, {@link SqlClauseScanner}, {@link SchemaTexts} and
 * {@link JdbiText} all read its tokens. It does not parse SQL; white space is not a token, and
 * an unterminated opaque part runs to the end of the text.
 */
final class SqlLexer {
  private SqlLexer() {}

  /** What a token is. */
  enum Kind {
    /** A keyword or identifier: {@code select}, {@code product}, {@code price_cents}. */
    WORD,
    /** A named parameter, {@code :id} or {@code :filter.category}. */
    NAME,
    /** A {@code ::type} cast. */
    CAST,
    /** A colon that is neither a parameter nor a cast, as in the array slice {@code a[1:2]}. */
    COLON,
    /** One other character: {@code (}, {@code ;}, {@code ?}, a digit, an operator character. */
    PUNCT,
    /** {@code '…'} without the {@code E} prefix; a backslash in it is an ordinary character. */
    STRING,
    /** {@code E'…'}, where a backslash escapes the next character. */
    ESCAPE_STRING,
    /** {@code "…"}. */
    QUOTED_IDENTIFIER,
    /** {@code $$…$$} or {@code $tag$…$tag$}. */
    DOLLAR_QUOTED,
    /** {@code -- …} up to and including the end of the line. */
    LINE_COMMENT,
    /** {@code /* … *}{@code /}, possibly nested. */
    BLOCK_COMMENT;

    /** Whether the token hides its content from everything but the server. */
    boolean opaque() {
      return ordinal() >= STRING.ordinal();
    }
  }

  /**
   * A token of the text.
   *
   * @param kind what it is
   * @param text its text, {@code sql.substring(start, end)}
   * @param start where it starts in the text
   * @param end where it ends (exclusive)
   * @param depth how many parentheses enclose it; a {@code (} has the depth outside it
   */
  record Token(Kind kind, String text, int start, int end, int depth) {
    boolean word(String lower) {
      return kind == Kind.WORD && text.equalsIgnoreCase(lower);
    }

    boolean punct(char c) {
      return kind == Kind.PUNCT && text.charAt(0) == c;
    }

    /** The parameter name of a {@link Kind#NAME}, without its colon. */
    String name() {
      return text.substring(1);
    }
  }

  /** The tokens of {@code sql}, in order. */
  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int depth = 0;
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '\'') {
        i = quotedEnd(sql, i, '\'', false);
        kind = Kind.STRING;
      } else if (c == '"') {
        i = quotedEnd(sql, i, '"', false);
        kind = Kind.QUOTED_IDENTIFIER;
      } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'') {
        i = quotedEnd(sql, i + 1, '\'', true);
        kind = Kind.ESCAPE_STRING;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
        kind = Kind.LINE_COMMENT;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        i = blockCommentEnd(sql, i);
        kind = Kind.BLOCK_COMMENT;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int end = sql.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
        kind = Kind.DOLLAR_QUOTED;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
        kind = Kind.CAST;
      } else if (c == ':' && i + 1 < n && isNameStart(sql.charAt(i + 1))) {
        i++;
        while (i < n && isNamePart(sql, i)) {
          i++;
        }
        kind = Kind.NAME;
      } else if (c == ':') {
        i++;
        kind = Kind.COLON;
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
            || sql.charAt(i) == '$')) {
          i++;
        }
        kind = Kind.WORD;
      } else {
        i++;
        kind = Kind.PUNCT;
      }
      if (c == ')') {
        depth = Math.max(0, depth - 1);
      }
      tokens.add(new Token(kind, sql.substring(start, i), start, i, depth));
      if (c == '(' && kind == Kind.PUNCT) {
        depth++;
      }
    }
    return tokens;
  }

  /**
   * A parameter name starts with a letter or underscore: {@code a[1:2]} and {@code a[:2]} are
   * array slices, and {@code a[lo:hi]} binds {@code :hi} (write {@code a[lo : hi]} for columns).
   */
  private static boolean isNameStart(char c) {
    return Character.isJavaIdentifierStart(c) && c != '$';
  }

  private static boolean isNamePart(String sql, int at) {
    char c = sql.charAt(at);
    if (Character.isJavaIdentifierPart(c) && c != '$') {
      return true;
    }
    // "filter.category" is one name; a trailing '.' (end of a sentence in a comment) is not.
    return c == '.' && at + 1 < sql.length() && isNameStart(sql.charAt(at + 1));
  }

  /**
   * The end of the literal opened by {@code quote} at {@code start}: a doubled quote stays inside,
   * and with {@code backslashes} (an {@code E'…'} string) so does a quote after a backslash.
   */
  private static int quotedEnd(String sql, int start, char quote, boolean backslashes) {
    int i = start + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** Block comments nest in PostgreSQL: {@code /* a /* b *}{@code / c *}{@code /} is one. */
  private static int blockCommentEnd(String sql, int start) {
    int nesting = 0;
    int i = start;
    while (i + 1 < sql.length()) {
      if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
        nesting++;
        i += 2;
      } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
        nesting--;
        i += 2;
        if (nesting == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** Returns {@code $tag$} starting at {@code start}, or null if there is none. */
  private static String dollarTag(String sql, int start) {
    int i = start + 1;
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    if (i < sql.length() && sql.charAt(i) == '$') {
      String tag = sql.substring(start, i + 1);
      // "$1" is a positional parameter, not a dollar quote: a tag does not start with a digit.
      return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
    }
    return null;
  }
}
