package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An {@code @Update} returns rows exactly when its SQL has a top-level RETURNING: then its result
 * is what RETURNING gives (an {@code int} or {@code long} included), otherwise the number of rows
 * changed or nothing; a batch returns its RETURNING rows as a List.
 */
class ReturningDiagnosticsTest {

  @Test
  void updatesWithReturningCompileForEveryResultShape() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, name) VALUES (:sku, :name) RETURNING id\")",
        "  @InvalidatesTags(\"products\")",
        "  long insert(String sku, String name);",
        "  @Update(\"UPDATE product SET name = :name WHERE id = :id RETURNING length(name)\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  int rename(long id, String name);",
        "  @Update(\"INSERT INTO token DEFAULT VALUES RETURNING id\")",
        "  @InvalidatesTags(value = {}, reason = \"nothing reads tokens\")",
        "  UUID newToken();",
        "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE id = :id RETURNING *\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  Optional<Product> reprice(long id, long priceCents);",
        "  @Update(\"UPDATE product SET status = 'RETIRED' WHERE id = :id RETURNING *\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  Product retire(long id);",
        "  @Update(\"DELETE FROM product WHERE category = :category RETURNING *\")",
        "  @InvalidatesTags(\"products\")",
        "  List<Product> deleteCategory(String category);",
        "  @Update(\"DELETE FROM product WHERE category = :category RETURNING sku\")",
        "  @InvalidatesTags(\"products\")",
        "  List<String> deleteSkus(String category);",
        "  @Update(\"UPDATE product SET name = upper(name) WHERE id = :id RETURNING name\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  Optional<String> shout(long id);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void recordResultWithoutReturningSaysToAddIt() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET price_cents = :priceCents WHERE id = :id\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  Optional<Product> reprice(long id, long priceCents);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method reprice returns"
            + " java.util.Optional<test.Product>, but its SQL has no RETURNING clause, so it gives"
            + " no rows to return; add RETURNING with the columns to return (e.g. RETURNING id)")
        .inFile(file).onLineContaining("Optional<Product> reprice(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void returningInsideACteGivesTheCallerNoRows() {
    JavaFileObject file = repository(
        "  @Update(\"WITH gone AS (DELETE FROM product WHERE id = :id RETURNING sku)"
            + " INSERT INTO archive (sku) SELECT sku FROM gone\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  List<String> archive(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method archive returns"
            + " java.util.List<java.lang.String>, but its SQL has no RETURNING clause")
        .inFile(file).onLineContaining("List<String> archive(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void countWithoutReturningIsStillTheNumberOfRowsChanged() {
    JavaFileObject file = repository(
        "  @Update(\"WITH gone AS (DELETE FROM product WHERE id = :id RETURNING sku)"
            + " INSERT INTO archive (sku) SELECT sku FROM gone\")",
        "  @InvalidatesTags(\"product:{id}\")",
        "  long archive(long id);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void voidWithReturningIsReportedAsRowsThrownAway() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku) VALUES (:sku) RETURNING id\")",
        "  @InvalidatesTags(\"products\")",
        "  void insert(String sku);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method insert returns void, but its SQL"
            + " has RETURNING, whose rows would be thrown away; declare what RETURNING gives"
            + " (e.g. long for RETURNING id, a record, Optional<...> or List<...>), or remove"
            + " RETURNING")
        .inFile(file).onLineContaining("void insert(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchWithReturningReturnsTheRowsAsAListInInputOrder() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, name) VALUES (:sku, :name) RETURNING id\")",
        "  @InvalidatesTags(\"products\")",
        "  List<Long> insertAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(
            Sources.generatedSource(compilation, "test.CatalogRepositoryImpl"))
        .contains("Batches.returning(")
        .contains("return batch.executePreparedBatch().map(CatalogRepositoryImpl::mapLong).list();");
    Sources.assertCompilesStrictly(file, "CatalogRepository");
  }

  @Test
  void batchCountingItsRowsWithReturningIsRefused() {
    JavaFileObject file = repository(
        "  @Update(\"UPDATE product SET name = :name WHERE sku = :sku RETURNING id\")",
        "  @InvalidatesTags(\"products\")",
        "  long renameAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("batch method renameAll returns long with"
            + " RETURNING in its SQL; a batch gives the rows of RETURNING as one List, in the order"
            + " of the collection rows: declare List<...> of what RETURNING gives (e.g. List<Long>"
            + " for RETURNING id, or a List of a record), or remove RETURNING and return int, long"
            + " or void")
        .inFile(file).onLineContaining("renameAll(List<NewProduct> rows)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void batchReturningListWithoutReturningIsRefused() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku, name) VALUES (:sku, :name)\")",
        "  @InvalidatesTags(\"products\")",
        "  List<Long> insertAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@Update method insertAll returns"
            + " java.util.List<java.lang.Long>, but its SQL has no RETURNING clause")
        .inFile(file).onLineContaining("insertAll(List<NewProduct> rows)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void unmappableResultWithReturningListsWhatAnUpdateMayReturn() {
    JavaFileObject file = repository(
        "  @Update(\"DELETE FROM product RETURNING *\")",
        "  @InvalidatesTags(\"products\")",
        "  Map<String, Object> deleteAll();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("which Larder cannot map; an"
            + " update returns int or long (the number of rows changed) or void, or with"
            + " RETURNING in its SQL what RETURNING gives: a record, Optional<record>,"
            + " List<record>, a scalar (long, int,")
        .inFile(file).onLineContaining("deleteAll();");
    assertThat(compilation).hadErrorCount(1);
  }
}
