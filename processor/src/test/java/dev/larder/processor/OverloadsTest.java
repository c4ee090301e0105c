package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.RepositoryDescription;
import dev.larder.processor.report.RepositoryDescription.MethodDescription;
import dev.larder.processor.report.RepositoryDescription.Read;
import dev.larder.processor.report.RepositoryDescription.Write;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Overloaded repository methods: each overload goes by its signature ({@code title(int, String)})
 * in metrics, method tags, messages and reports, has its own fingerprint and constant, and its
 * key builder is an overload of the same name; none of it depends on the declaration order.
 */
class OverloadsTest {
  private static final String[] TITLE_BY_ID = {
      "  @Query(\"SELECT name FROM product WHERE id = :id\")",
      "  @CacheKey(value = \"title:{id}\", tags = \"product:{id}\")",
      "  String title(int id);"};
  private static final String[] TITLE_BY_ID_AND_LANGUAGE = {
      "  @Query(\"SELECT name FROM product WHERE id = :id AND category = :language\")",
      "  @CacheKey(tags = {\"product:{id}\", \"language:{language}\"})",
      "  String title(int id, String language);"};
  private static final String[] RENAME_BY_ID = {
      "  @Update(\"UPDATE product SET name = :name WHERE id = :id\")",
      "  @InvalidatesTags(\"product:{id}\")",
      "  int rename(int id, String name);"};
  private static final String[] RENAME_BY_LANGUAGE = {
      "  @Update(\"UPDATE product SET name = :name WHERE category = :language\")",
      "  @InvalidatesTags(\"language:{language}\")",
      "  int rename(String language, String name);"};

  private static JavaFileObject repositoryOf(String[]... methods) {
    List<String> lines = new ArrayList<>();
    for (String[] method : methods) {
      lines.addAll(List.of(method));
    }
    return repository(lines.toArray(String[]::new));
  }

  private static Compilation compileTitlesAndRenames() {
    return compile(
        repositoryOf(TITLE_BY_ID, TITLE_BY_ID_AND_LANGUAGE, RENAME_BY_ID, RENAME_BY_LANGUAGE));
  }

  private static RepositoryDescription description(Compilation compilation) {
    return DescriptionJson.read(
        Sources.generatedResource(compilation, "META-INF/larder/test.CatalogRepository.json"));
  }

  @Test
  void overloadsCompileAndTheirGeneratedCodeCompilesWithEveryLintWarningAsAnError() {
    JavaFileObject file = repositoryOf(
        TITLE_BY_ID, TITLE_BY_ID_AND_LANGUAGE, RENAME_BY_ID, RENAME_BY_LANGUAGE);
    Sources.assertCompilesStrictly(file, "CatalogRepository");
  }

  @Test
  void eachOverloadGoesByItsSignatureInMetricsAndMethodTagsAndHasItsOwnConstant() {
    String impl = Sources.generatedSource(compileTitlesAndRenames(), "test.CatalogRepositoryImpl");

    assertThat(impl)
        .contains("TITLE_INT = new CachedRead<>(\n      new RepositoryMethod(\"CatalogRepository\","
            + " \"title(int)\",")
        .contains("TITLE_INT_STRING = new CachedRead<>(\n      new RepositoryMethod("
            + "\"CatalogRepository\", \"title(int, String)\",")
        .contains("RENAME_INT_STRING = new RepositoryMethod(\n      \"CatalogRepository\","
            + " \"rename(int, String)\",")
        .contains("RENAME_STRING_STRING = new RepositoryMethod(\n      \"CatalogRepository\","
            + " \"rename(String, String)\",")
        .contains("larder.register(TITLE_INT, TITLE_INT_STRING);");
  }

  @Test
  void theKeyBuildersOfOverloadsAreOverloadsLinkingToTheirMethod() {
    String keys = Sources.generatedSource(compileTitlesAndRenames(), "test.CatalogRepositoryKeys");

    assertThat(keys)
        .contains("Returns the cache key of {@link CatalogRepository#title(int)}:")
        .contains("public static String title(int id) {")
        .contains("Returns the cache key of {@link CatalogRepository#title(int, String)}:")
        .contains("public static String title(int id, String language) {")
        .contains("public static List<String> titleTags(int id, String language) {")
        .contains("Returns the tags invalidated by {@link CatalogRepository#rename(String, String)}:")
        .contains("public static List<String> renameTags(String language, String name) {");
  }

  @Test
  void whatTellsOverloadsApartDoesNotDependOnTheDeclarationOrder() {
    Compilation forward = compile(repositoryOf(
        TITLE_BY_ID, TITLE_BY_ID_AND_LANGUAGE, RENAME_BY_ID, RENAME_BY_LANGUAGE));
    Compilation backward = compile(repositoryOf(
        RENAME_BY_LANGUAGE, RENAME_BY_ID, TITLE_BY_ID_AND_LANGUAGE, TITLE_BY_ID));

    assertThat(facts(description(backward)))
        .isEqualTo(facts(description(forward)))
        .containsOnlyKeys("title(int)", "title(int, String)", "rename(int, String)",
            "rename(String, String)");
    assertThat(constants(Sources.generatedSource(backward, "test.CatalogRepositoryImpl")))
        .isEqualTo(constants(Sources.generatedSource(forward, "test.CatalogRepositoryImpl")));
  }

  @Test
  void overloadsRunningTheSameSqlIntoTheSameTypeStillHaveTheirOwnFingerprint() {
    Compilation compilation = compile(repository(
        "  @Query(\"SELECT name FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"title:{id}\", tags = \"product:{id}\")",
        "  String title(int id);",
        "  @Query(\"SELECT name FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"title:{id}\", tags = \"product:{id}\")",
        "  String title(long id);",
        "  @Update(\"DELETE FROM product WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  int delete(long id);"));
    assertThat(compilation).succeededWithoutWarnings();

    Map<String, MethodDescription> methods = byUniqueName(description(compilation));
    assertThat(methods.get("title(int)").fingerprint())
        .isNotEqualTo(methods.get("title(long)").fingerprint());
  }

  @Test
  void aMethodThatIsNotOverloadedKeepsItsNameAndFingerprintWhenAnotherIs() {
    String[] count = {
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @CacheKey(tags = \"products\")",
        "  long count();",
        "  @Update(\"DELETE FROM product WHERE id = :id OR category = :language\")",
        "  @InvalidatesTags({\"products\", \"product:{id}\", \"language:{language}\"})",
        "  int delete(int id, String language);"};
    Map<String, MethodDescription> alone = byUniqueName(description(compile(repositoryOf(count))));
    Map<String, MethodDescription> withOverloads = byUniqueName(description(
        compile(repositoryOf(count, TITLE_BY_ID, TITLE_BY_ID_AND_LANGUAGE))));

    assertThat(withOverloads.get("count")).isEqualTo(alone.get("count"));
  }

  @Test
  void theTagGraphNamesEachOverloadByItsSignature() {
    RepositoryDescription description = description(compileTitlesAndRenames());

    Map<String, MethodDescription> methods = byUniqueName(description);
    assertThat(((Read) methods.get("title(int)")).invalidatedBy())
        .containsExactly("rename(int, String)");
    assertThat(((Read) methods.get("title(int, String)")).invalidatedBy())
        .containsExactly("rename(int, String)", "rename(String, String)");
    assertThat(((Write) methods.get("rename(String, String)")).invalidatesReads())
        .containsExactly("title(int, String)");
    assertThat(methods.get("title(int)").name()).isEqualTo("title");
  }

  @Test
  void messagesNameAnOverloadByItsSignature() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT name FROM product WHERE id = :id\")",
        "  @CacheKey(tags = \"product:{id}\")",
        "  String title(int id);",
        "  @Query(\"SELECT name FROM product WHERE id = :id\")",
        "  @CacheKey(tags = \"product:{id}\")",
        "  String title(int id, String language);");

    Compilation compilation = compile(file);

    assertThat(compilation)
        .hadErrorContaining("parameter language of title(int, String) is not used in its SQL")
        .inFile(file).onLineContaining("String title(int id, String language);");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation)
        .hadWarningContaining(
            "invalidates any tag of CatalogRepository.title(int) (product:{id})");
  }

  @Test
  void overloadedTransactionalDefaultMethodsGetAConstantEach() {
    JavaFileObject file = repositoryOf(RENAME_BY_ID, RENAME_BY_LANGUAGE, new String[] {
        "  @Transactional",
        "  default int renameBoth(int id, String name) {",
        "    return rename(id, name);",
        "  }",
        "  @Transactional",
        "  default int renameBoth(String language, String name) {",
        "    return rename(language, name);",
        "  }"});
    Sources.assertCompilesStrictly(file, "CatalogRepository");
  }

  @Test
  void overloadsWhoseTypesOnlyDifferByPackageGoByQualifiedTypes() {
    JavaFileObject first = JavaFileObjects.forSourceString("a.Filter",
        "package a; public record Filter(String category) {}");
    JavaFileObject second = JavaFileObjects.forSourceString("b.Filter",
        "package b; public record Filter(String category) {}");
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  @CacheKey(tags = \"products\")",
        "  long count(a.Filter filter);",
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  @CacheKey(tags = \"products\")",
        "  long count(b.Filter filter);",
        "  @Update(\"DELETE FROM product\")",
        "  @InvalidatesTags(\"products\")",
        "  int deleteAll();");

    Compilation compilation = compile(first, second, file);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(byUniqueName(description(compilation)))
        .containsOnlyKeys("count(a.Filter)", "count(b.Filter)", "deleteAll");
  }

  private static Map<String, MethodDescription> byUniqueName(RepositoryDescription description) {
    Map<String, MethodDescription> out = new TreeMap<>();
    description.methods().forEach(m -> out.put(m.uniqueName(), m));
    return out;
  }

  /**
   * What a description says of each method, by unique name, its lists sorted: they follow the
   * declaration order.
   */
  private static Map<String, String> facts(RepositoryDescription description) {
    Map<String, String> out = new TreeMap<>();
    for (MethodDescription m : description.methods()) {
      List<String> edges = new ArrayList<>(m instanceof Read r ? r.invalidatedBy()
          : ((Write) m).invalidatesReads());
      Collections.sort(edges);
      out.put(m.uniqueName(), m.name() + " " + m.fingerprint() + " " + m.sql() + " "
          + (m instanceof Read r ? r.key() + " " + r.tags() : "") + " " + edges);
    }
    return out;
  }

  /** Each constant of a generated implementation with the method it describes. */
  private static Map<String, String> constants(String impl) {
    Matcher m = Pattern.compile(
        "static final \\S+ (\\w+) = (?:new CachedRead<>\\(\\s*)?new RepositoryMethod\\(([^,]+,"
            + " \"[^\"]+\",\\s*\"[^\"]*\",\\s*\"\\w+\")").matcher(impl);
    Map<String, String> out = new TreeMap<>();
    while (m.find()) {
      out.put(m.group(1), m.group(2));
    }
    return out;
  }
}
