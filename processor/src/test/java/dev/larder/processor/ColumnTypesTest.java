package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The column types added for real schemas, as parameters, record components, scalar results and
 * batch rows: the generated code compiles under {@code -Xlint:all -Werror} and reads, binds and
 * caches each through the runtime's typed helpers.
 */
class ColumnTypesTest {

  @Test
  void intervalAndCharAreParametersComponentsResultsAndBatchRows() {
    JavaFileObject file = repository(
        "  record Span(long id, Duration span, char initial, Character grade) {}",
        "  @Query(\"SELECT id, span, initial, grade FROM span WHERE span = :span AND initial = :initial\"",
        "      + \" AND grade IS NOT DISTINCT FROM :grade\")",
        "  @CacheKey(value = \"spans:{span}:{initial}:{grade}\", tags = \"spans\")",
        "  List<Span> matching(Duration span, char initial, Character grade);",
        "  @Query(\"SELECT span FROM span WHERE id = :id\")",
        "  @CacheKey(value = \"span:{id}\", tags = \"spans\")",
        "  Optional<Duration> span(long id);",
        "  @Query(\"SELECT initial FROM span WHERE id = :id\")",
        "  @CacheKey(value = \"initial:{id}\", tags = \"spans\")",
        "  char initial(long id);",
        "  @Query(\"SELECT grade FROM span ORDER BY id\")",
        "  @CacheKey(value = \"grades\", tags = \"spans\")",
        "  List<Character> grades();",
        "  @Update(\"INSERT INTO span (span, initial, grade) VALUES (:span, :initial, :grade)\")",
        "  @InvalidatesTags(\"spans\")",
        "  int insert(List<Span> rows);");

    Sources.assertCompilesStrictly(file, "CatalogRepository");
    Compilation compilation = compile(file);
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryImpl"))
        .contains("Columns.getDuration(rs, rs.findColumn(\"span\"))",
            "Columns.getChar(rs, rs.findColumn(\"initial\"))",
            "Columns.getBoxedChar(rs, rs.findColumn(\"grade\"))",
            "Columns.getBoxedChar(rs, 1)", "Codecs.optional(Codecs.DURATION)",
            "Codecs.list(Codecs.CHAR)", "Codecs.writeDuration(out, value.span())",
            "out.writeChar(value.initial())", "in.readChar()", "Codecs.readChar(in)",
            ".bindByType(\"span\", span, Duration.class)", ".bind(\"initial\", initial)",
            ".bind(at + 1, row.initial())");
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryKeys"))
        .contains("KeyEncoding.part(span)", "KeyEncoding.part(initial)");
  }

  @Test
  void anIntervalOrCharOrderColumnIsRefusedAsNoCursorHoldsIt() {
    JavaFileObject file = repository(
        "  record Span(long id, Duration span) {}",
        "  @Query(\"SELECT id, span FROM span\")",
        "  @OrderBy(value = {\"span\", \"id\"}, unique = \"id\")",
        "  @CacheKey(tags = \"spans\")",
        "  dev.larder.runtime.CursorPage<Span> spans(dev.larder.runtime.Cursor after, int limit);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("@OrderBy column span of spans is a Duration, which"
            + " Larder cannot write into a cursor; order by another column, or select this one as"
            + " a type cursors hold (span::text for a char, EXTRACT(EPOCH FROM span) for an"
            + " interval)")
        .inFile(file).onLineContaining("@OrderBy");
    assertThat(compilation).hadErrorCount(1);
  }
}
