package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.larder.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every way a URL with a password reaches the runtime: the password is in no exception (message,
 * cause or stack trace), no log line and no health report.
 */
class NoPasswordLeakTest {
  private static final String SECRET = "hunter2";

  /** The whole printed trace, causes included. */
  private static String trace(Throwable thrown) {
    assertThat(thrown).as("an exception was expected").isNotNull();
    StringWriter out = new StringWriter();
    thrown.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  @Test
  void refusedDatabaseUrlsNeverShowThePassword() {
    List<String> urls = List.of(
        "postgres://alice:" + SECRET + "@db:5432/shop bad",           // malformed: a space
        "postgres://alice:" + SECRET + "@@db/shop",                   // '@' in the password
        "postgres://:" + SECRET + "@/shop",                           // no user, no host
        "mysql://alice:" + SECRET + "@db/shop",
        "jdbc:mysql://db/shop?user=alice&password=" + SECRET,
        "jdbc:mysql://db/shop?user=alice&sslpassword=" + SECRET);
    for (String url : urls) {
      Throwable refusal = catchThrowable(() -> DatabaseUrl.parse(url));
      if (refusal == null) {
        // Taken: what the runtime may show of it is its toString and its redacted JDBC URL.
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        assertThat(parsed + DatabaseUrl.redact(parsed.jdbcUrl())).as(url).doesNotContain(SECRET);
        continue;
      }
      String viaEnvironment = trace(catchThrowable(
          () -> Larder.builder().environment(Map.of("DATABASE_URL", url))));

      assertThat(trace(refusal)).as(url).contains("database URL").doesNotContain(SECRET);
      assertThat(viaEnvironment).as(url).contains("DATABASE_URL").doesNotContain(SECRET);
    }
  }

  @Test
  void aParsedUrlDoesNotShowItsPassword() {
    DatabaseUrl url = DatabaseUrl.parse("postgres://alice:" + SECRET + "@db/shop");

    assertThat(url.password()).isEqualTo(SECRET);
    assertThat(url.toString()).contains("alice").doesNotContain(SECRET);
  }

  @Test
  void refusedRedisAndJdbcUrlsNeverShowThePassword() {
    List<Throwable> refusals = List.of(
        catchThrowable(() -> Larder.builder().redisUrl("http://:" + SECRET + "@cache:6379")),
        catchThrowable(() -> Larder.builder().redisUrl("http://user:" + SECRET + "@cache")),
        catchThrowable(() -> Larder.builder().environment(Map.of(
            "DATABASE_URL", "postgres://db/shop", "REDIS_URL", "tcp://:" + SECRET + "@cache"))),
        catchThrowable(() -> Larder.builder().jdbcUrl(
            "jdbc:mysql://u:" + SECRET + "@db/shop?password=" + SECRET)));
    for (Throwable refusal : refusals) {
      assertThat(trace(refusal)).contains("must start with").doesNotContain(SECRET);
    }
  }

  @Test
  void logsAndHealthOfUnreachableServersNeverShowThePassword() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String health;
    String redisHealth;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      try (Larder larder = Larder.builder()
          .jdbcUrl("jdbc:postgresql://127.0.0.1:1/shop?user=alice&password=" + SECRET)
          .redisCache(false)
          .build()) {
        health = larder.health().toJson();
      }
      try (Larder larder = Larder.builder()
          .dataSource(TestDatabase.get().dataSource())
          .redisUrl("redis://:" + SECRET + "@127.0.0.1:1")
          .build()) {
        redisHealth = larder.health().toJson();
      }
    } finally {
      System.setErr(err);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);

    assertThat(health).contains("\"status\":\"DOWN\"").doesNotContain(SECRET);
    assertThat(redisHealth).contains("\"status\":\"DEGRADED\"").doesNotContain(SECRET);
    assertThat(logs).contains("connection pool").doesNotContain(SECRET);
  }
}
