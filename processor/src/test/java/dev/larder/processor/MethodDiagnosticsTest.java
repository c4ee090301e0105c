package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes in the shape of a repository method: its SQL annotations, parameters and result. */
class MethodDiagnosticsTest {

  @Test
  void abstractMethodWithoutSql() {
    JavaFileObject file = repository("  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("method count has no SQL; annotate it with @Query"
            + " (a read) or @Update (a write), or make it a default method")
        .inFile(file).onLineContaining("long count();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryAndUpdateOnOneMethod() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  @Update(\"DELETE FROM product\")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("method count has both @Query and @Update")
        .inFile(file).onLineContaining("long count();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void genericMethod() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  <T> long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("method count declares type parameters")
        .inFile(file).onLineContaining("<T> long count();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void blankQuerySqlIsReportedOnTheAnnotation() {
    JavaFileObject file = repository(
        "  @Query(\"   \")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query on count has no SQL; write the statement,"
            + " e.g. @Query(\"SELECT ... FROM ... WHERE id = :id\")")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void blankUpdateSqlIsReportedOnTheAnnotation() {
    JavaFileObject file = repository(
        "  @InvalidatesTags(\"products\")",
        "  @Update(\"\")",
        "  int touch();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update on touch has no SQL")
        .inFile(file).onLineContaining("@Update");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryReturningVoid() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product\")",
        "  void count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query method count returns void, which Larder"
            + " cannot map; supported: a record, Optional<record>, List<record>, a scalar (long,")
        .inFile(file).onLineContaining("void count();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryReturningAMap() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT category, count(*) FROM product GROUP BY category\")",
        "  Map<String, Long> countByCategory();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Query method countByCategory returns"
            + " java.util.Map<java.lang.String, java.lang.Long>, which Larder cannot map")
        .inFile(file).onLineContaining("Map<String, Long> countByCategory();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void queryReturningOptionalOfARecordWithAnUnsupportedComponent() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT id, attributes FROM product WHERE id = :id\")",
        "  Optional<ProductWithAttributes> find(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("record ProductWithAttributes, used by find, has"
            + " component attributes of type java.util.Map<java.lang.String,java.lang.String>,"
            + " which Larder cannot map to a column; supported component types: long, int,")
        .inFile(file).onLineContaining("Optional<ProductWithAttributes> find");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void updateReturningAString() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product\")",
        "  @InvalidatesTags(\"products\")",
        "  String deleteAll();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method deleteAll returns"
            + " java.lang.String, but its SQL has no RETURNING clause, so it gives no rows to"
            + " return; add RETURNING with the columns to return (e.g. RETURNING id), or return"
            + " int or long (the number of rows changed) or void")
        .inFile(file).onLineContaining("String deleteAll();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void mapParameterIsReportedOnTheParameterWithTheSupportedTypes() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count(",
        "      Map<String, String> category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter category of count has type"
            + " java.util.Map<java.lang.String,java.lang.String>, which Larder cannot bind;"
            + " supported: long, int, boolean")
        .inFile(file).onLineContaining("Map<String, String> category");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void optionalParameterIsUnsupported() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count(Optional<String> category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("has type java.util.Optional<java.lang.String>,"
            + " which Larder cannot bind")
        .inFile(file).onLineContaining("Optional<String> category");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void listOfRecordsOnAQueryIsABatchAndOnlyUpdatesTakeOne() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count(List<ProductFilter> filters);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter filters of count is a collection of"
            + " records, which makes a batch; only @Update methods take a batch")
        .inFile(file).onLineContaining("List<ProductFilter> filters");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchWithAnotherParameterIsReportedOnTheOtherParameter() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, category) VALUES (:sku, :category)\")",
        "  @InvalidatesTags(\"products\")",
        "  int insertAll(",
        "      List<NewProduct> rows,",
        "      String category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("batch method insertAll takes the collection rows"
            + " and also category; a batch takes exactly one parameter, the collection of records:"
            + " move category into the record NewProduct")
        .inFile(file).onLineContaining("String category");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void recordParameterWithAnUnsupportedComponentIsReportedOnTheParameter() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE id = :product.id\")",
        "  long count(",
        "      ProductWithAttributes product);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("record ProductWithAttributes, used by count, has"
            + " component attributes of type")
        .inFile(file).onLineContaining("ProductWithAttributes product");
    assertThat(compilation).hadErrorCount(1);
  }
}
