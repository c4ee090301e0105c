package dev.larder.runtime;

import java.net.URI;
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
      uri = URI.create(trimmed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("database URL '" + redact(trimmed) + "' is malformed: "
          + e.getMessage(), e);
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

  /** Hides a password so that messages and logs never carry it. */
  static String redact(String url) {
    return url.replaceAll("(//[^:/@]+:)[^@/]*@", "$1***@")
        .replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /** Percent-decodes user info; unlike a form, a URL's user info keeps '+' as a plus sign. */
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
