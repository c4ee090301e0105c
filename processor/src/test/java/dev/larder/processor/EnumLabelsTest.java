package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enums with {@code @EnumLabel}: the diagnostics on bad labels, and the generated switches that
 * map labels and constants, in every place an enum is bound, read, cached or keyed.
 */
class EnumLabelsTest {
  private static final JavaFileObject RATING = Sources.source("MpaaRating",
      "public enum MpaaRating {",
      "  G, PG,",
      "  @EnumLabel(\"PG-13\") PG_13,",
      "  R,",
      "  @EnumLabel(\"NC-17\") NC_17",
      "}");

  private static final JavaFileObject FILM = Sources.source("Film",
      "public record Film(long id, String title, MpaaRating rating) {}");

  private static final JavaFileObject FILM_REPOSITORY = Sources.source("FilmRepository",
      "import dev.larder.runtime.*;",
      "@CachedRepository",
      "public interface FilmRepository {",
      "  @Query(\"SELECT id, title, rating FROM film WHERE rating = :rating\")",
      "  @CacheKey(value = \"films:{rating}\", tags = \"rating:{rating}\")",
      "  List<Film> byRating(MpaaRating rating);",
      "",
      "  @Query(\"SELECT rating FROM film WHERE id = ANY(:ids) AND rating = ANY(:ratings)\")",
      "  @CacheKey(tags = \"films\")",
      "  List<MpaaRating> ratings(List<Long> ids, Set<MpaaRating> ratings);",
      "",
      "  @Query(\"SELECT id, title, rating FROM film\")",
      "  @OrderBy(value = {\"rating\", \"id\"}, unique = \"id\")",
      "  @CacheKey(value = \"films:by-rating\", tags = \"films\")",
      "  CursorPage<Film> pages(Cursor after, int limit);",
      "",
      "  @Update(\"INSERT INTO film (id, title, rating) VALUES (:id, :title, :rating)\")",
      "  @InvalidatesTags({\"films\", \"rating:{rating}\"})",
      "  int insert(List<Film> films);",
      "}");

  @Test
  void aBlankLabelIsAnErrorOnItsConstant() {
    JavaFileObject rating = Sources.source("MpaaRating",
        "public enum MpaaRating {",
        "  G,",
        "  @EnumLabel(\" \") PG",
        "}");

    Compilation compilation = Sources.compile(rating, FILM, FILM_REPOSITORY);

    assertThat(compilation).hadErrorContaining("@EnumLabel of MpaaRating.PG is blank")
        .inFile(rating).onLineContaining("@EnumLabel(\" \") PG");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoConstantsWithOneLabelAreAnErrorOnTheSecond() {
    JavaFileObject rating = Sources.source("MpaaRating",
        "public enum MpaaRating {",
        "  @EnumLabel(\"PG-13\") PG_13,",
        "  @EnumLabel(\"PG-13\") PG13",
        "}");

    Compilation compilation = Sources.compile(rating, FILM, FILM_REPOSITORY);

    assertThat(compilation).hadErrorContaining(
            "constant PG13 of enum MpaaRating has the label \"PG-13\", which is already the label"
                + " of PG_13")
        .inFile(rating).onLineContaining("PG13");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aLabelEqualToTheNameOfAnotherConstantIsAnError() {
    JavaFileObject rating = Sources.source("MpaaRating",
        "public enum MpaaRating {",
        "  G,",
        "  @EnumLabel(\"G\") GENERAL",
        "}");

    Compilation compilation = Sources.compile(rating, FILM, FILM_REPOSITORY);

    assertThat(compilation).hadErrorContaining("which is already the label of G")
        .inFile(rating).onLineContaining("GENERAL");
  }

  @Test
  void anEnumUsedByTwoRepositoriesIsReportedOnceAndNeitherIsGenerated(@TempDir Path out) {
    JavaFileObject rating = Sources.source("MpaaRating",
        "public enum MpaaRating {",
        "  @EnumLabel(\"\") G",
        "}");
    JavaFileObject other = Sources.source("RatingRepository",
        "@CachedRepository",
        "public interface RatingRepository {",
        "  @Query(\"SELECT rating FROM film WHERE id = :id\")",
        "  Optional<MpaaRating> ratingOf(long id);",
        "}");

    Compilation compilation = Sources.compile(rating, FILM, FILM_REPOSITORY, other);

    assertThat(compilation).hadErrorCount(1);
    assertThat(Sources.generateInto(out, rating, FILM, FILM_REPOSITORY, other))
        .noneMatch(path -> path.endsWith(".java"));
  }

  @Test
  void labelsAndConstantsAreMappedBySwitchesWithoutValueOf() {
    Compilation compilation = Sources.compile(RATING, FILM, FILM_REPOSITORY);

    assertThat(compilation).succeededWithoutWarnings();
    String impl = Sources.generatedSource(compilation, "test.FilmRepositoryImpl");
    assertThat(impl)
        .contains("case PG_13 -> \"PG-13\";", "case \"NC-17\" -> MpaaRating.NC_17;",
            "case \"G\" -> MpaaRating.G;", "default -> null;")
        .contains("Columns.getEnum(rs, rs.findColumn(\"rating\"), MPAA_RATING_LABELS)")
        .contains(".bindBySqlType(\"rating\", MPAA_RATING_LABELS.label(rating), Types.OTHER)")
        .contains("MPAA_RATING_LABELS.arrayLiteral(")
        .contains("MPAA_RATING_LABELS.codec()", "MPAA_RATING_LABELS.write(out, value.rating())")
        .contains("MPAA_RATING_LABELS.label(row.rating())")
        .doesNotContain("valueOf");
    assertThat(Sources.generatedSource(compilation, "test.FilmRepositoryKeys"))
        .contains("KeyEncoding.part(MPAA_RATING_LABELS.label(rating))")
        .contains("KeyEncoding.part(MPAA_RATING_LABELS.labels(ratings))");
  }

  @Test
  void anEnumWithoutLabelsIsKeyedByNameWithoutAMapping() {
    Compilation compilation = Sources.compile(ProductRepositorySource.get());

    String impl = Sources.generatedSource(compilation, "test.ProductRepositoryImpl");
    assertThat(impl).contains("new EnumLabels<>(\"Status\",\n      Status::name,");
    assertThat(Sources.generatedSource(compilation, "test.ProductRepositoryKeys"))
        .doesNotContain("LABELS")
        .contains("KeyEncoding.part(status)");
  }

  @Test
  void twoEnumsWithOneSimpleNameFromTwoPackagesGetTwoLabelConstants() {
    JavaFileObject shopStatus = JavaFileObjects.forSourceString("shop.Status",
        "package shop; public enum Status { OPEN, @dev.larder.annotation.EnumLabel(\"shut\") CLOSED }");
    JavaFileObject billingStatus = JavaFileObjects.forSourceString("billing.Status",
        "package billing; public enum Status { DUE, @dev.larder.annotation.EnumLabel(\"paid\") PAID }");
    JavaFileObject repository = Sources.source("StatusRepository",
        "@CachedRepository",
        "public interface StatusRepository {",
        "  @Query(\"SELECT billing FROM shop WHERE status = :status\")",
        "  @CacheKey(value = \"billing:{status}\", tags = \"shops\")",
        "  Optional<billing.Status> billingOf(shop.Status status);",
        "",
        "  @Query(\"SELECT status FROM shop WHERE billing = :billing\")",
        "  @CacheKey(value = \"status:{billing}\", tags = \"shops\")",
        "  List<shop.Status> shopsBilled(billing.Status billing);",
        "",
        "  @Update(\"UPDATE shop SET status = :status\")",
        "  @InvalidatesTags(\"shops\")",
        "  int close(shop.Status status);",
        "}");

    Compilation compilation = Sources.compile(shopStatus, billingStatus, repository);

    assertThat(compilation).succeededWithoutWarnings();
    String impl = Sources.generatedSource(compilation, "test.StatusRepositoryImpl");
    assertThat(impl)
        .contains("EnumLabels<Status> SHOP_STATUS_LABELS",
            "EnumLabels<billing.Status> BILLING_STATUS_LABELS")
        .contains("SHOP_STATUS_LABELS.label(status)", "BILLING_STATUS_LABELS.codec()",
            "BILLING_STATUS_LABELS.label(billing)", "SHOP_STATUS_LABELS.codec()")
        .doesNotContain(" STATUS_LABELS");
    assertThat(Sources.generatedSource(compilation, "test.StatusRepositoryKeys"))
        .contains("SHOP_STATUS_LABELS.label(status)", "BILLING_STATUS_LABELS.label(billing)");
    assertThat(Sources.compileGeneratedStrictly(compilation,
            List.of(shopStatus, billingStatus, repository), "StatusRepositoryImpl",
            "StatusRepositoryKeys"))
        .succeededWithoutWarnings();
  }

  @Test
  void generatedCodeForLabelsCompilesWithEveryLintWarningAsAnError() {
    Compilation compilation = Sources.compile(RATING, FILM, FILM_REPOSITORY);

    assertThat(Sources.compileGeneratedStrictly(compilation, List.of(RATING, FILM, FILM_REPOSITORY),
            "FilmRepositoryImpl", "FilmRepositoryKeys"))
        .succeededWithoutWarnings();
  }
}
