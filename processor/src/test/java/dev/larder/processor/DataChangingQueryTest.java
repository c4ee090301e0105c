package dev.larder.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.larder.processor.Sources.compile;
import static dev.larder.processor.Sources.repository;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Query} is a read: SQL that changes data is refused, and so is a locking read that is
 * cached (it would lock only on a miss).
 */
class DataChangingQueryTest {

  private static void assertRefused(String sql, String keyword) {
    JavaFileObject file = repository(
        "  @Query(\"" + sql + "\")",
        "  long change(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("the SQL of @Query method change changes data ("
            + keyword + "), but a @Query is a read: a cache hit would skip the change and"
            + " nothing would invalidate what it changes; make it an @Update with"
            + " @InvalidatesTags naming the tags of the reads it makes stale")
        .inFile(file).onLineContaining("@Query(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void insertReturningIsRefused() {
    assertRefused("INSERT INTO product (sku) VALUES ('a') RETURNING id + :id", "INSERT");
  }

  @Test
  void updateIsRefused() {
    assertRefused("update product set name = 'x' where id = :id returning id", "UPDATE");
  }

  @Test
  void deleteIsRefused() {
    assertRefused("DELETE FROM product WHERE id = :id RETURNING id", "DELETE");
  }

  @Test
  void mergeIsRefused() {
    assertRefused("MERGE INTO product p USING (SELECT :id AS id) s ON p.id = s.id"
        + " WHEN MATCHED THEN DELETE", "MERGE");
  }

  @Test
  void dataChangingCommonTableExpressionIsRefused() {
    assertRefused("WITH gone AS (DELETE FROM product WHERE id = :id RETURNING id)"
        + " SELECT count(*) FROM gone", "DELETE");
  }

  @Test
  void wordsInLiteralsCommentsAndOtherClausesAreNotChanges() {
    JavaFileObject file = repository(
        "  @Query(value = \"SELECT count(*) FROM product -- delete later\\n"
            + " WHERE name <> 'INSERT' AND id = :id FOR NO KEY UPDATE\", cached = false)",
        "  long notAChange(long id);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }

  @Test
  void cachedLockingReadIsRefused() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT count(*) FROM product WHERE id = :id FOR UPDATE SKIP LOCKED\")",
        "  long lock(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).hadErrorContaining("the SQL of @Query method lock locks rows (FOR"
            + " UPDATE), but the read is cached and a cache hit takes no lock; write"
            + " @Query(value = \"...\", cached = false) so that it runs, and locks, on every call,"
            + " inside the caller's transaction")
        .inFile(file).onLineContaining("@Query(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void selectIntoCreatesATableAndIsRefused() {
    assertRefused("SELECT id, name INTO TEMP product_copy FROM product WHERE id = :id",
        "SELECT ... INTO, which creates a table");
  }

  @Test
  void aCachedReadCallingSideEffectingFunctionsIsWarnedNamingThem() {
    JavaFileObject file = repository(
        "  @Query(\"SELECT nextval('product_id_seq') + :id, pg_catalog.pg_advisory_xact_lock(:id),\"",
        "      + \" NEXTVAL('other_seq')\")",
        "  @CacheKey(value = \"next:{id}\", tags = \"products\")",
        "  long next(long id);");

    Compilation compilation = compile(file);

    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("the SQL of cached @Query method next calls"
            + " nextval, pg_advisory_xact_lock, which change state (Larder warns of a list of"
            + " well-known volatile functions that do, such as nextval, setval and the advisory"
            + " locks); a cache hit does not call them, so the effect happens only on a miss; write"
            + " @Query(value = \"...\", cached = false) to run it on every call, or make it an"
            + " @Update")
        .inFile(file).onLineContaining("@Query(");
  }

  @Test
  void anUncachedReadOrANameThatIsNoCallIsNotWarned() {
    JavaFileObject file = repository(
        "  @Query(value = \"SELECT nextval('product_id_seq') + :id\", cached = false)",
        "  long next(long id);",
        "  @Query(\"SELECT count(*) FROM product WHERE 'nextval(' <> name AND id = :id\")",
        "  @CacheKey(value = \"count:{id}\", tags = \"products\")",
        "  long count(long id);",
        "  @Update(\"UPDATE product SET name = :name WHERE id = :id\")",
        "  @InvalidatesTags(\"products\")",
        "  int rename(long id, String name);");

    assertThat(compile(file)).succeededWithoutWarnings();
  }
}
