package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
