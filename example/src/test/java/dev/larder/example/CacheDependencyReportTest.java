package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.LarderReport;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example's build leaves the cache dependencies where the README says: a description and a
 * Markdown report per repository in {@code target/classes/META-INF/larder/}, and the HTML report
 * of all of them in {@code target/larder-report.html} (written by the larder-report execution in
 * this module's pom before the tests run).
 */
class CacheDependencyReportTest {
  private static final Path CLASSES = Path.of("target", "classes");
  private static final Path REPORT = Path.of("target", "larder-report.html");
  private static final String PRODUCTS = "dev.larder.example.ProductRepository";

  @Test
  void theDescriptionOfProductRepositoryListsTheWritesThatInvalidateFindById() throws IOException {
    RepositoryDescription products = DescriptionJson.read(resource(PRODUCTS + ".json"));

    assertThat(read(products, "findById").key()).isEqualTo("product:{id}");
    assertThat(read(products, "findById").invalidatedBy())
        .containsExactly("updatePrice", "changeStatus");
    assertThat(read(products, "categories").invalidatedBy()).containsExactly("addCategory");
  }

  @Test
  void everyRepositoryOfTheExampleIsDescribed() throws IOException {
    try (Stream<Path> files = Files.list(CLASSES.resolve(RepositoryDescription.DIRECTORY))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")))
          .containsExactlyInAnyOrder(PRODUCTS + ".json",
              "dev.larder.example.CartRepository.json",
              "dev.larder.example.OrderRepository.json",
              "dev.larder.example.CatalogRepository.json");
    }
  }

  @Test
  void theMarkdownReportHasTheFindByIdRowWithTheWritesInvalidatingIt() throws IOException {
    String markdown = resource(PRODUCTS + ".md");

    assertThat(markdown).contains("| `findById(long id)` | `product:{id}` | `product:{id}` |"
        + " `PT10M` | `updatePrice`, `changeStatus` |");
    assertThat(markdown).contains("```mermaid\ngraph LR\n");
  }

  @Test
  void theBuildWroteTheHtmlReportWithARowForEveryReadAndTheWritesInvalidatingIt()
      throws IOException {
    assertThat(REPORT).as("the larder-report execution of example/pom.xml writes it").exists();
    String html = Files.readString(REPORT, StandardCharsets.UTF_8);

    String findById = row(html, PRODUCTS + ".findById");
    assertThat(findById).contains("<code>findById(long id)</code>",
        "<code>updatePrice</code>, <code>changeStatus</code>");
    assertThat(findById).doesNotContain("insertAll", "flag");
    for (RepositoryDescription repository : LarderReport.read(CLASSES)) {
      for (Read read : repository.reads()) {
        assertThat(row(html, repository.name() + "." + read.name()))
            .contains(read.invalidatedBy().isEmpty() ? List.of("no write of")
                : read.invalidatedBy().stream().map(w -> "<code>" + w + "</code>").toList());
      }
    }
  }

  /** The {@code <tr>} of a read in the HTML report. */
  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\"");
    assertThat(start).as("a row for %s", id).isNotNegative();
    return html.substring(start, html.indexOf("</tr>", start));
  }

  private static Read read(RepositoryDescription description, String name) {
    return description.reads().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no read " + name));
  }

  /** A file of META-INF/larder/ as the class path holds it. */
  private static String resource(String name) throws IOException {
    try (InputStream in = CacheDependencyReportTest.class.getClassLoader()
        .getResourceAsStream(RepositoryDescription.DIRECTORY + "/" + name)) {
      assertThat(in).as("%s on the class path", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
