package dev.larder.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
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
import org.postgresql.PGConnection;

/**
 * Inserting the same 100 000 rows into an empty table (a {@code bigserial} key and a unique SKU),
 * one invocation per measurement, side by side:
 *
 * <ul>
 *   <li>{@code larderBatch}: {@code repository.insertAll(rows)}, the generated batch: multi-row
 *       {@code INSERT}s of 1 000 rows (the default chunk) in one transaction, parameters set on
 *       the JDBC statement, per-row tags collected and bumped once;
 *   <li>{@code larderRowByRow}: {@code repository.insertOne(row)} in a loop, each call its own
 *       transaction (and commit), as code without a batch method does;
 *   <li>{@code larderRowByRowInOneTransaction}: the same loop inside {@code larder.inTransaction},
 *       one commit: what is left is a round trip per row;
 *   <li>{@code jdbiPreparedBatch}: one JDBI {@code PreparedBatch} of 100 000 rows in a
 *       transaction, as Larder generated before multi-row inserts: pipelined, but one statement
 *       per row on the server;
 *   <li>{@code jdbiPreparedBatchRewritten}: the same on a pool with pgjdbc's
 *       {@code reWriteBatchedInserts=true}, whose update counts are not exact (see README);
 *   <li>{@code copy}: PostgreSQL {@code COPY ... FROM STDIN} through pgjdbc's {@code CopyManager},
 *       the rows written in COPY's text format: the floor.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(1)
public class BatchInsertBenchmark {
  static final int ROWS = 100_000;
  private static final String INSERT = "INSERT INTO bulk_item (sku, name, category, price_cents)"
      + " VALUES (:sku, :name, :category, :priceCents)";

  private TestDatabase database;
  private Larder larder;
  private BulkItemRepository repository;
  private Jdbi jdbi;
  private HikariDataSource rewriting;
  private Jdbi rewritingJdbi;
  private List<BulkItem> rows;

  @Setup(Level.Trial)
  public void setUp() {
    database = TestDatabase.get();
    database.execute("DROP TABLE IF EXISTS bulk_item;\n"
        + BenchmarkSchema.migration("V2__bulk_item.sql"));
    larder = Larder.builder().dataSource(database.dataSource()).build();
    repository = new BulkItemRepositoryImpl(larder);
    jdbi = Jdbi.create(database.dataSource());
    rewriting = new HikariDataSource();
    rewriting.setJdbcUrl(database.jdbcUrl() + "&reWriteBatchedInserts=true");
    rewriting.setMaximumPoolSize(1);
    rewritingJdbi = Jdbi.create(rewriting);
    rows = new ArrayList<>(ROWS);
    String[] categories = {"kitchen", "garden", "bath", "office", "toys"};
    for (int i = 0; i < ROWS; i++) {
      rows.add(new BulkItem(String.format("SKU-%07d", i), "Stainless steel saucepan, 2 l, #" + i,
          categories[i % categories.length], 1_000 + i % 9_000));
    }
  }

  @Setup(Level.Invocation)
  public void emptyTable() {
    database.execute("TRUNCATE bulk_item RESTART IDENTITY");
  }

  @TearDown(Level.Invocation)
  public void checkEveryRowArrived() {
    long count = jdbi.withHandle(h ->
        h.createQuery("SELECT count(*) FROM bulk_item").mapTo(Long.class).one());
    if (count != ROWS) {
      throw new IllegalStateException("expected " + ROWS + " rows but the table has " + count);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    larder.close();
    rewriting.close();
  }

  @Benchmark
  public int larderBatch() {
    return check(repository.insertAll(rows));
  }

  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public int larderRowByRow() {
    int inserted = 0;
    for (BulkItem row : rows) {
      inserted += repository.insertOne(row);
    }
    return check(inserted);
  }

  @Benchmark
  @Warmup(iterations = 1)
  @Measurement(iterations = 2)
  public int larderRowByRowInOneTransaction() {
    return check(larder.inTransaction(handle -> {
      int inserted = 0;
      for (BulkItem row : rows) {
        inserted += repository.insertOne(row);
      }
      return inserted;
    }));
  }

  @Benchmark
  public int jdbiPreparedBatch() {
    return jdbi.inTransaction(handle -> check(batch(handle.prepareBatch(INSERT))));
  }

  @Benchmark
  public int jdbiPreparedBatchRewritten() {
    // Counts come back as SUCCESS_NO_INFO (-2) per row: only the table count can be checked.
    return rewritingJdbi.inTransaction(handle -> batch(handle.prepareBatch(INSERT)));
  }

  @Benchmark
  public long copy() throws SQLException {
    StringBuilder text = new StringBuilder(ROWS * 64);
    for (BulkItem row : rows) {
      // COPY's text format needs no escaping here: the values hold no tab, newline or backslash.
      text.append(row.sku()).append('\t').append(row.name()).append('\t').append(row.category())
          .append('\t').append(row.priceCents()).append('\n');
    }
    try (Connection connection = database.dataSource().getConnection()) {
      long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY bulk_item (sku, name, category, price_cents) FROM STDIN",
          new StringReader(text.toString()));
      return check((int) copied);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int batch(PreparedBatch batch) {
    for (BulkItem row : rows) {
      batch.bind("sku", row.sku()).bind("name", row.name()).bind("category", row.category())
          .bind("priceCents", row.priceCents()).add();
    }
    int sum = 0;
    for (int count : batch.execute()) {
      sum += count;
    }
    return sum;
  }

  private static int check(int inserted) {
    if (inserted != ROWS) {
      throw new IllegalStateException("expected " + ROWS + " rows inserted but was " + inserted);
    }
    return inserted;
  }
}
