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

  @Test
  void arrayColumnsAreListsAndJavaArraysOfEveryElementTypeEnumsIncluded() {
    JavaFileObject rating = Sources.source("Rating",
        "public enum Rating { G, @EnumLabel(\"PG-13\") PG_13 }");
    JavaFileObject file = repository(
        "  record Arrays(long id, List<Short> small, List<Float> weights, List<Rating> ratings,",
        "      String[] names, int[] counts, long[] totals, short[] tiny, float[] scales,",
        "      UUID[] tokens, Rating[] rated) {}",
        "  @Query(\"SELECT id, small, weights, ratings, names, counts, totals, tiny, scales, tokens,\"",
        "      + \" rated FROM arrays WHERE small && :small AND tiny && :tiny AND rated && :rated\"",
        "      + \" AND counts && :counts AND tokens && :tokens AND ratings && :ratings\")",
        "  @CacheKey(value = \"arrays:{small}:{tiny}:{rated}:{counts}:{tokens}:{ratings}\", tags = \"arrays\")",
        "  List<Arrays> matching(List<Short> small, short[] tiny, Rating[] rated, int[] counts,",
        "      UUID[] tokens, Set<Rating> ratings);",
        "  @Query(\"SELECT rated FROM arrays WHERE id = :id\")",
        "  @CacheKey(value = \"rated:{id}\", tags = \"arrays\")",
        "  Optional<Rating[]> rated(long id);",
        "  @Query(\"SELECT counts FROM arrays WHERE id = :id\")",
        "  @CacheKey(value = \"counts:{id}\", tags = \"arrays\")",
        "  int[] counts(long id);",
        "  @Update(\"INSERT INTO arrays (small, ratings, names, rated) VALUES (:small, :ratings, :names, :rated)\")",
        "  @InvalidatesTags(\"arrays\")",
        "  int insert(List<Arrays> rows);",
        "  @Update(\"UPDATE arrays SET rated = :rated, ratings = :ratings, counts = :counts WHERE id = :id\")",
        "  @InvalidatesTags(\"arrays\")",
        "  int update(Arrays row);");

    Compilation compilation = compile(rating, file);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Sources.compileGeneratedStrictly(compilation, java.util.List.of(rating, file),
            "CatalogRepositoryImpl", "CatalogRepositoryKeys"))
        .succeededWithoutWarnings();
    // Compared with its wrapped lines joined: what is generated, not where a line breaks.
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryImpl")
            .replaceAll("\\s*\n\\s*", " "))
        .contains("Columns.getShortList(rs, rs.findColumn(\"small\"))",
            "Columns.getEnumList(rs, rs.findColumn(\"ratings\"), RATING_LABELS)",
            "Columns.getEnumArray(rs, rs.findColumn(\"rated\"), RATING_LABELS, Rating[]::new)",
            "Columns.getIntArray(rs, 1)", "Codecs.UUID_ARRAY.write(out, value.tokens())",
            "RATING_LABELS.listCodec().write(out, value.ratings())",
            "Codecs.optional(RATING_LABELS.arrayCodec(Rating[]::new))",
            ".bindArray(\"tiny\", Short.class, Rows.array(MATCHING.method(), \"tiny\","
                + " JavaArrays.list(tiny)))",
            ".bindBySqlType(\"rated\", RATING_LABELS.arrayLiteral(Rows.array(MATCHING.method(),"
                + " \"rated\", JavaArrays.list(rated))), Types.OTHER)",
            ".bindArray(\"counts\", Integer.class, JavaArrays.list(row.counts()))",
            ".bindArray(at + 3, JavaArrays.list(row.rated()), RATING_LABELS)");
    assertThat(Sources.generatedSource(compilation, "test.CatalogRepositoryKeys"))
        .contains("KeyEncoding.part(JavaArrays.list(tiny))",
            "KeyEncoding.part(RATING_LABELS.labels(JavaArrays.list(rated)))");
  }

  @Test
  void arraysOfOtherElementTypesAreRefusedWithTheSupportedList() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE id = ANY(:ids)\")",
        "  @CacheKey(value = \"count:{ids}\", tags = \"products\")",
        "  long count(Integer[] ids);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("Integer[]")
        .inFile(file).onLineContaining("long count(Integer[] ids)");
    assertThat(compilation).hadErrorContaining("int[]");
    assertThat(compilation).hadErrorCount(1);
  }
}
