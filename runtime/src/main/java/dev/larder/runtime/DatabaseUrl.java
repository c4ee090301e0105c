package dev.larder.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Turns the URL forms people put in {@code DATABASE_URL} into a JDBC URL plus credentials: the
 * twelve-factor {@code postgres://user:secret@host:5432/db?sslmode=require} and the JDBC
 * {@code jdbc:postgresql://host/db?user=u}, which passes through unchanged.
 */
record DatabaseUrl(String jdbcUrl, String username, String password) {

  static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database URL is blank");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:")) {
      if (!trimmed.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException(
            "database URL '" + redact(trimmed) + "' is not a PostgreSQL URL; Larder needs"
                + " jdbc:postgresql://host:port/database or postgres://user:password@host:port/database");
      }
      return new DatabaseUrl(trimmed, null, null);
    }
    if (!trimmed.startsWith("postgres://") && !trimmed.startsWith("postgresql://")) {
      throw new IllegalArgumentException(
          "database URL '" + redact(trimmed) + "' has an unknown scheme; use"
              + " postgres://user:password@host:port/database or jdbc:postgresql://host:port/database");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      // Not e.getMessage() nor e as the cause: both quote the whole URL, password included.
      throw new IllegalArgumentException("database URL '" + redact(trimmed) + "' is malformed: "
          + e.getReason() + (e.getIndex() >= 0 ? " at index " + e.getIndex() : ""));
    }
    // The authority is split by hand: java.net.URI gives no host for names with '_' (common for
    // container service names) nor for PostgreSQL's multi-host form h1:5432,h2:5432.
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hosts = authority.substring(at + 1);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("database URL '" + redact(trimmed) + "' names no host");
    }
    String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
        ? "postgres" : uri.getRawPath().substring(1);
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(database);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    String user = null;
    String password = null;
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    return new DatabaseUrl(jdbc.toString(), user, password);
  }

  /**
   * Hides a password so that messages and logs never carry it: whatever lies between the first
   * {@code :} of the user info and the last {@code @} (a password may hold an unescaped {@code @}
   * or {@code /}; the user name may be empty, as in {@code redis://:secret@host}), and the value
   * of every {@code password=} parameter ({@code sslpassword=} too). It errs on the side of hiding
   * more than the password, never less.
   */
  static String redact(String url) {
    String out = url;
    int scheme = out.indexOf("://");
    int at = out.lastIndexOf('@');
    if (scheme >= 0 && at > scheme) {
      int colon = out.indexOf(':', scheme + 3);
      if (colon >= 0 && colon < at) {
        out = out.substring(0, colon + 1) + "***" + out.substring(at);
      }
    }
    return out.replaceAll("(?i)(password=)[^&;#]*", "$1***");
  }

  /** Shows the URL and user, never the password. */
  @Override
  public String toString() {
    return "DatabaseUrl[" + redact(jdbcUrl) + ", user " + username
        + (password == null ? "" : ", password ***") + "]";
  }

  /** Percent-decodes user info; unlike a form, a URL's user info keeps '+' as a plus sign. */
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
