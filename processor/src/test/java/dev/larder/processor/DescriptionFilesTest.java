package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Transactional;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The description of each repository ({@code META-INF/larder/<qualified.Interface>.json}) and
 * its Markdown report, as the processor writes them into the class output.
 */
class DescriptionFilesTest {
  private static final String JSON = "META-INF/larder/test.ProductRepository.json";
  private static final String MARKDOWN = "META-INF/larder/test.ProductRepository.md";

  /** The representative repository, compiled once for the tests that only read its output. */
  private static Compilation products;

  @BeforeAll
  static void compileTheRepresentativeRepository() {
    products = Sources.compile(ProductRepositorySource.get());
  }

  @Test
  void eachReadListsTheWritesThatInvalidateItAndEachWriteTheReadsItInvalidates() {
    RepositoryDescription description = describe(products);

    Map<String, List<String>> invalidatedBy = description.reads().stream()
        .collect(Collectors.toMap(Read::name, Read::invalidatedBy, (a, b) -> a, TreeMap::new));
    assertThat(invalidatedBy.get("findById")).containsExactly("updatePrice", "setStatus");
    assertThat(invalidatedBy.get("countInCategory")).containsExactly("insertAll");
    assertThat(invalidatedBy.get("search")).containsExactlyElementsOf(
        writesNamed(description, "products", "category:{rows.category}"));
    Write insertAll = write(description, "insertAll");
    assertThat(insertAll.invalidatesReads()).contains("countInCategory", "search", "getBySku")
        .doesNotContain("findById", "statusOf");
    assertThat(insertAll.batch()).isTrue();
    assertThat(insertAll.invalidatesTags()).containsExactly("products", "category:{rows.category}");
  }

  @Test
  void theEdgesAgreeBothWays() {
    RepositoryDescription description = describe(products);

    for (Read read : description.reads()) {
      for (Write write : description.writes()) {
        assertThat(read.invalidatedBy().contains(write.name()))
            .as("%s invalidates %s", write.name(), read.name())
            .isEqualTo(write.invalidatesReads().contains(read.name()));
      }
    }
  }

  @Test
  void readsCarryTheirKeyTagsTtlSqlAndFingerprint() {
    RepositoryDescription description = describe(products);
    Read search = read(description, "search");
    Read findAllById = read(description, "findAllById");

    assertThat(description.name()).isEqualTo("test.ProductRepository");
    assertThat(description.cache())
        .isEqualTo(new RepositoryDescription.Cache("PT10M", "PT30S", "PT0S", "NEAR"));
    assertThat(search.key()).isEqualTo("products:{filter.category}:{filter.maxPriceCents}");
    assertThat(search.tags()).containsExactly("products", "category:{filter.category}");
    assertThat(search.ttl()).isEqualTo("PT1M");
    assertThat(search.sql()).startsWith("SELECT id, sku").contains(":filter.category");
    assertThat(search.fingerprint()).matches("[0-9a-f]{8}");
    assertThat(search.returns()).isEqualTo("java.util.List<test.Product>");
    assertThat(findAllById.key()).isEqualTo("ProductRepository:findAllById:{ids}");
    assertThat(findAllById.ttl()).isEqualTo("PT10M");
  }

  @Test
  void theFingerprintIsTheOneInTheGeneratedKeys() {
    Read findById = read(describe(products), "findById");

    assertThat(Sources.generatedSource(products, "test.ProductRepositoryKeys"))
        .contains("product:{id}@" + findById.fingerprint());
  }

  @Test
  void theMarkdownReportHasARowForEveryReadWithTheWritesInvalidatingIt() {
    RepositoryDescription description = describe(products);
    String markdown = Sources.generatedResource(products, MARKDOWN);

    assertThat(description.reads()).hasSizeGreaterThan(5);
    for (Read read : description.reads()) {
      String row = markdown.lines()
          .filter(line -> line.startsWith("| `" + read.name() + "("))
          .findFirst().orElseThrow(() -> new AssertionError("no row for " + read.name()));
      assertThat(row).contains("| `" + read.key() + "` |", "| `" + read.ttl() + "` |");
      read.invalidatedBy().forEach(write -> assertThat(row).contains("`" + write + "`"));
    }
    assertThat(markdown).contains("```mermaid\ngraph LR\n");
  }

  @Test
  void readsNoWriteInvalidatesAreFlaggedLikeTheCompilerWarns() {
    JavaFileObject file = Sources.repository(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id}\", tags = \"product:{id}\")",
        "  Optional<Product> find(long id);",
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long count();",
        "  @Query(\"SELECT name FROM category WHERE slug = :slug\")",
        "  @CacheKey(tags = \"category:{slug}\")",
        "  Optional<String> categoryName(String slug);",
        "  @Update(\"DELETE FROM product WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  int delete(long id);");
    Compilation compilation = Sources.compile(file);
    RepositoryDescription description = describe(compilation, "test.CatalogRepository");

    Set<String> flagged = description.reads().stream().filter(Read::neverInvalidated)
        .map(Read::name).collect(Collectors.toSet());
    Set<String> warned = compilation.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(null))
        .map(message -> message.replaceAll("^.* invalidates any tag of \\w+\\.(\\w+) .*$", "$1"))
        .collect(Collectors.toSet());
    assertThat(flagged).containsExactlyInAnyOrder("count", "categoryName").isEqualTo(warned);
    assertThat(Sources.generatedResource(compilation,
        "META-INF/larder/test.CatalogRepository.md"))
        .contains("| `count()` | `CatalogRepository:count:` | none | `PT10M` | **no write**",
            "2 reads are invalidated by no write of CatalogRepository");
  }

  @Test
  void oddSqlAndTemplateTextIsEscapedAndReadsBackExactly() {
    String sql = "SELECT note FROM product WHERE id = :id AND note <> 'a \"quoted\" | piped'\n"
        + "  AND path LIKE 'C:\\\\temp\\\\%' -- `ticks` \t tab, € and 🛒";
    JavaFileObject file = Sources.source("CatalogRepository",
        "@CachedRepository",
        "public interface CatalogRepository {",
        "  @Query(" + javaString(sql) + ")",
        "  @CacheKey(value = \"note|\\\"{id}\\\"\", tags = \"note:`{id}`\\\\\")",
        "  Optional<String> note(long id);",
        "  @Update(\"UPDATE product SET note = NULL WHERE id = :id\")",
        "  @InvalidatesTags(\"note:`{id}`\\\\\")",
        "  int clear(long id);",
        "}");
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    String json = Sources.generatedResource(compilation,
        "META-INF/larder/test.CatalogRepository.json");
    Read note = read(DescriptionJson.read(json), "note");

    assertThat(note.sql()).isEqualTo(sql);
    assertThat(note.key()).isEqualTo("note|\"{id}\"");
    assertThat(note.tags()).containsExactly("note:`{id}`\\");
    assertThat(note.invalidatedBy()).containsExactly("clear");
    assertThat(json).contains("\"key\": \"note|\\\"{id}\\\"\"",
        "'a \\\"quoted\\\" | piped'\\n  AND path LIKE 'C:\\\\\\\\temp\\\\\\\\%' -- `ticks` \\t tab,"
            + " € and 🛒\"");
    assertThat(Sources.generatedResource(compilation,
        "META-INF/larder/test.CatalogRepository.md"))
        .contains("| `note(long id)` | `note\\|\"{id}\"` | ``note:`{id}`\\`` |");
  }

  @Test
  void transactionalDefaultMethodsAreDescribedWithTheirOptions() {
    JavaFileObject file = Sources.repository(
        "  @Update(\"DELETE FROM product WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  int delete(long id);",
        "  @Transactional(name = \"purge\", isolation = Isolation.SERIALIZABLE, readOnly = false,",
        "      maxAttempts = 3, deadline = \"PT5S\", retryOn = \"55P03\")",
        "  default int deleteAll(long... ids) {",
        "    int n = 0;",
        "    for (long id : ids) n += delete(id);",
        "    return n;",
        "  }",
        "  @Transactional",
        "  default void touch() {}");

    RepositoryDescription description =
        describe(Sources.compile(file), "test.CatalogRepository");

    assertThat(description.transactional()).containsExactly(
        new Transactional("deleteAll",
            List.of(new RepositoryDescription.Parameter("ids", "long[]")), "int", "purge",
            "SERIALIZABLE", false, 3, "PT5S", List.of("55P03")),
        new Transactional("touch", List.of(), "void", "CatalogRepository.touch", "DEFAULT",
            false, null, null, List.of()));
  }

  @Test
  void compilingTwiceWritesTheSameBytes() {
    Compilation again = Sources.compile(ProductRepositorySource.get());

    assertThat(Sources.generatedResource(again, JSON))
        .isEqualTo(Sources.generatedResource(products, JSON));
    assertThat(Sources.generatedResource(again, MARKDOWN))
        .isEqualTo(Sources.generatedResource(products, MARKDOWN));
  }

  @Test
  void aRepositoryWithAnErrorGetsNoDescriptionAndTheOthersStillDo() {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(processor, List.of(),
        Sources.repository(
            "  @Query(\"SELECT * FROM product WHERE id = :id\")",
            "  Optional<Product> find(long identifier);"),
        ProductRepositorySource.get());

    assertThat(compilation).failed();
    assertThat(processor.created()).extracting(RecordingProcessor.Created::name)
        .contains(JSON, MARKDOWN)
        .noneMatch(name -> name.contains("CatalogRepository"));
  }

  @Test
  void everyFileHasItsInterfaceAsItsOnlyOriginatingElementSoTheProcessorStaysIsolating() {
    RecordingProcessor processor = new RecordingProcessor();
    Compilation compilation = Sources.compile(processor, List.of(),
        ProductRepositorySource.get(), Sources.repository(
            "  @Query(\"SELECT count(*) FROM product\")",
            "  @CacheKey(tags = \"products\")",
            "  long count();",
            "  @Update(\"DELETE FROM product\")",
            "  @InvalidatesTags(\"products\")",
            "  int deleteAll();"));

    assertThat(compilation).succeeded();
    assertThat(processor.created()).containsExactlyInAnyOrder(
        created("test.ProductRepositoryKeys", "test.ProductRepository"),
        created("test.ProductRepositoryImpl", "test.ProductRepository"),
        created(JSON, "test.ProductRepository"),
        created(MARKDOWN, "test.ProductRepository"),
        created("test.CatalogRepositoryKeys", "test.CatalogRepository"),
        created("test.CatalogRepositoryImpl", "test.CatalogRepository"),
        created("META-INF/larder/test.CatalogRepository.json", "test.CatalogRepository"),
        created("META-INF/larder/test.CatalogRepository.md", "test.CatalogRepository"));
  }

  private static RecordingProcessor.Created created(String name, String origin) {
    return new RecordingProcessor.Created(name, List.of(origin));
  }

  private static RepositoryDescription describe(Compilation compilation) {
    return describe(compilation, "test.ProductRepository");
  }

  private static RepositoryDescription describe(Compilation compilation, String repository) {
    assertThat(compilation).succeeded();
    return DescriptionJson.read(Sources.generatedResource(compilation,
        RepositoryDescription.path(repository, "json")));
  }

  private static Read read(RepositoryDescription description, String name) {
    return description.reads().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no read " + name));
  }

  private static Write write(RepositoryDescription description, String name) {
    return description.writes().stream().filter(w -> w.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no write " + name));
  }

  /** The writes naming one of {@code tags}, in declaration order. */
  private static List<String> writesNamed(RepositoryDescription description, String... tags) {
    return description.writes().stream()
        .filter(w -> w.invalidatesTags().stream().anyMatch(List.of(tags)::contains))
        .map(Write::name)
        .toList();
  }

  /** {@code text} as a Java string literal. */
  private static String javaString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
