package dev.larder.example.load;

import dev.larder.example.service.EmbeddedServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The PostgreSQL and Redis of a load run: {@code DATABASE_URL} and {@code REDIS_URL} when set,
 * embedded servers otherwise.
 */
final class LoadServers implements AutoCloseable {
  private final EmbeddedServers embedded = new EmbeddedServers();
  private final String jdbcUrl;
  private final String redisUrl;
  private final boolean ownDatabase;

  LoadServers(Map<String, String> environment) {
    String database = environment.get("DATABASE_URL");
    ownDatabase = database == null || database.isBlank();
    jdbcUrl = database == null || database.isBlank() ? embedded.startPostgres() : jdbc(database.trim());
    String redis = environment.get("REDIS_URL");
    redisUrl = redis == null || redis.isBlank() ? embedded.startRedis() : redis.trim();
  }

  /** The database as a JDBC URL (user and password as parameters), which both stacks take. */
  String jdbcUrl() {
    return jdbcUrl;
  }

  String redisUrl() {
    return redisUrl;
  }

  /** Which servers these are, embedded or given, for the report. */
  String description() {
    return (embedded.ownsRedis() ? "embedded Redis" : "Redis in REDIS_URL") + ", "
        + (ownDatabase ? "embedded PostgreSQL" : "PostgreSQL in DATABASE_URL");
  }

  /** Empties Redis, so that every configuration starts cold ({@code FLUSHALL}). */
  void flushRedis() {
    URI uri = URI.create(redisUrl);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379)) {
      OutputStream out = socket.getOutputStream();
      String password = password(uri);
      if (password != null) {
        out.write(("*2\r\n$4\r\nAUTH\r\n$" + password.getBytes(StandardCharsets.UTF_8).length + "\r\n"
            + password + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int read = in.read(reply);
      String text = new String(reply, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
      if (!text.contains("+OK")) {
        throw new IllegalStateException("Redis refused FLUSHALL: " + text.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not empty Redis", e);
    }
  }

  @Override
  public void close() {
    embedded.close();
  }

  private static String password(URI uri) {
    String info = uri.getUserInfo();
    if (info == null) {
      return null;
    }
    int colon = info.indexOf(':');
    return colon < 0 ? info : info.substring(colon + 1);
  }

  /** {@code postgres://user:password@host:port/db} as a JDBC URL; a JDBC URL as it is. */
  static String jdbc(String url) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    URI uri = URI.create(url);
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost())
        .append(':').append(uri.getPort() > 0 ? uri.getPort() : 5432).append(uri.getRawPath());
    String info = uri.getUserInfo();
    if (info != null) {
      int colon = info.indexOf(':');
      jdbc.append("?user=").append(encode(colon < 0 ? info : info.substring(0, colon)));
      if (colon >= 0) {
        jdbc.append("&password=").append(encode(info.substring(colon + 1)));
      }
    }
    return jdbc.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
