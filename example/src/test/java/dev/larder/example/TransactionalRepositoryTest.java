package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.larder.runtime.Larder;
import dev.larder.runtime.RepositoryException;
import dev.larder.runtime.TransactionStats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Transactional} default methods of generated repositories on real PostgreSQL. */
class TransactionalRepositoryTest {
  private static final OffsetDateTime NOON = OffsetDateTime.of(2026, 11, 24, 12, 0, 0, 0, ZoneOffset.UTC);

  private Larder larder;

  @BeforeEach
  void open() {
    larder = ExampleDatabase.freshLarder();
  }

  @AfterEach
  void close() {
    larder.close();
  }

  private long kettle() {
    ProductRepository products = new ProductRepositoryImpl(larder);
    products.addCategory("kitchen", "Kitchen");
    products.insertAll(List.of(new NewProduct("KETTLE", "Kettle", "kitchen", 3_499)));
    return products.findBySku("KETTLE").id();
  }

  private static NewOrder order(UUID number) {
    return new NewOrder(number, "ada@example.com", new BigDecimal("34.99"), LocalDate.of(2026, 11, 24),
        NOON, null);
  }

  @Test
  void anOrderAndItsLinesCommitTogether() {
    long kettle = kettle();
    OrderRepository orders = new OrderRepositoryImpl(larder);
    UUID number = UUID.randomUUID();
    long id = orders.placeWithLines(order(number),
        List.of(new NewOrderLine(0, 1, kettle, 1, new BigDecimal("34.99"))));
    assertThat(orders.idOf(number)).isEqualTo(id);
    assertThat(orders.itemCount(id)).isEqualTo(1);
    assertThat(larder.transactionStats().get("place-order").committed()).isEqualTo(1);
  }

  @Test
  void aFailingLineLeavesNoOrderBehind() {
    OrderRepository orders = new OrderRepositoryImpl(larder);
    UUID number = UUID.randomUUID();
    assertThat(orders.findByNumber(number)).isEmpty(); // cached as empty
    assertThatThrownBy(() -> orders.placeWithLines(order(number),
        List.of(new NewOrderLine(0, 1, 404, 1, BigDecimal.ONE))))
        .isInstanceOf(RepositoryException.class)
        .extracting(e -> ((RepositoryException) e).sqlState()).isEqualTo("23503");
    assertThat(orders.findByNumber(number)).isEmpty();
    larder.clearLocalCache();
    assertThat(orders.findByNumber(number)).isEmpty(); // and not in the database either
    assertThat(larder.transactionStats().get("place-order").rolledBack()).isEqualTo(1);
  }

  @Test
  void aSerializableTransferStormCommitsEveryTransferAndKeepsTheSum() throws Exception {
    AccountRepository accounts = new AccountRepositoryImpl(larder);
    int accountCount = 10;
    for (long id = 1; id <= accountCount; id++) {
      accounts.open(id, 1_000);
    }
    int threads = 16;
    int transfers = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long started = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Random random = new Random(t);
        done.add(pool.submit(() -> {
          for (int i = 0; i < transfers / threads; i++) {
            long from = 1 + random.nextInt(accountCount);
            long to = 1 + (from + random.nextInt(accountCount - 1)) % accountCount;
            accounts.transfer(from, to, 1 + random.nextInt(50));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    TransactionStats stats = larder.transactionStats().get("transfer");
    System.out.printf("transfer storm: %d transfers, %d threads, %d accounts: %d committed,"
            + " %d retries, %d serialization failures, %d deadlocks, %d ms%n",
        transfers, threads, accountCount, stats.committed(), stats.retries(),
        stats.serializationFailures(), stats.deadlocks(), millis);
    assertThat(stats.committed()).isEqualTo(transfers);
    assertThat(stats.rolledBack()).isZero();
    assertThat(stats.retries()).isPositive();
    assertThat(accounts.total()).isEqualTo(accountCount * 1_000L);
  }
}
