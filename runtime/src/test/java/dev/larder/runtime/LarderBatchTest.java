package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.runtime.internal.Rows;
import dev.larder.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batches through the pool Larder creates report exact row counts, as batch writes return them. */
class LarderBatchTest {
  private static final String INSERT = "INSERT INTO batch_probe (sku) VALUES (:sku) ON CONFLICT (sku) DO NOTHING";
  private static final RepositoryMethod INSERT_ALL =
      new RepositoryMethod("ProbeRepository", "insertAll", INSERT, "00000000");

  private static Larder larder;

  @BeforeAll
  static void createTable() {
    TestDatabase.get().execute("CREATE TABLE batch_probe (id bigserial PRIMARY KEY, sku text UNIQUE NOT NULL)");
    larder = Larder.builder().jdbcUrl(TestDatabase.get().jdbcUrl()).maximumPoolSize(2).build();
  }

  @AfterAll
  static void dropTable() {
    larder.close();
    TestDatabase.get().execute("DROP TABLE batch_probe");
  }

  private static long insertAll(List<String> skus) {
    return larder.execute(INSERT_ALL, h -> h.inTransaction(tx -> {
      PreparedBatch batch = tx.prepareBatch(INSERT);
      for (String sku : skus) {
        batch.bind("sku", sku).add();
      }
      return Rows.sum(batch.execute());
    }));
  }

  private static long countSkus(String prefix) {
    return larder.execute(INSERT_ALL, h -> h.createQuery("SELECT count(*) FROM batch_probe WHERE sku LIKE :p")
        .bind("p", prefix + "%").mapTo(Long.class).one());
  }

  @Test
  void insertBatchReportsOneRowPerInsertedElement() {
    assertThat(insertAll(List.of("B-1", "B-2", "B-3", "B-4", "B-5"))).isEqualTo(5);
    assertThat(countSkus("B-")).isEqualTo(5);
  }

  @Test
  void insertBatchDoesNotCountRowsSkippedByOnConflict() {
    assertThat(insertAll(List.of("C-1", "C-2"))).isEqualTo(2);
    assertThat(insertAll(List.of("C-1", "C-2", "C-3"))).isEqualTo(1);
    assertThat(countSkus("C-")).isEqualTo(3);
  }
}
