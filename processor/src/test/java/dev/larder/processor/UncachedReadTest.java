package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.testing.compile.Compilation;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Query(cached = false)}: a database call on every invocation, shown as such; an
 * overloaded one goes by its signature like any other overload.
 */
class UncachedReadTest {
  private static final String[] UNCACHED = {
      "  @Query(value = \"SELECT * FROM product WHERE id = :id FOR UPDATE\", cached = false)",
      "  Optional<Product> lock(long id);",
      "  @Query(value = \"SELECT * FROM product ORDER BY id\", cached = false)",
      "  dev.larder.runtime.Page<Product> page(dev.larder.runtime.PageRequest request);"};

  @Test
  void uncachedReadCallsTheDatabaseThroughExecuteWithNoKey() {
    Compilation compilation = compile(repository(UNCACHED));

    assertThat(compilation).succeededWithoutWarnings();
    String impl = Sources.generatedSource(compilation, "test.CatalogRepositoryImpl");
    assertThat(impl)
        .contains("private static final RepositoryMethod LOCK = new RepositoryMethod(")
        .contains("return larder.execute(LOCK,")
        .contains("return larder.execute(PAGE,")
        .doesNotContain("larder.read(").doesNotContain("larder.register(")
        .doesNotContain("CachedRead");
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryKeys"))
        .doesNotContain(" lock(").doesNotContain(" page(");
  }

  @Test
  void descriptionAndReportSayNotCached() {
    Compilation compilation = compile(repository(UNCACHED));

    assertThat(Sources.generatedResource(compilation, "META-INF/larder/test.CatalogRepository.json"))
        .contains("\"cached\": false").doesNotContain("\"key\"");
    assertThat(Sources.generatedResource(compilation, "META-INF/larder/test.CatalogRepository.md"))
        .contains("| `lock(long id)` | **not cached** | — | — | — (reads the database on every call) |");
  }

  /** {@code find} three times: cached by id, uncached by SKU, an uncached page by category. */
  private static final String[] FIND_OVERLOADS = {
      "  @Query(\"SELECT * FROM product WHERE id = :id\")",
      "  @CacheKey(tags = \"product:{id}\")",
      "  Optional<Product> find(long id);",
      "  @Query(value = \"SELECT * FROM product WHERE sku = :sku FOR UPDATE\", cached = false)",
      "  Optional<Product> find(String sku);",
      "  @Query(value = \"SELECT * FROM product WHERE category = :category ORDER BY id\","
          + " cached = false)",
      "  dev.larder.runtime.Page<Product> find(String category,"
          + " dev.larder.runtime.PageRequest request);",
      "  @Update(\"UPDATE product SET name = :name WHERE id = :id\")",
      "  @InvalidatesTags(\"product:{id}\")",
      "  int rename(long id, String name);"};

  @Test
  void overloadedUncachedReadsCompileWithEveryLintWarningAsAnError() {
    Sources.assertCompilesStrictly(repository(FIND_OVERLOADS), "CatalogRepository");
  }

  @Test
  void anUncachedOverloadGoesByItsSignatureInItsConstantAndRepositoryMethod() {
    Compilation compilation = compile(repository(FIND_OVERLOADS));
    String impl = Sources.generatedSource(compilation, "test.CatalogRepositoryImpl");

    assertThat(impl)
        .contains("FIND_STRING = new RepositoryMethod(\n"
            + "      \"CatalogRepository\", \"find(String)\",")
        .contains("FIND_STRING_PAGE_REQUEST = new RepositoryMethod(\n      \"CatalogRepository\","
            + " \"find(String, PageRequest)\",")
        .contains("FIND_STRING_PAGE_REQUEST_PAGES = new OffsetPaging(")
        .contains("return larder.execute(FIND_STRING,")
        .contains("return larder.execute(FIND_STRING_PAGE_REQUEST,")
        .contains("return larder.read(FIND_LONG,")
        .contains("larder.register(FIND_LONG);");
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryKeys"))
        .contains("public static String find(long id) {")
        .doesNotContain("find(String");
  }

  @Test
  void theDescriptionAndReportNameAnUncachedOverloadByItsSignature() {
    Compilation compilation = compile(repository(FIND_OVERLOADS));

    RepositoryDescription description = DescriptionJson.read(Sources.generatedResource(
        compilation, "META-INF/larder/test.CatalogRepository.json"));
    assertThat(description.reads())
        .extracting(Read::uniqueName, Read::cached)
        .containsExactly(tuple("find(long)", true), tuple("find(String)", false),
            tuple("find(String, PageRequest)", false));
    assertThat(description.writes().get(0).invalidatesReads()).containsExactly("find(long)");
    assertThat(Sources.generatedResource(compilation, "META-INF/larder/test.CatalogRepository.md"))
        .contains("| `find(String sku)` | **not cached** |");
  }

  @Test
  void messagesNameAnUncachedOverloadByItsSignature() {
    JavaFileObject file = repository(
        "  @Query(value = \"SELECT * FROM product WHERE id = :id\", cached = false)",
        "  Optional<Product> find(long id);",
        "  @Query(value = \"SELECT * FROM product WHERE sku = :sku\", cached = false)",
        "  @CacheKey(\"product:{sku}\")",
        "  Optional<Product> find(String sku);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@CacheKey has no effect on find(String), which is"
            + " not cached (@Query(cached = false))")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cacheKeyOnAnUncachedReadIsAnError() {
    JavaFileObject file = repository(
        "  @Query(value = \"SELECT * FROM product WHERE id = :id\", cached = false)",
        "  @CacheKey(\"product:{id}\")",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@CacheKey has no effect on find, which is not"
            + " cached (@Query(cached = false)); remove @CacheKey, or remove cached = false to"
            + " cache its results under this key")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }
}
