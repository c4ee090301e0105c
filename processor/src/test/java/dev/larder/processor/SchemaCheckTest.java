package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.larder.processor.report.DescriptionJson;
import dev.larder.processor.report.HtmlReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile-time schema check ({@code -Alarder.migrations}) on the schema of
 * {@code src/test/resources/schema/migration}: V1 creates the shop, V2 renames
 * {@code product.title} to {@code name}, V10 needs V2 (so the check must apply them in version
 * order, or every compilation here would warn that a migration failed). Each mistake is one
 * positioned error with PostgreSQL's message; valid statements get no diagnostic at all.
 */
class SchemaCheckTest {

  /** {@code test/Shop.java}: a repository with the given members and the records they read. */
  static JavaFileObject shop(String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "@CachedRepository",
        "public interface Shop {",
        "  enum Status { ACTIVE, RETIRED }",
        "  record Item(long id, String name, BigDecimal price) {}",
        "  record Stock(long id, Integer stock) {}",
        "  record Rated(String name, Double stars) {}",
        "  record Counted(String category, @NonNullColumn long products) {}",
        "  record NewProduct(String sku, String name, String category, BigDecimal price) {}"));
    lines.addAll(List.of(members));
    lines.add("}");
    return source("Shop", lines.toArray(String[]::new));
  }

  private static Compilation checked(JavaFileObject file) {
    return compile(SchemaDatabase.options(), file);
  }

  @Test
  void validStatementsAreNotFlagged() {
    JavaFileObject file = shop(
        "  @Query(\"WITH cheap AS (SELECT id, name, price FROM product WHERE price < :max)"
            + " SELECT id, name, price FROM cheap ORDER BY price\")",
        "  @CacheKey(value = \"cheap:{max}\", tags = \"products\")",
        "  List<Item> cheap(BigDecimal max);",
        "  @Query(\"SELECT category, count(*) AS products FROM product GROUP BY category\")",
        "  @CacheKey(value = \"counts\", tags = \"products\")",
        "  List<Counted> counts();",
        "  @Query(\"SELECT p.id, p.name, p.price FROM product p JOIN review r ON r.product_id = p.id"
            + " WHERE r.stars >= :stars\")",
        "  @CacheKey(value = \"rated:{stars}\", tags = \"products\")",
        "  List<Item> wellRated(int stars);",
        "  @Query(\"SELECT p.name, avg(r.stars)::float8 AS stars FROM product p"
            + " LEFT JOIN review r ON r.product_id = p.id GROUP BY p.name\")",
        "  @CacheKey(value = \"averages\", tags = \"products\")",
        "  List<Rated> averages();",
        "  @Query(\"SELECT name FROM (SELECT name, row_number() OVER (PARTITION BY category"
            + " ORDER BY price DESC) AS rank FROM product) ranked WHERE rank = 1\")",
        "  @CacheKey(value = \"top\", tags = \"products\")",
        "  List<String> topOfEachCategory();",
        "  @Query(\"SELECT id FROM product WHERE attributes ->> 'color' = :color"
            + " AND attributes ? 'size' AND attributes @> :doc::jsonb\")",
        "  @CacheKey(value = \"color:{color}:{doc}\", tags = \"products\")",
        "  List<Long> byColor(String color, String doc);",
        "  @Query(\"SELECT id, name, price FROM product WHERE id = ANY(:ids)\")",
        "  @CacheKey(value = \"items:{ids}\", tags = \"products\")",
        "  List<Item> byIds(List<Long> ids);",
        "  @Query(\"SELECT id, stock FROM product WHERE status = :status\")",
        "  @CacheKey(value = \"status:{status}\", tags = \"products\")",
        "  List<Stock> byStatus(Status status);",
        "  @Query(\"SELECT id, stock FROM product WHERE status = :status::product_status\")",
        "  @CacheKey(value = \"named:{status}\", tags = \"products\")",
        "  List<Stock> byStatusName(String status);",
        "  @NonNullColumn",
        "  @Query(\"SELECT count(*) FROM product WHERE created_at > :since\")",
        "  @CacheKey(value = \"since:{since}\", tags = \"products\")",
        "  long countSince(Instant since);",
        "  @Update(\"INSERT INTO product (sku, name, category, price) VALUES (:sku, :name,"
            + " :category, :price) RETURNING id\")",
        "  @InvalidatesTags(\"products\")",
        "  long insert(String sku, String name, String category, BigDecimal price);",
        "  @Update(\"INSERT INTO product (sku, name, category, price) VALUES (:sku, :name,"
            + " :category, :price) ON CONFLICT (sku) DO UPDATE SET price = EXCLUDED.price\")",
        "  @InvalidatesTags(\"products\")",
        "  int upsert(List<NewProduct> rows);",
        "  @Update(\"UPDATE product SET tags = :tags, status = 'RETIRED'::product_status"
            + " WHERE id = :id\")",
        "  @InvalidatesTags(\"products\")",
        "  int retag(long id, List<String> tags);");

    assertThat(checked(file)).succeededWithoutWarnings();
  }

  @Test
  void syntaxErrorIsPostgresqlsMessageWithItsPosition() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id FROM product WHERE id = :id ORDER id\", cached = false)",
        "  List<Long> ids(long id);");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("PostgreSQL refuses the SQL of ids on the schema"
            + " the migrations build: syntax error at or near \"id\" (at character 45 of the SQL,"
            + " near \"id\")")
        .inFile(file).onLineContaining("ORDER id");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void columnRenamedByTheSecondMigrationIsUnknown() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, title AS name, price FROM product\", cached = false)",
        "  List<Item> items();");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("column \"title\" does not exist (at character 12"
            + " of the SQL, near \"title AS name, price FROM prod\")")
        .inFile(file).onLineContaining("title AS name");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unknownTableFunctionAndTypeAreEachAnError() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id FROM products\", cached = false)",
        "  List<Long> table();",
        "  @Query(value = \"SELECT id FROM product WHERE lower_case(name) = :name\", cached = false)",
        "  List<Long> function(String name);",
        "  @Query(value = \"SELECT id FROM product WHERE status = :s::status_type\", cached = false)",
        "  List<Long> type(String s);");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("relation \"products\" does not exist")
        .inFile(file).onLineContaining("FROM products");
    assertThat(compilation).hadErrorContaining("function lower_case(text) does not exist")
        .inFile(file).onLineContaining("lower_case(name)");
    assertThat(compilation).hadErrorContaining("type \"status_type\" does not exist")
        .inFile(file).onLineContaining("status_type");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void stringBoundWherePostgresqlInfersTimestamptzIsAnError() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id FROM product WHERE created_at > :since\", cached = false)",
        "  List<Long> newer(String since);");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("parameter since of newer is String, which Larder"
            + " binds as varchar, but PostgreSQL infers timestamp with time zone for :since and"
            + " refuses the statement with a varchar there: operator does not exist: timestamp"
            + " with time zone > character varying")
        .inFile(file).onLineContaining("List<Long> newer(String since)");
    assertThat(compilation).hadErrorContaining("declare it as Instant or OffsetDateTime, or cast"
        + " it in the SQL (:since::timestamp with time zone)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void resultColumnWithoutComponentAndComponentWithoutColumn() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, name, price, category FROM product\", cached = false)",
        "  List<Item> extra();",
        "  @Query(value = \"SELECT id, name FROM product\", cached = false)",
        "  List<Item> missing();");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("the SQL of extra returns column category (text),"
            + " which no component of Item reads")
        .inFile(file).onLineContaining("List<Item> extra()");
    assertThat(compilation).hadErrorContaining("component price of Item reads column price, which"
            + " the SQL of missing does not return (it returns id, name)")
        .inFile(file).onLineContaining("List<Item> missing()");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void columnTypesThatLoseDataAreErrors() {
    JavaFileObject file = shop(
        "  record Lossy(int id, String name, long price) {}",
        "  @Query(value = \"SELECT id, name, price FROM product\", cached = false)",
        "  List<Lossy> lossy();",
        "  @Query(value = \"SELECT name FROM product WHERE id = :id\", cached = false)",
        "  Optional<Integer> nameAsNumber(long id);");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("column id of lossy is bigint, which component id"
            + " of Lossy (int) cannot hold without loss; declare component id of Lossy as long,"
            + " Long or BigDecimal")
        .inFile(file).onLineContaining("List<Lossy> lossy()");
    assertThat(compilation).hadErrorContaining("column price of lossy is numeric, which component"
            + " price of Lossy (long) cannot hold without loss; declare component price of Lossy"
            + " as BigDecimal")
        .inFile(file).onLineContaining("List<Lossy> lossy()");
    assertThat(compilation).hadErrorContaining("column name of nameAsNumber is text, which the"
            + " result (Integer) cannot hold without loss; declare the result as String")
        .inFile(file).onLineContaining("nameAsNumber(long id)");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void nullableColumnsIntoPrimitivesAreErrors() {
    JavaFileObject file = shop(
        "  record Stocked(long id, int stock) {}",
        "  record Reviewed(String name, int stars) {}",
        "  @Query(value = \"SELECT id, stock FROM product\", cached = false)",
        "  List<Stocked> stocks();",
        "  @Query(value = \"SELECT p.name, r.stars FROM product p LEFT JOIN review r"
            + " ON r.product_id = p.id\", cached = false)",
        "  List<Reviewed> reviews();",
        "  @Query(value = \"SELECT max(stars) FROM review\", cached = false)",
        "  int best();");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("column stock of stocks can be NULL (product.stock"
            + " is not declared NOT NULL), but component stock of Stocked is the primitive int,"
            + " which cannot hold a NULL; declare it as Integer, or, if the column is never NULL,"
            + " annotate the component with @NonNullColumn")
        .inFile(file).onLineContaining("List<Stocked> stocks()");
    assertThat(compilation).hadErrorContaining("column stars of reviews can be NULL (it comes from"
            + " review through an outer join)")
        .inFile(file).onLineContaining("List<Reviewed> reviews()");
    assertThat(compilation).hadErrorContaining("column max of best can be NULL (it is an"
            + " expression, which Larder counts as nullable), but the result is the primitive int,"
            + " which cannot hold a NULL; declare it as Integer or Optional<Integer>, or, if the"
            + " column is never NULL, annotate the method with @NonNullColumn")
        .inFile(file).onLineContaining("int best()");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void keysetOrderColumnsMustBeInTheResultAndUniqueByAnIndex() {
    JavaFileObject file = shop(
        "  record Listed(long id, String name, String category) {}",
        "  @Query(value = \"SELECT id, name, category FROM product\", cached = false)",
        "  @OrderBy(value = {\"category\", \"name\"}, unique = \"name\")",
        "  dev.larder.runtime.CursorPage<Listed> byName(dev.larder.runtime.Cursor after,"
            + " int limit);",
        "  @Query(value = \"SELECT id, name FROM product\", cached = false)",
        "  @OrderBy(value = {\"price\", \"id\"}, unique = \"id\")",
        "  dev.larder.runtime.CursorPage<Item> byPrice(dev.larder.runtime.Cursor after, int limit);");

    Compilation compilation = checked(file);

    assertThat(compilation).hadErrorContaining("@OrderBy(unique = \"name\") of byName: no primary"
            + " key or unique index of product has only columns among name")
        .inFile(file).onLineContaining("unique = \"name\"");
    assertThat(compilation).hadErrorContaining("@OrderBy column price of byPrice is not a column"
            + " of the result of its SQL (id, name)")
        .inFile(file).onLineContaining("\"price\", \"id\"");
    assertThat(compilation).hadErrorContaining("component price of Item reads column price");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void selectStarIsAWarning() {
    JavaFileObject file = shop(
        "  record Review(long id, long productId, int stars, String body) {}",
        "  @Query(value = \"SELECT * FROM review WHERE id = :id\", cached = false)",
        "  Optional<Review> review(long id);");

    Compilation compilation = checked(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("the SQL of review selects *, so what it returns"
            + " moves with the schema")
        .inFile(file).onLineContaining("SELECT * FROM review");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void aServerThatCannotBeReachedIsOneWarningAndTheBuildGoesOn() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, title FROM product\", cached = false)",
        "  List<Item> items();");

    Compilation compilation = compile(List.of(
        "-Alarder.migrations=" + SchemaDatabase.migrations(),
        "-Alarder.schemaDatabase=jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2",
        "-Alarder.schemaCache=none"), file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("the schema check (-Alarder.migrations) was"
        + " skipped: PostgreSQL refused the connection");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void aMissingMigrationDirectoryIsOneWarning(@TempDir Path directory) {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, name, price FROM product\", cached = false)",
        "  List<Item> items();");

    Compilation compilation = compile(List.of(
        "-Alarder.migrations=" + directory.resolve("nowhere"),
        "-Alarder.schemaDatabase=" + SchemaDatabase.url()), file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("skipped: migration directory "
        + directory.resolve("nowhere") + " does not exist");
  }

  @Test
  void aMigrationPostgresqlRefusesIsOneWarningNamingIt(@TempDir Path directory)
      throws java.io.IOException {
    java.nio.file.Files.writeString(directory.resolve("V1__broken.sql"),
        "CREATE TABLE product (id bigint PRIMARY KEY, name txt)");
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, name, price FROM product\", cached = false)",
        "  List<Item> items();");

    Compilation compilation = compile(List.of("-Alarder.migrations=" + directory,
        "-Alarder.schemaDatabase=" + SchemaDatabase.url(), "-Alarder.schemaCache=none"), file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("skipped: migration V1__broken.sql: ERROR: type"
        + " \"txt\" does not exist");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void aRebuildWithUnchangedMigrationsReadsTheCacheAndStartsNoDatabase(@TempDir Path cache) {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, title AS name, price FROM product\", cached = false)",
        "  List<Item> items();",
        "  @Query(value = \"SELECT id, name, price FROM product WHERE id = :id\", cached = false)",
        "  Optional<Item> item(long id);");
    List<String> first = List.of("-Alarder.migrations=" + SchemaDatabase.migrations(),
        "-Alarder.schemaDatabase=" + SchemaDatabase.url(), "-Alarder.schemaCache=" + cache);
    // A server that does not exist: the second build can only have its descriptions from cache.
    List<String> second = List.of("-Alarder.migrations=" + SchemaDatabase.migrations(),
        "-Alarder.schemaDatabase=jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2",
        "-Alarder.schemaCache=" + cache);

    assertThat(compile(first, file)).hadErrorContaining("column \"title\" does not exist");
    Compilation rebuilt = compile(second, file);

    assertThat(rebuilt).hadErrorContaining("column \"title\" does not exist")
        .inFile(file).onLineContaining("title AS name");
    assertThat(rebuilt).hadErrorCount(1);
    assertThat(rebuilt).hadWarningCount(0);
  }

  @Test
  void withoutAServerTheProcessorStartsItsOwnPostgresql() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, name, price FROM product WHERE name = :name\","
            + " cached = false)",
        "  List<Item> named(int name);");

    Compilation compilation = compile(List.of(
        "-Alarder.migrations=" + SchemaDatabase.migrations(), "-Alarder.schemaCache=none"), file);

    assertThat(compilation).hadErrorContaining("parameter name of named is int, which Larder binds"
            + " as int4, but PostgreSQL infers text for :name")
        .inFile(file).onLineContaining("named(int name)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void theReportsShowEachColumnsSqlTypeAndNullability() {
    JavaFileObject file = shop(
        "  @Query(value = \"SELECT id, stock FROM product WHERE id = :id\", cached = false)",
        "  Optional<Stock> stock(long id);");

    Compilation compilation = checked(file);

    assertThat(compilation).succeededWithoutWarnings();
    String json = Sources.generatedResource(compilation, "META-INF/larder/test.Shop.json");
    assertThat(json).contains("\"columns\": [\n"
        + "        {\"name\": \"id\", \"type\": \"bigint\", \"nullable\": false},\n"
        + "        {\"name\": \"stock\", \"type\": \"integer\", \"nullable\": true}\n"
        + "      ]");
    assertThat(Sources.generatedResource(compilation, "META-INF/larder/test.Shop.md"))
        .contains("Columns, as PostgreSQL describes them: `id` bigint NOT NULL, `stock` integer"
            + " NULL.");
    assertThat(HtmlReport.render(List.of(DescriptionJson.read(json))))
        .contains("<p>columns: <code>id</code> bigint NOT NULL, <code>stock</code> integer"
            + " NULL</p>");
  }
}
