package dev.larder.benchmarks;

import dev.larder.annotation.CacheKey;
import dev.larder.annotation.CachedRepository;
import dev.larder.annotation.InvalidatesTags;
import dev.larder.annotation.Query;
import dev.larder.annotation.Update;
import java.util.Optional;

/**
 * The repository the benchmarks read through; Larder generates {@code ItemRepositoryImpl} and
 * {@code ItemRepositoryKeys} from it, exactly as for an application.
 */
@CachedRepository(ttl = "PT30M")
public interface ItemRepository {

  /** Finds an item by id. */
  @Query("SELECT id, sku, name, category, price_cents FROM item WHERE id = :id")
  @CacheKey(value = "item:{id}", tags = "item:{id}")
  Optional<Item> findById(long id);

  /** Changes an item's price. */
  @Update("UPDATE item SET price_cents = :priceCents WHERE id = :id")
  @InvalidatesTags("item:{id}")
  int updatePrice(long id, long priceCents);
}
