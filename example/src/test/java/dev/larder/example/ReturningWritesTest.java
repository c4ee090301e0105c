package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.IncorrectResultSizeException;
import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Update} methods with RETURNING ({@link ReturningRepository}) on PostgreSQL: they return
 * the rows their statement gives, invalidate their tags as any write does, and join a transaction.
 */
class ReturningWritesTest {
  private Larder larder;
  private ReturningRepository returning;
  private ProductRepository products;

  @BeforeEach
  void start() {
    larder = ExampleDatabase.freshLarder();
    returning = new ReturningRepositoryImpl(larder);
    products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.addCategory("garden", "Garden");
  }

  @AfterEach
  void close() {
    larder.close();
  }

  @Test
  void insertReturningIdGivesTheNewRowsKeyAndInvalidatesTheCachedCount() {
    assertThat(returning.count("kitchen")).isZero(); // now cached

    long first = returning.add("KETTLE", "Kettle", "kitchen", 3_499);
    long second = returning.add("TOASTER", "Toaster", "kitchen", 2_999);

    assertThat(second).isEqualTo(first + 1);
    assertThat(products.findById(first)).get().extracting(Product::sku).isEqualTo("KETTLE");
    assertThat(returning.count("kitchen")).isEqualTo(2);
  }

  @Test
  void insertReturningAUuidGivesThatUuid() {
    UUID token = returning.addFree("SPADE", "Spade", "garden");

    assertThat(token).isEqualTo(md5Uuid("SPADE"));
  }

  @Test
  void updateReturningTheRowAsARecordGivesTheChangedRowAndInvalidatesTheCachedRead() {
    long id = returning.add("KETTLE", "Kettle", "kitchen", 3_499);
    assertThat(products.findById(id)).get().extracting(Product::priceCents).isEqualTo(3_499L);

    Product changed = returning.reprice(id, 2_999).orElseThrow();

    assertThat(changed.id()).isEqualTo(id);
    assertThat(changed.sku()).isEqualTo("KETTLE");
    assertThat(changed.priceCents()).isEqualTo(2_999);
    assertThat(changed.status()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(products.findById(id)).contains(changed);
    assertThat(returning.reprice(id + 100, 1)).isEmpty();
  }

  @Test
  void updateReturningExactlyOneRecordGivesIt() {
    long id = returning.add("KETTLE", "Kettle", "kitchen", 3_499);

    Product renamed = returning.rename("KETTLE", "Electric kettle");

    assertThat(renamed.id()).isEqualTo(id);
    assertThat(renamed.name()).isEqualTo("Electric kettle");
  }

  @Test
  void deleteReturningIntoAListGivesEveryDeletedRowAndInvalidatesTheCachedCount() {
    long kettle = returning.add("KETTLE", "Kettle", "kitchen", 3_499);
    long toaster = returning.add("TOASTER", "Toaster", "kitchen", 2_999);
    returning.add("SPADE", "Spade", "garden", 1_999);
    assertThat(returning.count("kitchen")).isEqualTo(2);

    List<Product> deleted = returning.deleteCategory("kitchen");

    assertThat(deleted).extracting(Product::id).containsExactlyInAnyOrder(kettle, toaster);
    assertThat(returning.count("kitchen")).isZero();
    assertThat(returning.count("garden")).isEqualTo(1);
    assertThat(returning.deleteSkus("garden")).containsExactly("SPADE");
    assertThat(returning.deleteSkus("garden")).isEmpty();
    assertThat(returning.count("garden")).isZero();
  }

  @Test
  void singleResultGivenSeveralRowsThrowsNamingTheMethodAndUndoesTheWrite() {
    returning.add("KETTLE", "Kettle", "kitchen", 3_000);
    returning.add("TOASTER", "Toaster", "kitchen", 2_000);

    assertThatThrownBy(() -> returning.raiseOnly("kitchen", 1))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("ReturningRepository.raiseOnly");

    assertThat(products.findBySku("KETTLE").priceCents()).isEqualTo(3_000);
    assertThat(products.findBySku("TOASTER").priceCents()).isEqualTo(2_000);
  }

  @Test
  void singleResultGivenNoRowThrows() {
    assertThatThrownBy(() -> returning.raiseOnly("garden", 1))
        .isInstanceOf(IncorrectResultSizeException.class)
        .hasMessageContaining("ReturningRepository.raiseOnly");
  }

  @Test
  void insideATransactionTheWriteJoinsItAndRollsBackWithIt() {
    assertThat(returning.count("kitchen")).isZero(); // now cached

    assertThatThrownBy(() -> larder.inTransaction(handle -> {
      long id = returning.add("KETTLE", "Kettle", "kitchen", 3_499);
      assertThat(products.findById(id)).isPresent(); // the transaction sees its own write
      assertThat(returning.reprice(id, 10)).get().extracting(Product::priceCents).isEqualTo(10L);
      throw new IllegalStateException("roll back");
    })).hasMessage("roll back");

    assertThat(returning.count("kitchen")).isZero();
    assertThatThrownBy(() -> products.findBySku("KETTLE"))
        .isInstanceOf(IncorrectResultSizeException.class);
  }

  @Test
  void insideATransactionThatCommitsTheTagsAreBumpedAfterTheCommit() {
    assertThat(returning.count("kitchen")).isZero(); // now cached

    long id = larder.inTransaction(handle -> returning.add("KETTLE", "Kettle", "kitchen", 3_499));

    assertThat(returning.count("kitchen")).isEqualTo(1);
    assertThat(products.findById(id)).isPresent();
  }

  /** What PostgreSQL's {@code md5(text)::uuid} gives. */
  private static UUID md5Uuid(String text) {
    try {
      byte[] md5 = MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8));
      long high = 0;
      long low = 0;
      for (int i = 0; i < 8; i++) {
        high = (high << 8) | (md5[i] & 0xff);
        low = (low << 8) | (md5[i + 8] & 0xff);
      }
      return new UUID(high, low);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void batchInsertReturningGivesTheIdsInInputOrderAcrossChunksAndInvalidatesTheCachedCount() {
    List<NewProduct> rows = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      rows.add(new NewProduct("SKU-" + (24 - i), "Item " + i, "kitchen", i));
    }
    rows.add(7, new NewProduct("KETTLE", "Kettle again", "kitchen", 1)); // a conflict: no row
    try (Larder small =
        Larder.builder().batchChunkSize(4).dataSource(TestDatabase.get().dataSource()).build()) {
      ReturningRepository chunked = new ReturningRepositoryImpl(small);
      long existing = chunked.add("KETTLE", "Kettle", "kitchen", 3_499);
      assertThat(chunked.count("kitchen")).isEqualTo(1); // now cached

      List<Long> ids = chunked.addAll(rows);

      // Ids are given in insertion order: ascending means input order.
      assertThat(ids).hasSize(25).doesNotContain(existing).isSorted();
      assertThat(ids.get(0)).isEqualTo(existing + 1);
      assertThat(chunked.count("kitchen")).isEqualTo(26);
      assertThatThrownBy(() -> ids.add(0L)).isInstanceOf(UnsupportedOperationException.class);
      assertThat(chunked.addAll(List.of())).isEmpty();
    }
  }

  @Test
  void batchUpdateReturningRecordsGivesThemInInputOrderAndInvalidatesTheCachedRead() {
    long kettle = returning.add("KETTLE", "Kettle", "kitchen", 3_499);
    long toaster = returning.add("TOASTER", "Toaster", "kitchen", 2_999);
    assertThat(returning.count("kitchen")).isEqualTo(2); // now cached

    List<Product> changed = returning.repriceAll(List.of(new NewProduct("TOASTER", "", "kitchen", 10),
        new NewProduct("NONE", "", "kitchen", 20), new NewProduct("KETTLE", "", "kitchen", 30)));

    assertThat(changed).extracting(Product::id).containsExactly(toaster, kettle);
    assertThat(changed).extracting(Product::priceCents).containsExactly(10L, 30L);
    assertThat(products.findById(kettle)).get().extracting(Product::priceCents).isEqualTo(30L);
    returning.add("SPADE", "Spade", "kitchen", 1);
    assertThat(returning.count("kitchen")).isEqualTo(3);
  }
}
