package dev.larder.consistency.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Emptying the directories of a run before it starts. */
final class Directories {
  private Directories() {}

  /** Deletes {@code directory} and everything in it, if it exists. */
  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + directory, e);
    }
  }

  /** An empty {@code directory}, whatever was there. */
  static void recreate(Path directory) {
    deleteRecursively(directory);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + directory, e);
    }
  }
}
