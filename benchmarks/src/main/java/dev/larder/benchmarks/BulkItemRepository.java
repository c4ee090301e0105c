package dev.larder.benchmarks;

import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Update;
import java.util.List;

/** The inserts {@link BatchInsertBenchmark} compares: a batch, and one row at a time. */
@CachedRepository
public interface BulkItemRepository {

  /** Inserts every row in one transaction, in multi-row statements of a chunk each. */
  @Update("INSERT INTO bulk_item (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents)")
  @InvalidatesTags({"bulk-items", "bulk-category:{category}"})
  int insertAll(List<BulkItem> rows);

  /** Inserts one row, in a transaction of its own unless the caller has one. */
  @Update("INSERT INTO bulk_item (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents)")
  @InvalidatesTags({"bulk-items", "bulk-category:{category}"})
  int insertOne(BulkItem row);
}
