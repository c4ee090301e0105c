package dev.larder.benchmarks;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The read by primary key as a Jdbi SqlObject, used through {@code Jdbi.onDemand}. */
@RegisterRowMapper(ItemRowMapper.class)
public interface ItemSqlObject {

  /** Finds an item by id. */
  @SqlQuery("SELECT id, sku, name, category, price_cents FROM item WHERE id = :id")
  Optional<Item> findById(@Bind("id") long id);
}
