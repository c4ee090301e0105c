package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A batch write takes one collection of records whose components bind every name of its SQL;
 * each mistake is one error where it is made.
 */
class BatchDiagnosticsTest {

  @Test
  void batchOfRecordsWhoseComponentsCoverTheSqlCompiles() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, name) VALUES (:sku, :name) ON CONFLICT DO NOTHING\")",
        "  @InvalidatesTags(\"products\")",
        "  long insertAll(Iterable<NewProduct> rows);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void sqlNameThatNoComponentOfTheBatchRecordHasIsReportedWithAHint() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, name) VALUES (:sku, :nme)\")",
        "  @InvalidatesTags(\"products\")",
        "  int insertAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :nme of insertAll has nothing to"
            + " bind it: no parameter or record component is named 'nme'; did you mean 'name'?")
        .inFile(file).onLineContaining("@Update");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchParameterBoundWholeIsReported() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku) VALUES (:rows)\")",
        "  @InvalidatesTags(\"products\")",
        "  int insertAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :rows binds the whole record"
            + " NewProduct, which has no column value; bind its components, e.g. :rows.sku")
        .inFile(file).onLineContaining("@Update");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchWithASecondParameterIsReportedOnIt() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE sku = :sku"
            + " AND category = :category\")",
        "  @InvalidatesTags(\"products\")",
        "  int repriceAll(List<NewProduct> rows,",
        "      String category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("batch method repriceAll takes the collection rows"
            + " and also category; a batch takes exactly one parameter")
        .inFile(file).onLineContaining("String category");
  }

  @Test
  void collectionOfRecordsOnAQueryIsNotABatch() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE sku = :sku\")",
        "  long count(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter rows of count is a collection of"
            + " records, which makes a batch; only @Update methods take a batch")
        .inFile(file).onLineContaining("List<NewProduct> rows");
  }

  @Test
  void collectionOfRecordsWithAnUnmappableComponentIsReported() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET name = :id WHERE id = :id\")",
        "  @InvalidatesTags(\"products\")",
        "  int touchAll(",
        "      List<ProductWithAttributes> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("record ProductWithAttributes, used by touchAll,"
            + " has component attributes of type")
        .inFile(file).onLineContaining("List<ProductWithAttributes> rows");
    assertThat(compilation).hadErrorCount(1);
  }
}
