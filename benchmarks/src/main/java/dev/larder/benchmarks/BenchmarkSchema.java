package dev.larder.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The DDL of the benchmark tables, from the migrations in {@code db/migration} that the processor
 * also checks the repositories' SQL against, so that the two cannot drift apart.
 */
final class BenchmarkSchema {
  private BenchmarkSchema() {}

  /** The text of migration {@code name}, e.g. {@code V1__item.sql}. */
  static String migration(String name) {
    try (InputStream in = BenchmarkSchema.class.getResourceAsStream("/db/migration/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no migration db/migration/" + name + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
