package dev.larder.processor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL server the schema-check tests hand to the processor with
 * {@code -Alarder.schemaDatabase}, so that each compilation creates a scratch database instead of
 * starting a server: {@code LARDER_TEST_DATABASE_URL} when set, else one embedded server per test
 * JVM, stopped when it exits.
 */
final class SchemaDatabase {
  private static String url;

  private SchemaDatabase() {}

  static synchronized String url() {
    if (url == null) {
      String configured = System.getenv("LARDER_TEST_DATABASE_URL");
      if (configured != null && !configured.isBlank()) {
        url = configured.trim();
      } else {
        try {
          EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
          Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
              embedded.close();
            } catch (IOException e) {
              System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
            }
          }));
          url = embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return url;
  }

  /** The test migrations: V1 creates the shop, V2 renames product.title to name, V10 indexes. */
  static Path migrations() {
    try {
      return Path.of(SchemaDatabase.class.getResource("/schema/migration").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The options of a checked compilation against the test server, with no cache. */
  static List<String> options(String... more) {
    List<String> options = new ArrayList<>(List.of(
        "-Alarder.migrations=" + migrations(),
        "-Alarder.schemaDatabase=" + url(),
        "-Alarder.schemaCache=none"));
    options.addAll(List.of(more));
    return options;
  }
}
