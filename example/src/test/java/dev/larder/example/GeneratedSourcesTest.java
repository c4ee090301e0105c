package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sources Larder generated for this module's repositories (main and test) read like the code
 * around them: no line longer than 100 characters, but for a Javadoc line that is one word, or one
 * word in {@code {@code}} (a long key template), which Google Java Style allows as it cannot be
 * broken.
 */
class GeneratedSourcesTest {
  private static final List<Path> GENERATED = List.of(
      Path.of("target", "generated-sources", "annotations"),
      Path.of("target", "generated-test-sources", "test-annotations"));

  @Test
  void everyGeneratedLineIsAtMost100CharactersLong() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (Path directory : GENERATED) {
      if (Files.isDirectory(directory)) {
        try (Stream<Path> files = Files.walk(directory)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(sources::add);
        }
      }
    }
    assertThat(sources).as("generated repositories under %s", GENERATED).isNotEmpty();

    List<String> tooLong = new ArrayList<>();
    for (Path source : sources) {
      List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).length() > 100 && !unbreakableJavadoc(lines.get(i))) {
          tooLong.add(source.getFileName() + ":" + (i + 1) + ": " + lines.get(i));
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  /** A Javadoc line of one word, or of one word in {@code {@code}}: a long key template. */
  private static boolean unbreakableJavadoc(String line) {
    return line.strip().matches("\\* (\\{@code )?\\S+");
  }
}
