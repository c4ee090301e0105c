package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Mistakes between the {@code :names} of the SQL and the method's parameters. */
class BindingDiagnosticsTest {

  @Test
  void nameWithNothingToBindIt() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count();");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :category of count has nothing to"
            + " bind it: no parameter or record component is named 'category'")
        .inFile(file).onLineContaining(":category");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void misspeltNameGetsAHintAndItsParameterIsNotAlsoReportedUnused() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :categry\")",
        "  long count(String category);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :categry of count has nothing to"
            + " bind it: no parameter or record component is named 'categry'; did you mean"
            + " 'category'?")
        .inFile(file).onLineContaining(":categry");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void misspeltRecordComponentGetsADottedHint() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :filter.category\"",
        "      + \" AND price_cents <= :filter.maxPriceCent\")",
        "  long count(ProductFilter filter);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining(
            "SQL parameter :filter.maxPriceCent of count has nothing to bind it: no parameter or"
                + " record component is named 'filter.maxPriceCent'; did you mean"
                + " 'filter.maxPriceCents'?")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void componentNameSharedByTwoRecordParametersIsAmbiguous() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\"",
        "      + \" AND price_cents BETWEEN :minCents AND :maxCents\")",
        "  long count(ProductFilter filter, PriceRange range);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :category of count is ambiguous:"
            + " parameters filter and range both have a component named 'category'; write"
            + " :filter.category or :range.category")
        .inFile(file).onLineContaining("@Query");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bindingAWholeRecordParameter() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :filter\")",
        "  long count(ProductFilter filter);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :filter binds the whole record"
            + " ProductFilter, which has no column value; bind its components, e.g."
            + " :filter.category")
        .inFile(file).onLineContaining(":filter");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bindingAWholeBatchElement() {
    JavaFileObject file = repository(
        "  @Update(\"INSERT INTO product (sku) VALUES (:rows)\")",
        "  @InvalidatesTags(\"products\")",
        "  int insertAll(List<NewProduct> rows);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("SQL parameter :rows binds the whole record"
            + " NewProduct, which has no column value; bind its components, e.g. :rows.sku")
        .inFile(file).onLineContaining(":rows");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void parameterUsedNowhereIsReportedOnTheParameter() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE category = :category\")",
        "  long count(",
        "      String category,",
        "      boolean activeOnly);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("parameter activeOnly of count is not used in its"
            + " SQL; use it as :activeOnly or remove it")
        .inFile(file).onLineContaining("boolean activeOnly");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void namesInLiteralsCommentsAndCastsAreNotParameters() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product -- by :nobody\\n\"",
        "      + \" WHERE name <> 'a :literal' AND created_at::date = :day::date /* :x */\")",
        "  @CacheKey(value = \"count:{day}\", tags = \"products\")",
        "  long count(LocalDate day);",
        "  @Update(\"DELETE FROM product\")",
        "  @InvalidatesTags(\"products\")",
        "  int deleteAll();");

    assertThat(compile(file)).succeededWithoutWarnings();
  }
}
