package dev.larder.example;

import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.Query;
import java.time.Instant;
import java.util.List;

/**
 * Test-only: one read per SQL form whose characters JDBI or pgjdbc would misread, over the
 * seeded {@code sql_form} table, and reads that are not cached.
 */
@CachedRepository
interface SqlFormRepository {

  @Query("SELECT id FROM sql_form WHERE metadata ? 'awards' ORDER BY id")
  List<Long> withAwards();

  @Query("SELECT id FROM sql_form WHERE metadata ?| CAST(:keys AS text[]) ORDER BY id")
  List<Long> withAnyKey(List<String> keys);

  @Query("SELECT id FROM sql_form WHERE metadata ?& :keys::text[] ORDER BY id")
  List<Long> withEveryKey(List<String> keys);

  @Query("SELECT $$it's :not ? a parameter$$ || $tag$ $$ :x $tag$ || :suffix")
  String dollarQuoted(String suffix);

  @Query("SELECT E'it\\'s \\\\ :not ?' || :suffix")
  String escapeString(String suffix);

  /** Fails on the server (division by zero), so that its message shows the SQL. */
  @Query("SELECT 1 / (id - :id) FROM sql_form WHERE metadata ? 'awards'"
      + " AND tags[1:1] <> '{x\\y}' AND id = :id")
  long failing(long id);

  @Query("SELECT \"a:b\" FROM sql_form WHERE id = :id")
  int quotedIdentifier(long id);

  @Query("SELECT array_to_string(tags[1:2], ',') || '|' || array_to_string(tags[2:], ',')"
      + " FROM sql_form WHERE id = :id")
  String arraySlices(long id);

  @Query("SELECT count(*) FROM sql_form WHERE (metadata->>'year')::int < :year::int")
  long olderThan(String year);

  @Query("SELECT id -- it's :not a parameter?\n"
      + " FROM sql_form /* nested /* :x */ ? */ WHERE id = :id")
  long commented(long id);

  @Query(value = "SELECT clock_timestamp()", cached = false)
  Instant clock();

  @Query("SELECT clock_timestamp()")
  Instant cachedClock();

  @Query(value = "SELECT \"a:b\" FROM sql_form WHERE id = :id FOR UPDATE", cached = false)
  int lockedValue(long id);
}
