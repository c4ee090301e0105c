package dev.larder.example;

import dev.larder.runtime.Larder;
import dev.larder.runtime.LarderBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs the example end to end: finds a PostgreSQL ({@code DATABASE_URL}, or an embedded one
 * started here) and, when {@code REDIS_URL} is set, a Redis (otherwise the cache is per process), migrates the schema with Flyway, builds the {@link Larder} runtime, and runs
 * {@link CatalogDemo} on the generated repositories.
 *
 * <pre>{@code
 * mvn -q -pl example -am test-compile -Pdemo           # embedded PostgreSQL
 * DATABASE_URL=postgres://user:pw@host:5432/db mvn -q -pl example -am test-compile -Pdemo
 * }</pre>
 */
public final class Main {
  private Main() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   * @throws IOException if the embedded PostgreSQL cannot be started or stopped
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> environment = System.getenv();
    String databaseUrl = environment.get("DATABASE_URL");
    EmbeddedPostgres embedded = null;
    try {
      LarderBuilder builder = Larder.builder().poolName("larder-example");
      if (databaseUrl == null || databaseUrl.isBlank()) {
        System.out.println("DATABASE_URL is not set: starting an embedded PostgreSQL"
            + " (a few seconds the first time)...");
        embedded = EmbeddedPostgres.builder().start();
        System.out.println("Embedded PostgreSQL is up on port " + embedded.getPort() + ".");
        builder.jdbcUrl(embedded.getJdbcUrl("postgres", "postgres"));
        String redisUrl = environment.get("REDIS_URL");
        if (redisUrl != null && !redisUrl.isBlank()) {
          builder.redisUrl(redisUrl);
        }
      } else {
        System.out.println("Using the PostgreSQL in DATABASE_URL.");
        builder.environment(environment);
      }
      String redis = environment.get("REDIS_URL");
      System.out.println(redis == null || redis.isBlank()
          ? "REDIS_URL is not set: the cache runs in this process only (L1, Caffeine)."
          : "Caching in this process and in the Redis in REDIS_URL.");
      try (Larder larder = builder.build()) {
        migrate(larder.dataSource());
        new CatalogDemo(larder, System.out).run();
        System.out.println("Health: " + larder.health().toJson());
      }
    } finally {
      if (embedded != null) {
        embedded.close();
        System.out.println("Embedded PostgreSQL stopped.");
      }
    }
  }

  private static void migrate(DataSource dataSource) {
    Flyway flyway = Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load();
    MigrateResult result = flyway.migrate();
    System.out.println("Schema migrated with Flyway: " + result.migrationsExecuted
        + " migration(s) applied, now at version " + flyway.info().current().getVersion() + ".");
  }
}
