package dev.larder.benchmarks;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Larder;
import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;
import dev.larder.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Page 10 000 against page 1 of a 250 000-row listing, 20 rows a page, dearest first
 * ({@code price_cents DESC, id}, with 5 000 distinct prices, so most prices tie), by offset and by
 * keyset, through the generated {@link ListingRepository} with the cache off: every call runs its
 * query. The table has the index both orders need, {@code (category, price_cents DESC, id)}.
 *
 * <ul>
 *   <li>{@code offsetPage1}, {@code offsetPage10000}: {@code LIMIT 21 OFFSET 0} and
 *       {@code OFFSET 199980}; the server reads and drops every row before the page;
 *   <li>{@code keysetPage1}, {@code keysetPage10000}: the first page, and the page after a cursor
 *       on row 199 980 (the same 20 rows as offset page 10 000, checked at set-up); the server
 *       seeks in the index to the cursor's price and filters out the rows of that price that come
 *       before the cursor's id (mixed directions have no row comparison);
 *   <li>{@code keysetOneDirectionPage1}, {@code keysetOneDirectionPage10000}: the same in
 *       {@code (price_cents, id)} order, on the index {@code (category, price_cents, id)}: the
 *       seek is a row comparison, an index range that starts at the cursor exactly.
 * </ul>
 *
 * <p>Sampled rather than averaged: on a machine shared with builds, the median of every call's
 * time resists the bursts of contention that move an average.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(1)
public class PagingBenchmark {
  static final int ROWS = 250_000;
  static final int PAGE_SIZE = 20;
  static final int DEEP_PAGE = 9_999; // numbered from 0: the 10 000th page

  private static final String DATA = """
      INSERT INTO listing (id, category, name, price_cents)
        SELECT n, CASE WHEN n %% 10 = 0 THEN 'garden' ELSE 'kitchen' END,
               'Stainless steel saucepan, 2 l, #' || n, (n::bigint * 7919) %% 5000
        FROM generate_series(1, %d) AS n;
      CREATE INDEX listing_category_price_idx ON listing (category, price_cents DESC, id);
      CREATE INDEX listing_category_price_asc_idx ON listing (category, price_cents, id);
      ANALYZE listing
      """;

  private Larder larder;
  private ListingRepository listings;
  private Cursor deepCursor;
  private Cursor deepAscendingCursor;

  @Setup(Level.Trial)
  public void setUp() {
    TestDatabase database = TestDatabase.get();
    // 250 000 rows in 'kitchen' at ids not divisible by 10, the rest in 'garden'.
    database.execute("DROP TABLE IF EXISTS listing;\n" + BenchmarkSchema.migration("V3__listing.sql")
        + ";\n" + DATA.formatted(ROWS * 10 / 9 + 1));
    larder = Larder.builder().dataSource(database.dataSource())
        .localCache(false).redisCache(false).build();
    listings = new ListingRepositoryImpl(larder);

    deepCursor = walkToTheDeepPage(false);
    deepAscendingCursor = walkToTheDeepPage(true);
    if (listings.afterAscending("kitchen", deepAscendingCursor, PAGE_SIZE).content().size()
        != PAGE_SIZE) {
      throw new IllegalStateException("no full page after row 199 980 in ascending order");
    }
    List<Listing> byKeyset = listings.after("kitchen", deepCursor, PAGE_SIZE).content();
    List<Listing> byOffset =
        listings.page("kitchen", PageRequest.of(DEEP_PAGE, PAGE_SIZE)).content();
    if (byKeyset.size() != PAGE_SIZE || !byKeyset.equals(byOffset)) {
      throw new IllegalStateException("keyset and offset disagree on page 10 000: " + byKeyset
          + " vs " + byOffset);
    }
    System.out.printf("%npage 10 000 starts at listing %d%n", byKeyset.get(0).id());
  }

  /** Walks to row 199 980 with large pages: a cursor does not depend on the limit it came with. */
  private Cursor walkToTheDeepPage(boolean ascending) {
    Cursor cursor = null;
    long rows = (long) DEEP_PAGE * PAGE_SIZE;
    while (rows > 0) {
      int limit = (int) Math.min(1_000, rows);
      CursorPage<Listing> page = ascending ? listings.afterAscending("kitchen", cursor, limit)
          : listings.after("kitchen", cursor, limit);
      cursor = page.next();
      rows -= page.content().size();
    }
    return cursor;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    larder.close();
  }

  @Benchmark
  public Page<Listing> offsetPage1() {
    return listings.page("kitchen", PageRequest.of(0, PAGE_SIZE));
  }

  @Benchmark
  public Page<Listing> offsetPage10000() {
    return listings.page("kitchen", PageRequest.of(DEEP_PAGE, PAGE_SIZE));
  }

  @Benchmark
  public CursorPage<Listing> keysetPage1() {
    return listings.after("kitchen", null, PAGE_SIZE);
  }

  @Benchmark
  public CursorPage<Listing> keysetPage10000() {
    return listings.after("kitchen", deepCursor, PAGE_SIZE);
  }

  @Benchmark
  public CursorPage<Listing> keysetOneDirectionPage1() {
    return listings.afterAscending("kitchen", null, PAGE_SIZE);
  }

  @Benchmark
  public CursorPage<Listing> keysetOneDirectionPage10000() {
    return listings.afterAscending("kitchen", deepAscendingCursor, PAGE_SIZE);
  }
}
