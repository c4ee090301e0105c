package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes in cache keys, tags, durations and invalidation. */
class CacheDiagnosticsTest {

  /** A write invalidating {@code products}, so reads tagged with it draw no warning. */
  private static final String[] DELETE_ALL = {
      "  @Update(\"DELETE FROM product\")",
      "  @InvalidatesTags(\"products\")",
      "  int deleteAll();"};

  private static JavaFileObject repositoryWithDeleteAll(String... members) {
    String[] all = new String[members.length + DELETE_ALL.length];
    System.arraycopy(members, 0, all, 0, members.length);
    System.arraycopy(DELETE_ALL, 0, all, members.length, DELETE_ALL.length);
    return repository(all);
  }

  @Test
  void unclosedPlaceholderInAKey() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id\", tags = \"products\")",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Key template \"product:{id\" of find has a '{' at"
            + " position 8 that is never closed; placeholders look like {id} or"
            + " {filter.category}")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void strayClosingBraceInATag() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id}\",",
        "      tags = \"product:id}\")",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Tag template \"product:id}\" of find has a '}' at"
            + " position 10 with no '{' before it")
        .inFile(file).onLineContaining("tags = \"product:id}\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownPlaceholderInAKeyIsReportedOnceWithAHint() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{ix}\", tags = \"products\")",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Key template \"product:{ix}\" names {ix}, which is"
            + " not a parameter or record component of find; did you mean 'id'?")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownPlaceholderInOneOfSeveralTagsIsReportedOnThatTag() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id}\", tags = {",
        "      \"products\",",
        "      \"product:{productId}\"})",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Tag template \"product:{productId}\" names"
            + " {productId}, which is not a parameter or record component of find")
        .inFile(file).onLineContaining("\"product:{productId}\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownPlaceholderInInvalidatesTags() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE id = :id\")",
        "  @InvalidatesTags({\"products\",",
        "      \"product:{product.id}\"})",
        "  int updatePrice(long id, long priceCents);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Invalidated tag template \"product:{product.id}\""
            + " names {product.id}, which is not a parameter or record component of updatePrice")
        .inFile(file).onLineContaining("product:{product.id}");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keyThatMissesABoundParameter() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE category = :category AND price_cents <= :max\")",
        "  @CacheKey(value = \"products:{category}\", tags = \"products\")",
        "  List<Product> cheaperThan(String category, long max);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("cache key \"products:{category}\" of cheaperThan"
            + " does not use parameter max, which the SQL binds as :max, so calls with different"
            + " max would share one cache entry; add {max} to the key")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keyThatMissesABoundRecordComponent() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE category = :filter.category\"",
        "      + \" AND price_cents <= :filter.maxPriceCents\")",
        "  @CacheKey(value = \"products:{filter.category}\", tags = \"products\")",
        "  List<Product> search(ProductFilter filter);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("does not use component maxPriceCents of parameter"
            + " filter, which the SQL binds as :filter.maxPriceCents, so calls with different"
            + " filter.maxPriceCents would share one cache entry; add {filter.maxPriceCents}")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keyNamingAWholeRecordCoversItsComponents() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE category = :filter.category\"",
        "      + \" AND price_cents <= :filter.maxPriceCents\")",
        "  @CacheKey(value = \"products:{filter}\", tags = \"products\")",
        "  List<Product> search(ProductFilter filter);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void badCacheKeyTtlIsReportedOnItsValue() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @CacheKey(tags = \"products\",",
        "      ttl = \"PT5X\")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("ttl = \"PT5X\" is not an ISO-8601 duration")
        .inFile(file).onLineContaining("ttl = \"PT5X\"");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void badCacheKeyTtlIsReportedEvenWhenTheMethodHasOtherErrors() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @CacheKey(tags = \"products\", ttl = \"-PT1S\")",
        "  void count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("ttl = \"-PT1S\" is negative")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorContaining("@Query method count returns void")
        .inFile(file).onLineContaining("void count();");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void updateWithoutInvalidatesTags() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE id = :id\")",
        "  int updatePrice(long id, long priceCents);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method updatePrice says nothing about what"
            + " it makes stale; add @InvalidatesTags naming the tags of the reads it changes, or"
            + " @InvalidatesTags(value = {}, reason = \"...\")")
        .inFile(file).onLineContaining("int updatePrice");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void emptyInvalidatesTagsWithoutAReasonIsReportedOnTheAnnotation() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM audit_log\")",
        "  @InvalidatesTags({})",
        "  int purgeAuditLog();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@InvalidatesTags on purgeAuditLog lists no tags"
            + " and gives no reason")
        .inFile(file).onLineContaining("@InvalidatesTags");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void emptyInvalidatesTagsWithAReasonCompiles() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM audit_log\")",
        "  @InvalidatesTags(value = {}, reason = \"the audit log is never cached\")",
        "  int purgeAuditLog();");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void tagsThatNoWriteInvalidatesDrawAWarningOnTheTags() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT * FROM product WHERE id = :id\")",
        "  @CacheKey(value = \"product:{id}\",",
        "      tags = \"product:{id}\")",
        "  Optional<Product> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("no write of any repository in this compilation"
            + " invalidates any tag of CatalogRepository.find (product:{id}), so its entries can"
            + " only go stale until their TTL")
        .inFile(file).onLineContaining("tags = \"product:{id}\"");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void readWithoutTagsDrawsTheWarningOnTheMethod() {
    JavaFileObject file = repositoryWithDeleteAll(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("invalidates any tag of CatalogRepository.count (it has no tags)")
        .inFile(file).onLineContaining("long count();");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void tagInvalidatedThroughADifferentPlaceholderDrawsNoWarning() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  @CacheKey(value = \"count:{category}\", tags = \"category:{category}\")",
        "  long count(String category);",
        "  @Update(\"INSERT INTO product (sku, name, category, price_cents)\"",
        "      + \" VALUES (:sku, :name, :category, :priceCents)\")",
        "  @InvalidatesTags(\"category:{rows.category}\")",
        "  int insertAll(List<NewProduct> rows);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void readWithAnErrorDrawsNoTagWarningOnTopOfIt() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @CacheKey(tags = \"nobody-invalidates-this\")",
        "  <T> long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }
}
