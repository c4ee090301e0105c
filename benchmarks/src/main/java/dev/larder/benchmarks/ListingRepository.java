package dev.larder.benchmarks;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.OrderBy;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Page;
import dev.larder.runtime.PageRequest;

/**
 * The same listing, dearest first, paged by offset and by keyset: what {@link PagingBenchmark}
 * compares.
 */
@CachedRepository(ttl = "PT30M")
public interface ListingRepository {

  /** A numbered page: {@code LIMIT}/{@code OFFSET} on the SQL. */
  @Query("SELECT id, category, name, price_cents FROM listing WHERE category = :category"
      + " ORDER BY price_cents DESC, id")
  @CacheKey(value = "listing:page:{category}", tags = "listing")
  Page<Listing> page(String category, PageRequest request);

  /** The page after a cursor: a seek on (price_cents DESC, id). */
  @Query("SELECT id, category, name, price_cents FROM listing WHERE category = :category")
  @OrderBy(value = {"price_cents DESC", "id"}, unique = "id")
  @CacheKey(value = "listing:after:{category}", tags = "listing")
  CursorPage<Listing> after(String category, Cursor after, int limit);

  /** The page after a cursor in (price_cents, id) order: one direction, a row comparison. */
  @Query("SELECT id, category, name, price_cents FROM listing WHERE category = :category")
  @OrderBy(value = {"price_cents", "id"}, unique = "id")
  @CacheKey(value = "listing:after-ascending:{category}", tags = "listing")
  CursorPage<Listing> afterAscending(String category, Cursor after, int limit);

  /** Renames a listing. */
  @Update("UPDATE listing SET name = :name WHERE id = :id")
  @InvalidatesTags("listing")
  int rename(long id, String name);
}
