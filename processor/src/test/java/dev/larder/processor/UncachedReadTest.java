package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Query(cached = false)}: a database call on every invocation, shown as such. */
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
