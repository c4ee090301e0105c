package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Templates whose placeholders run into each other ({@code "{a}{b}"}, {@code "{a}-{b}"}) give one
 * key or tag for different arguments, and a read named like another method's tags builder gives
 * the generated {@code ...Keys} class one method twice: both are compile errors.
 */
class KeyTemplateAmbiguityTest {

  @Test
  void adjacentPlaceholdersInACacheKeyAreReportedWithASeparatedTemplate() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE name LIKE :a || :b\")",
        "  @CacheKey(value = \"search:{a}{b}\", tags = \"products\")",
        "  long search(String a, String b);",
        "  @Update(\"DELETE FROM product\")",
        "  @InvalidatesTags(\"products\")",
        "  int deleteAll();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Key template \"search:{a}{b}\" of search has {a}"
            + " and {b} next to each other, so different values can give one key (\"ab\" and \"c\""
            + " spell what \"a\" and \"bc\" do); separate every two placeholders by at least one"
            + " of the characters : , [ ] ( ) @ ~ # * \" (or a space), which Larder escapes inside"
            + " values, e.g. \"search:{a}:{b}\"")
        .inFile(file).onLineContaining("search:{a}{b}");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void placeholdersSeparatedByTextValuesMayContainAreReportedOnTheTag() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM customer_order WHERE customer = :cust"
            + " AND status = :status\")",
        "  @CacheKey(value = \"o:{cust}:{status}\",",
        "      tags = \"o:{cust}-{status}\")",
        "  long orders(String cust, String status);",
        "  @Update(\"DELETE FROM customer_order WHERE customer = :cust AND status = :status\")",
        "  @InvalidatesTags(\"o:{cust}:{status}\")",
        "  int delete(String cust, String status);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Tag template \"o:{cust}-{status}\" of orders has"
            + " {cust} and {status} with only \"-\" between them, so different values can give one"
            + " tag (\"a-b\" and \"c\" spell what \"a\" and \"b-c\" do);")
        .inFile(file).onLineContaining("tags = \"o:{cust}-{status}\"");
    assertThat(compilation).hadErrorContaining("e.g. \"o:{cust}:{status}\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aPercentSignStartsEveryEscapeSoItSeparatesNothing() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product WHERE sku = :a || :b\")",
        "  @InvalidatesTags(\"sku:{a}%{b}\")",
        "  int delete(String a, String b);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Invalidated tag template \"sku:{a}%{b}\" of delete"
            + " has {a} and {b} with only \"%\" between them, so different values can give one tag"
            + " (\"x\" and \"25%\" spell what \"x%\" and \"25\" do)")
        .inFile(file).onLineContaining("@InvalidatesTags");
    assertThat(compilation).hadErrorContaining("e.g. \"sku:{a}:{b}\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void wordsBetweenPlaceholdersAreKeptBetweenColonsInTheSuggestion() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product WHERE sku = :a || :b\")",
        "  @InvalidatesTags(\"{a}by{b}\")",
        "  int delete(String a, String b);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("e.g. \"{a}:by:{b}\"")
        .inFile(file).onLineContaining("@InvalidatesTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void placeholdersSeparatedByAnEscapedCharacterCompile() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE name LIKE :a || :b || :c || :d\")",
        "  @CacheKey(value = \"search:{a}-x:{b},{c}({d})\", tags = \"products:{a} {b}~{c}\")",
        "  long search(String a, String b, String c, String d);",
        "  @Update(\"DELETE FROM product WHERE name = :a || :b || :c\")",
        "  @InvalidatesTags(\"products:{a} {b}~{c}\")",
        "  int delete(String a, String b, String c);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void readNamedLikeAnotherReadsTagsBuilderWithTheSameParametersIsReported() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  @CacheKey(tags = \"category:{category}\")",
        "  long byCategory(String category);",
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category AND price_cents > 0\")",
        "  @CacheKey(tags = \"category:{category}\")",
        "  long byCategoryTags(String category);",
        "  @Update(\"DELETE FROM product WHERE category = :category\")",
        "  @InvalidatesTags(\"category:{category}\")",
        "  int delete(String category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("CatalogRepositoryKeys would declare"
            + " byCategoryTags(String) twice: as the key builder of read byCategoryTags and as the"
            + " tags builder of byCategory (named after it with \"Tags\" appended); rename"
            + " byCategoryTags or byCategory")
        .inFile(file).onLineContaining("long byCategoryTags(String category);");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void readNamedLikeAWritesTagsBuilderWithTheSameErasedParametersIsReported() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE id = ANY(:ids)\")",
        "  @CacheKey(tags = \"products\")",
        "  long deleteTags(List<Long> ids);",
        "  @Update(\"DELETE FROM product WHERE sku = ANY(:skus)\")",
        "  @InvalidatesTags(\"products\")",
        "  int delete(List<String> skus);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("CatalogRepositoryKeys would declare"
            + " deleteTags(List) twice")
        .inFile(file).onLineContaining("long deleteTags(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void readNamedLikeATagsBuilderWithOtherParametersIsAnOverloadAndCompiles() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  @CacheKey(tags = \"category:{category}\")",
        "  long byCategory(String category);",
        "  @Query(\"SELECT count(*) FROM product WHERE id = :id\")",
        "  @CacheKey(tags = \"category:{id}\")",
        "  long byCategoryTags(long id);",
        "  @Update(\"DELETE FROM product WHERE category = :category\")",
        "  @InvalidatesTags(\"category:{category}\")",
        "  int delete(String category);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void uncachedReadNamedLikeATagsBuilderHasNoKeyBuilderAndCompiles() {
    JavaFileObject file = repository(
        "  @Query(value = \"SELECT count(*) FROM product WHERE id = ANY(:ids)\", cached = false)",
        "  long deleteTags(List<Long> ids);",
        "  @Update(\"DELETE FROM product WHERE id = ANY(:ids)\")",
        "  @InvalidatesTags(\"products\")",
        "  int delete(List<Long> ids);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }
}
