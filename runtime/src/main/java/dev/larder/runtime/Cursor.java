package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

/**
 * A position in a keyset-paged query: an opaque, URL-safe token that a {@link CursorPage} hands
 * out ({@link CursorPage#next()}, {@link CursorPage#previous()}) and that the same repository
 * method takes back to read the page after (or before) it.
 *
 * <p>The token carries the sort values of the row it points at, typed, the fingerprint of the
 * query it belongs to and a checksum, or an HMAC when the runtime has a
 * {@linkplain LarderBuilder#cursorKey cursor key}. A token that is malformed, cut short, altered,
 * made by another query (or another version of this one), holding a value its column cannot hold,
 * or (with a key) not signed with that key is refused with an {@link IllegalArgumentException}
 * when it is used, never with an SQL error. Its values are bound as typed parameters, so a token
 * crafted by hand (possible only without a key) can at most point at another position of the same
 * query; it is not an authorization.
 *
 * @param token the token, as {@link #toString()} returns it
 */
public record Cursor(String token) {
  /** Longer tokens are refused outright: no real sort key needs them. */
  public static final int MAX_TOKEN_LENGTH = 4096;

  /**
   * Checks that the token has the alphabet and length of a cursor; whether it belongs to a query
   * is checked when it is used.
   *
   * @throws NullPointerException if {@code token} is null
   * @throws IllegalArgumentException if it is empty, too long, or not URL-safe base64
   */
  public Cursor {
    requireNonNull(token, "token");
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      throw new IllegalArgumentException("a cursor token has 1 to " + MAX_TOKEN_LENGTH
          + " characters but this one has " + token.length());
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_';
      if (!urlSafe) {
        throw new IllegalArgumentException(
            "a cursor token has only the characters A-Z a-z 0-9 - _ but this one has '" + c
                + "' at position " + i);
      }
    }
  }

  /**
   * Reads a cursor from its token, for example a request parameter.
   *
   * @return the cursor, or null (the first page) when {@code token} is null or blank
   * @throws IllegalArgumentException if the token is not URL-safe base64 or is too long
   */
  public static Cursor parse(String token) {
    return token == null || token.isBlank() ? null : new Cursor(token.strip());
  }

  /** Returns the token. */
  @Override
  public String toString() {
    return token;
  }
}
