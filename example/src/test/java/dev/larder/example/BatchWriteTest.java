package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Batch writes through the generated {@link ProductRepository} on PostgreSQL: chunked, in one
 * transaction, with exact counts and each tag invalidated once.
 */
class BatchWriteTest {
  private final List<Larder> opened = new ArrayList<>();

  @BeforeEach
  void emptyTables() {
    ExampleDatabase.freshLarder().close();
  }

  @AfterEach
  void closeRuntimes() {
    opened.forEach(Larder::close);
  }

  private ProductRepository products(int chunkSize) {
    Larder larder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .batchChunkSize(chunkSize)
        .build();
    opened.add(larder);
    ProductRepository products = new ProductRepositoryImpl(larder);
    if (products.categories().isEmpty()) {
      products.addCategory("kitchen", "Kitchen");
      products.addCategory("garden", "Garden");
    }
    return products;
  }

  private static List<NewProduct> rows(String prefix, int count, String category) {
    List<NewProduct> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      rows.add(new NewProduct(prefix + i, "Product " + i, category, 100 + i));
    }
    return rows;
  }

  /** Counts products from outside any runtime. */
  private static long count(String where) {
    return Jdbi.create(TestDatabase.get().dataSource()).withHandle(h -> h.createQuery(
        "SELECT count(*) FROM product WHERE " + where).mapTo(Long.class).one());
  }

  @Test
  void batchOfOneHundredThousandRowsInsertsThemAllAndCountsThemExactly() {
    ProductRepository products = products(1_000);

    int inserted = products.insertAll(rows("BULK-", 100_000, "kitchen"));

    assertThat(inserted).isEqualTo(100_000);
    assertThat(count("sku LIKE 'BULK-%'")).isEqualTo(100_000);
    assertThat(products.findBySku("BULK-99999").priceCents()).isEqualTo(100_099);
  }

  @Test
  void batchFailingInItsThirdChunkLeavesNothingWrittenAndInvalidatesNothing() {
    ProductRepository products = products(100);
    Larder larder = opened.get(0);
    long cached = products.countByCategory("kitchen");
    long invalidated = larder.cacheStats().tagsInvalidated();
    List<NewProduct> rows = rows("FAIL-", 500, "kitchen");
    rows.set(250, new NewProduct("FAIL-250", "Negative", "kitchen", -1)); // CHECK violation

    assertThatThrownBy(() -> products.insertAll(rows))
        .isInstanceOf(RepositoryException.class)
        .hasMessageContaining("ProductRepository.insertAll")
        .hasMessageContaining("SQLSTATE 23514");

    assertThat(count("sku LIKE 'FAIL-%'")).as("chunks 1 and 2 were rolled back").isZero();
    assertThat(larder.cacheStats().tagsInvalidated()).isEqualTo(invalidated);
    assertThat(products.countByCategory("kitchen")).isEqualTo(cached);
  }

  @Test
  void insertUnderOnConflictDoNothingCountsOnlyTheRowsItInserted() {
    ProductRepository products = products(7); // chunks of 7, the rest in groups of 4, 2, 1
    products.insertAll(rows("DUP-", 40, "kitchen"));
    List<NewProduct> rows = new ArrayList<>(rows("DUP-", 100, "kitchen")); // 40 taken
    rows.addAll(rows("DUP-", 10, "kitchen").subList(0, 3)); // taken twice
    rows.add(new NewProduct("NEW-1", "New", "garden", 1));
    rows.add(new NewProduct("NEW-1", "New again", "garden", 2)); // twice in one statement

    int inserted = products.insertMissing(rows);

    assertThat(inserted).isEqualTo(61);
    assertThat(count("sku LIKE 'DUP-%'")).isEqualTo(100);
    assertThat(products.findBySku("NEW-1").name()).isEqualTo("New");
  }

  @Test
  void batchUpdateRunsInJdbcBatchesPerChunkAndReturnsTheExactTotal() {
    ProductRepository products = products(1_000);
    products.insertAll(rows("UPD-", 2_000, "garden"));
    List<PriceChange> changes = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      changes.add(new PriceChange("UPD-" + i, 7)); // 500 of them match no product
    }

    long changed = products.reprice(changes);

    assertThat(changed).isEqualTo(2_000);
    assertThat(count("price_cents = 7")).isEqualTo(2_000);
  }

  @Test
  void batchInvalidatesEachDistinctTagOnceAndTheReadsThatCarryIt() {
    ProductRepository products = products(50);
    Larder larder = opened.get(0);
    assertThat(products.countByCategory("garden")).isZero();
    long invalidated = larder.cacheStats().tagsInvalidated();
    List<NewProduct> rows = new ArrayList<>(rows("K-", 300, "kitchen"));
    rows.addAll(rows("G-", 300, "garden"));

    assertThat(products.insertAll(rows)).isEqualTo(600);

    // products, product-names, category:kitchen, category:garden: four tags, once each, for 12 chunks.
    assertThat(larder.cacheStats().tagsInvalidated()).isEqualTo(invalidated + 4);
    assertThat(products.countByCategory("garden")).isEqualTo(300);
  }

  @Test
  void batchJoinsTheCallersTransactionAndRollsBackWithIt() {
    ProductRepository products = products(10);
    Larder larder = opened.get(0);

    assertThatThrownBy(() -> larder.inTransaction(handle -> {
      products.insertAll(rows("TX-", 95, "kitchen"));
      assertThat(handle.createQuery("SELECT count(*) FROM product WHERE sku LIKE 'TX-%'")
          .mapTo(Long.class).one()).as("visible inside the transaction").isEqualTo(95);
      throw new IllegalStateException("changed my mind");
    })).hasMessage("changed my mind");

    assertThat(count("sku LIKE 'TX-%'")).isZero();
  }
}
