package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static dev.larder.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes in where Larder's annotations are put and in repository-wide settings. */
class RepositoryDiagnosticsTest {

  @Test
  void cachedRepositoryOnAClassIsReportedOnItsAnnotation() {
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository",
        "public abstract class CatalogRepository {",
        "  @Query(\"SELECT count(*) FROM product\")",
        "  abstract long count();",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining(
            "@CachedRepository goes on an interface, but CatalogRepository is a class")
        .inFile(file).onLineContaining("@CachedRepository");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cachedRepositoryOnAnEnumNamesItWithTheRightArticle() {
    JavaFileObject file = source("Catalog", "@CachedRepository", "public enum Catalog { A }");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("but Catalog is an enum;")
        .inFile(file).onLineContaining("@CachedRepository");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void genericRepositoryIsAnError() {
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository",
        "public interface CatalogRepository<T> {",
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long count();",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("repository CatalogRepository declares type"
            + " parameters; a repository interface must be concrete")
        .inFile(file).onLineContaining("@CachedRepository");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryOnADefaultMethodHasNoEffect() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  default long count() { return 0; }");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query has no effect on a default method; it only"
            + " works on an abstract method of an interface annotated @CachedRepository")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cacheKeyOnAStaticMethodHasNoEffect() {
    JavaFileObject file = repository(
        "  @CacheKey(\"count\")",
        "  static long count() { return 0; }");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@CacheKey has no effect on a static method")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryOnAMethodOfAPlainInterfaceHasNoEffect() {
    JavaFileObject file = source("Catalog",
        "public interface Catalog {",
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long count();",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query has no effect on a method of interface"
            + " Catalog, which is not annotated @CachedRepository")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cacheKeyOnAnUpdateIsReportedOnceAndNotValidatedAsAKey() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product WHERE id = :id\")",
        "  @InvalidatesTags(\"products\")",
        "  @CacheKey(value = \"product:{nope}\", ttl = \"soon\")",
        "  int delete(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@CacheKey has no effect on delete, which is a"
            + " write (@Update); a write caches nothing")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void invalidatesTagsOnAQueryIsReportedOnce() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @CacheKey(tags = \"products\")",
        "  @InvalidatesTags(\"products:{nope}\")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@InvalidatesTags has no effect on count, which is"
            + " a read (@Query)")
        .inFile(file).onLineContaining("@InvalidatesTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void annotatedMethodsOfASuperInterfaceAreImplementedNotReported() {
    JavaFileObject base = source("Lookup",
        "public interface Lookup<T> {",
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id}\", tags = \"product:{id}\")",
        "  Optional<T> find(long id);",
        "}");
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository",
        "public interface CatalogRepository extends Lookup<Product> {",
        "  @Update(\"DELETE FROM product WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  int delete(long id);",
        "}");

    Compilation compilation = compile(base, file);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryImpl"))
        .contains("public Optional<Product> find(long id)");
  }

  @Test
  void badRepositoryTtlIsReportedOnItsValue() {
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository(",
        "    emptyTtl = \"PT5S\",",
        "    ttl = \"10 minutes\")",
        "public interface CatalogRepository {",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("ttl = \"10 minutes\" is not an ISO-8601 duration;"
            + " write for example \"PT10M\"")
        .inFile(file).onLineContaining("ttl = \"10 minutes\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void negativeDurationIsAnError() {
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository(",
        "    staleWhileRevalidate = \"-PT1M\")",
        "public interface CatalogRepository {",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining(
            "staleWhileRevalidate = \"-PT1M\" is negative; a duration here must be zero or more")
        .inFile(file).onLineContaining("-PT1M");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void oneCompilationReportsEveryMistake() {
    JavaFileObject file = source("CatalogRepository",
        "@CachedRepository(ttl = \"ten minutes\")",
        "public interface CatalogRepository {",
        "  @Query(\"SELECT count(*) FROM product WHERE category = :kategory\")",
        "  long count();",
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long countAll(String unused);",
        "  long noSql();",
        "  @Update(\"DELETE FROM product\")",
        "  int deleteAll();",
        "}");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("is not an ISO-8601 duration")
        .inFile(file).onLineContaining("ten minutes");
    assertThat(compilation).hadErrorContaining("SQL parameter :kategory of count has nothing")
        .inFile(file).onLineContaining(":kategory");
    assertThat(compilation).hadErrorContaining("parameter unused of countAll is not used")
        .inFile(file).onLineContaining("String unused");
    assertThat(compilation).hadErrorContaining("method noSql has no SQL")
        .inFile(file).onLineContaining("long noSql();");
    assertThat(compilation).hadErrorContaining("@Update method deleteAll says nothing about what"
            + " it makes stale")
        .inFile(file).onLineContaining("int deleteAll();");
    assertThat(compilation).hadErrorCount(5);
  }

  @Test
  void errorsAreMessagesNotStackTraces() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT * FROM product WHERE id = :idd\")",
        "  @CacheKey(value = \"product:{id\", ttl = \"x\")",
        "  Optional<ProductWithAttributes> find(long id, Map<String, Long> options);");

    Compilation compilation = compile(file);

    assertThat(compilation.errors()).isNotEmpty().allSatisfy(error -> {
      String message = error.getMessage(null);
      assertThat(message).doesNotContain("\tat ", "Exception", "\n");
      assertThat(error.getLineNumber()).isPositive();
    });
  }

  @Test
  void aRepositoryWithAnErrorGetsNoCodeWhileTheOthersDo(@TempDir Path generated) {
    JavaFileObject broken = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count();");
    JavaFileObject fine = source("StatusRepository",
        "@CachedRepository",
        "public interface StatusRepository {",
        "  @Query(\"SELECT status FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"status:{id}\", tags = \"product:{id}\")",
        "  Optional<Status> statusOf(long id);",
        "  @Update(\"UPDATE product SET status = :status WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  void setStatus(long id, Status status);",
        "}");

    List<String> files = Sources.generateInto(generated, broken, fine);

    assertThat(compile(broken, fine)).hadErrorCount(1);
    assertThat(files).containsExactly(
        "META-INF/larder/test.StatusRepository.json", "META-INF/larder/test.StatusRepository.md",
        "test/StatusRepositoryImpl.java", "test/StatusRepositoryKeys.java");
  }

  @Test
  void aMissingTypeIsLeftToJavacToReport() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  Optional<Missing> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("cannot find symbol")
        .inFile(file).onLineContaining("Optional<Missing>");
    assertThat(compilation).hadErrorCount(1);
  }
}
