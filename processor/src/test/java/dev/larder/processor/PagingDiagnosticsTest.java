package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Paged reads: the paging parameters must agree with the result type, and a keyset order must
 * be one Larder can seek in. Each mistake is one diagnostic on the element at fault.
 */
class PagingDiagnosticsTest {
  private static final String SELECT =
      "SELECT id, sku, name, category, price_cents, status, created_at FROM product";

  /** {@code test/CatalogRepository.java} seeing the runtime's paging types. */
  private static JavaFileObject repository(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("import dev.larder.runtime.*;");
    lines.add("");
    lines.add("@CachedRepository");
    lines.add("public interface CatalogRepository {");
    lines.addAll(List.of(members));
    lines.add("  @Update(\"DELETE FROM product\")");
    lines.add("  @InvalidatesTags(\"products\")");
    lines.add("  int deleteAll();");
    lines.add("}");
    return Sources.source("CatalogRepository", lines.toArray(String[]::new));
  }

  @Test
  void offsetAndKeysetPagedReadsCompileWithoutWarnings() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category ORDER BY name, id\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> page(String category, PageRequest request);",
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @OrderBy(value = {\"priceCents DESC\", \"status\", \"id ASC\"}, unique = \"id\")",
        "  @CacheKey(value = \"by-price:{category}\", tags = \"products\")",
        "  CursorPage<Product> byPrice(String category, Cursor after, int limit);",
        "  @Query(\"SELECT sku FROM product ORDER BY sku\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<String> skus(PageRequest request);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void pageWithoutAPageRequest() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category ORDER BY id\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> page(String category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query method page returns"
            + " dev.larder.runtime.Page<test.Product> but takes no PageRequest; add a parameter"
            + " PageRequest request")
        .inFile(file).onLineContaining("Page<Product> page(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pageRequestOnAMethodThatReturnsAList() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY id\")",
        "  @CacheKey(tags = \"products\")",
        "  List<Product> all(",
        "      PageRequest request);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter request of all is a PageRequest, which"
            + " only a @Query returning Page<...> takes")
        .inFile(file).onLineContaining("PageRequest request");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cursorPageWithoutACursor() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + "\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> all(int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query method all returns"
            + " dev.larder.runtime.CursorPage<test.Product> but takes no Cursor; add a parameter"
            + " Cursor after (null for the first page) and an int limit")
        .inFile(file).onLineContaining("CursorPage<Product> all(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cursorPageWithoutAnIntLimit() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + "\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> all(Cursor after);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query method all returns"
            + " dev.larder.runtime.CursorPage<test.Product> but has no int parameter named limit")
        .inFile(file).onLineContaining("CursorPage<Product> all(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void cursorOnAnOffsetPagedMethod() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY id\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> all(PageRequest request,",
        "      Cursor after);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter after of all is a Cursor, which only a"
            + " @Query returning CursorPage<...> takes")
        .inFile(file).onLineContaining("Cursor after");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoPageRequests() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY id\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> all(PageRequest request,",
        "      PageRequest other);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("method all takes two PageRequest parameters,"
            + " request and other; a paged method takes one")
        .inFile(file).onLineContaining("PageRequest other");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pageRequestOnAWrite() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product WHERE category = :category\")",
        "  @InvalidatesTags(\"products\")",
        "  int purge(String category,",
        "      PageRequest request);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter request of @Update method purge is a"
            + " PageRequest; only a @Query returning Page or CursorPage is read in pages")
        .inFile(file).onLineContaining("PageRequest request");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keysetWithoutAnOrder() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> byCategory(String category, Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("keyset-paged method byCategory has no @OrderBy;"
            + " name its sort columns, ending with a unique one, e.g. @OrderBy(value = {\"id\"},"
            + " unique = \"id\")")
        .inFile(file).onLineContaining("CursorPage<Product> byCategory(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keysetOrderWhoseLastColumnIsNotDeclaredUnique() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @OrderBy({\"price_cents DESC\", \"id\"})",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> byCategory(String category, Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("the order of byCategory (price_cents DESC, id)"
            + " does not end with a column declared unique, so rows with equal sort values could"
            + " be skipped or repeated where a page ends; if id identifies a row, write"
            + " @OrderBy(value = {...}, unique = \"id\")")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void uniqueColumnThatDoesNotEndTheOrder() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @OrderBy(value = {\"id\", \"price_cents DESC\"}, unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> byCategory(String category, Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("unique = \"id\" of byCategory is not the last"
            + " column of the order; the columns declared unique must be the last of the"
            + " order (id, price_cents DESC)")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void orderColumnThatIsAnArray() {
    JavaFileObject file = repository(
        "  record Tagged(long id, java.util.List<String> tags) {}",
        "  @Query(\"SELECT id, tags FROM product\")",
        "  @OrderBy(value = {\"tags\", \"id\"}, unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Tagged> tagged(Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy column tags of tagged is an array"
            + " (List<String>), which a cursor cannot hold; order by a column of a single value")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void orderColumnThatIsBytea() {
    JavaFileObject file = repository(
        "  record Blob(long id, byte[] payload) {}",
        "  @Query(\"SELECT id, payload FROM product\")",
        "  @OrderBy(value = {\"payload\", \"id\"}, unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Blob> blobs(Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy column payload of blobs is an array"
            + " (byte[]), which a cursor cannot hold; order by a column of a single value")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void orderColumnThatIsNotAColumnOfTheRow() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @OrderBy(value = {\"prise_cents\", \"id\"}, unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> byCategory(String category, Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy column prise_cents of byCategory is not"
            + " a column of Product (id, sku, name, category, price_cents, status, created_at);"
            + " did you mean 'price_cents'?")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void orderEntryWithAnUnknownDirection() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE category = :category\")",
        "  @OrderBy(value = {\"price_cents DOWN\", \"id\"}, unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> byCategory(String category, Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy entry \"price_cents DOWN\" of byCategory"
            + " has direction 'DOWN', which is neither ASC nor DESC; write \"column\","
            + " \"column ASC\" or \"column DESC\"")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void keysetOverScalarRows() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT id FROM product\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Long> ids(Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("keyset-paged method ids returns pages of Long;"
            + " keyset paging reads the sort values from each row, so the row must be a record")
        .inFile(file).onLineContaining("CursorPage<Long> ids(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void orderByOnAMethodThatIsNotKeysetPaged() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + "\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  List<Product> all();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy has no effect on all, which does not"
            + " return CursorPage<...>; order its rows with ORDER BY in its SQL")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pagingParameterUsedInTheSql() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " WHERE id > :limit\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> all(Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :limit of all names the paging"
            + " parameter limit, which Larder turns into LIMIT by itself; remove :limit from the"
            + " SQL")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pagingParameterInTheKeyTemplate() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY id\")",
        "  @CacheKey(value = \"all:{request}\", tags = \"products\")",
        "  Page<Product> all(PageRequest request);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Key template \"all:{request}\" of all names"
            + " {request}, a paging parameter; Larder adds the page to the key by itself")
        .inFile(file).onLineContaining("@CacheKey");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void pagedSqlWithItsOwnLimit() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY id LIMIT 100\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> all(PageRequest request);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("the SQL of paged method all has its own LIMIT,"
            + " OFFSET or FETCH; Larder adds them for each page: remove them from the SQL")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void offsetPagingWithoutAnOrderIsAWarning() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + "\")",
        "  @CacheKey(tags = \"products\")",
        "  Page<Product> all(PageRequest request);");

    Compilation compilation = compile(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("the SQL of all has no ORDER BY, so which rows"
            + " fall on which page is undefined")
        .inFile(file).onLineContaining("@Query");
  }

  @Test
  void keysetSqlWithItsOwnOrderIsAWarning() {
    JavaFileObject file = repository(
        "  @Query(\"" + SELECT + " ORDER BY name\")",
        "  @OrderBy(value = \"id\", unique = \"id\")",
        "  @CacheKey(tags = \"products\")",
        "  CursorPage<Product> all(Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("the SQL of all has its own ORDER BY, which"
            + " keyset paging replaces with the @OrderBy order (id); remove it from the SQL")
        .inFile(file).onLineContaining("@Query");
  }
}
