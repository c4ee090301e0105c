package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users will read: the generated sources of {@link ProductRepositorySource} and its
 * description, compared byte for byte with {@code src/test/resources/golden/<Class>.java.txt} and
 * {@code golden/test.ProductRepository.json} / {@code .md}.
 *
 * <p>After an intended change to the generators, rewrite the golden files instead of comparing,
 * then review their diff like any other change:
 *
 * <pre>
 * mvn -q -pl processor -am test -Dtest=GoldenFilesTest -Dlarder.updateGolden=true
 * </pre>
 */
class GoldenFilesTest {
  private static final Path GOLDEN =
      Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(strings = {"ProductRepositoryImpl", "ProductRepositoryKeys"})
  void generatedSourceMatchesItsGoldenFile(String simpleName) throws IOException {
    Compilation compilation = Sources.compile(ProductRepositorySource.get());
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Sources.generatedSource(compilation, "test." + simpleName);

    assertMatchesGolden(generated, simpleName + ".java.txt");
  }

  /** The description of the repository and its Markdown report (META-INF/larder/). */
  @ParameterizedTest
  @ValueSource(strings = {"test.ProductRepository.json", "test.ProductRepository.md"})
  void descriptionMatchesItsGoldenFile(String fileName) throws IOException {
    Compilation compilation = Sources.compile(ProductRepositorySource.get());
    assertThat(compilation).succeededWithoutWarnings();
    String generated = Sources.generatedResource(compilation, "META-INF/larder/" + fileName);

    assertMatchesGolden(generated, fileName);
  }

  /**
   * What users read fits in 100 columns, as the code around it does (no line to scroll). As in
   * Google Java Style, a Javadoc line that is one word, or one word in {@code {@code}} (a key
   * template), cannot be broken and may be longer.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ProductRepositoryImpl.java.txt", "ProductRepositoryKeys.java.txt"})
  void goldenSourceLinesAreAtMost100CharactersLong(String fileName) throws IOException {
    List<String> lines = Files.readAllLines(GOLDEN.resolve(fileName), StandardCharsets.UTF_8);

    List<String> tooLong = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() > 100 && !unbreakableJavadoc(lines.get(i))) {
        tooLong.add((i + 1) + ": " + lines.get(i));
      }
    }
    assertThat(tooLong).as("lines of %s longer than 100 characters", fileName).isEmpty();
  }

  private static void assertMatchesGolden(String generated, String fileName) throws IOException {
    Path golden = GOLDEN.resolve(fileName);

    if (Boolean.getBoolean("larder.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, generated, StandardCharsets.UTF_8);
    }

    assertThat(golden).exists();
    assertThat(generated)
        .as("%s differs from %s; if the change is intended, rerun with"
            + " -Dlarder.updateGolden=true and review the diff", fileName, golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** A Javadoc line of one word, or of one word in {@code {@code}}: a long key template. */
  private static boolean unbreakableJavadoc(String line) {
    return line.strip().matches("\\* (\\{@code )?\\S+");
  }
}
