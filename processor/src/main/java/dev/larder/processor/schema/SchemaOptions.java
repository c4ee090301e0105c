package dev.larder.processor.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The processor options of the compile-time schema check.
 *
 * @param migrations the migration directories, resolved; empty when the check is off
 * @param databaseUrl a {@code jdbc:postgresql:} URL of a server to check against, or null to
 *     start an embedded PostgreSQL
 * @param cacheDirectory where descriptions are cached, or null for no cache
 */
record SchemaOptions(List<Path> migrations, String databaseUrl, Path cacheDirectory) {
  /** Comma-separated migration directories; without it the check is off. */
  static final String MIGRATIONS = "larder.migrations";
  /** A JDBC URL of a server (a scratch database is created and dropped there). */
  static final String DATABASE = "larder.schemaDatabase";
  /** The cache directory, or {@code none}. */
  static final String CACHE = "larder.schemaCache";
  /** The directory relative migration paths start from, when it is not found by itself. */
  static final String PROJECT_DIR = "larder.projectDir";
  /** The environment variable naming a server, when the option does not. */
  static final String DATABASE_VARIABLE = "LARDER_SCHEMA_DATABASE_URL";

  static List<String> names() {
    return List.of(MIGRATIONS, DATABASE, CACHE, PROJECT_DIR);
  }

  /**
   * Reads the options.
   *
   * @param classOutput the compiler's class output directory, or null when it is not a directory
   *     (the cache then defaults to none, and relative paths start from the working directory)
   */
  static SchemaOptions read(Map<String, String> options, Map<String, String> environment,
      Path classOutput) {
    String written = options.getOrDefault(MIGRATIONS, "").trim();
    List<Path> directories = new ArrayList<>();
    if (!written.isEmpty()) {
      for (String part : written.split(",")) {
        if (!part.isBlank()) {
          directories.add(resolve(part.trim(), options.get(PROJECT_DIR), classOutput));
        }
      }
    }
    String url = options.get(DATABASE);
    if (url == null || url.isBlank()) {
      url = environment.get(DATABASE_VARIABLE);
    }
    String cache = options.get(CACHE);
    Path cacheDirectory;
    if (cache != null && !cache.isBlank()) {
      cacheDirectory = cache.trim().equalsIgnoreCase("none") ? null
          : resolve(cache.trim(), options.get(PROJECT_DIR), classOutput);
    } else {
      // target/classes → target/larder-schema (build/classes/java/main → build/classes/java/…)
      cacheDirectory = classOutput == null || classOutput.getParent() == null ? null
          : classOutput.getParent().resolve("larder-schema");
    }
    return new SchemaOptions(List.copyOf(directories),
        url == null || url.isBlank() ? null : url.trim(), cacheDirectory);
  }

  boolean enabled() {
    return !migrations.isEmpty();
  }

  /**
   * An absolute path as is; a relative one against {@code larder.projectDir} when given, else
   * against the first ancestor of the class output where it exists (the project directory for
   * Maven's {@code target/classes} and Gradle's {@code build/classes/java/main}), else against
   * the working directory.
   */
  private static Path resolve(String written, String projectDir, Path classOutput) {
    Path path = Path.of(written);
    if (path.isAbsolute()) {
      return path.normalize();
    }
    if (projectDir != null && !projectDir.isBlank()) {
      return Path.of(projectDir.trim()).resolve(path).toAbsolutePath().normalize();
    }
    for (Path dir = classOutput; dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(path))) {
        return dir.resolve(path).toAbsolutePath().normalize();
      }
    }
    return path.toAbsolutePath().normalize();
  }
}
