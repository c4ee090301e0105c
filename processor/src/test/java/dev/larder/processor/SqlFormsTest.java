package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * SQL forms whose characters JDBI or pgjdbc would misread: each compiles, binds exactly the
 * {@code :names} PostgreSQL would see as parameters, and is handed to JDBI in the form that
 * reaches the server as written (the example module runs each on PostgreSQL).
 */
class SqlFormsTest {

  /** The generated implementation of a repository with the one read {@code member}. */
  private static String implementation(String... member) {
    Compilation compilation = Sources.compile(Sources.repository(member));
    assertThat(compilation).succeeded();
    return Sources.generatedSource(compilation, "test.CatalogRepositoryImpl");
  }

  @Test
  void jsonbKeyOperatorsReachPgjdbcEscaped() {
    String impl = implementation(
        "  @Query(\"SELECT id FROM t WHERE m ? 'awards' AND m ?| :any AND m ?& :all\")",
        "  List<Long> withKeys(List<String> any, List<String> all);");

    assertThat(impl).contains("\"SELECT id FROM t WHERE m ?? 'awards' AND m ??| :any AND m ??& :all\"")
        .contains(".bindArray(\"any\"").contains(".bindArray(\"all\"");
  }

  @Test
  void namesInsideDollarQuotesAreNotParameters() {
    String impl = implementation(
        "  @Query(\"SELECT $$ :x it's $$ || $tag$ :y $$ $tag$ || :suffix\")",
        "  String quoted(String suffix);");

    assertThat(impl).contains(".bind(\"suffix\", suffix)").doesNotContain("bind(\"x\"")
        .doesNotContain("bind(\"y\"");
  }

  @Test
  void namesInsideEscapeStringsAreNotParameters() {
    String impl = implementation(
        "  @Query(\"SELECT E'it\\\\'s :x ?' || :suffix\")",
        "  String escaped(String suffix);");

    assertThat(impl).contains(".bind(\"suffix\", suffix)").doesNotContain("bind(\"x\"");
  }

  @Test
  void quotedIdentifiersMayHoldColons() {
    String impl = implementation(
        "  @Query(\"SELECT \\\"a:b\\\" FROM t WHERE id = :id\")",
        "  int colon(long id);");

    assertThat(impl).contains("\"SELECT \\\"a:b\\\" FROM t WHERE id = :id\"")
        .doesNotContain("bind(\"b\"");
  }

  @Test
  void arraySlicesAreNotParameters() {
    String impl = implementation(
        "  @Query(\"SELECT array_to_string(tags[1:2], ',') FROM t WHERE id = :id\")",
        "  String slice(long id);");

    // Three backslashes in the SQL (six in Java source): one goes in each of JDBI's passes.
    assertThat(impl).contains("tags[1\\\\\\\\\\\\:2]").doesNotContain("bind(\"2\"");
  }

  @Test
  void castsFollowNamesAndColumns() {
    String impl = implementation(
        "  @Query(\"SELECT count(*) FROM t WHERE created_at::date = :day::date\")",
        "  long onDay(String day);");

    assertThat(impl).contains("\"SELECT count(*) FROM t WHERE created_at::date = :day::date\"")
        .contains(".bind(\"day\", day)");
  }

  @Test
  void namesInsideLineAndNestedCommentsAreNotParameters() {
    String impl = implementation(
        "  @Query(\"SELECT id -- it's :x?\\n FROM t /* a /* :y */ ? */ WHERE id = :id\")",
        "  long commented(long id);");

    assertThat(impl).contains(".bind(\"id\", id)").doesNotContain("bind(\"x\"")
        .doesNotContain("bind(\"y\"");
  }
}
