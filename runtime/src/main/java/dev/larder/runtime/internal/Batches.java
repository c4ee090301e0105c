package dev.larder.runtime.internal;

import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a batch write in chunks: the rows are handed to the writer {@code chunkSize} at a time
 * (one JDBC batch per chunk), so the driver never holds the parameters of the whole collection,
 * and the counts are added up. The caller runs every chunk in one transaction.
 */
public final class Batches {
  private static final Logger log = LoggerFactory.getLogger(Batches.class);
  private static final AtomicBoolean warnedNoInfo = new AtomicBoolean();

  private Batches() {}

  /** Writes one chunk and returns the number of rows it changed. */
  @FunctionalInterface
  public interface ChunkWriter<R> {
    long write(List<R> chunk);
  }

  /**
   * Hands {@code rows} to {@code writer} in chunks of {@code chunkSize}, in order, and returns
   * the sum of what it returned. An empty collection writes nothing.
   */
  public static <R> long inChunks(Iterable<R> rows, int chunkSize, ChunkWriter<R> writer) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunkSize must be at least 1 but was " + chunkSize);
    }
    long total = 0;
    List<R> chunk = new ArrayList<>(Math.min(chunkSize, 1024));
    for (R row : rows) {
      chunk.add(row);
      if (chunk.size() == chunkSize) {
        total += writer.write(chunk);
        chunk = new ArrayList<>(Math.min(chunkSize, 1024));
      }
    }
    if (!chunk.isEmpty()) {
      total += writer.write(chunk);
    }
    return total;
  }

  /** Writes one chunk and returns the rows its statements returned, in order. */
  @FunctionalInterface
  public interface ReturningChunkWriter<R, T> {
    List<T> write(List<R> chunk);
  }

  /**
   * Hands {@code rows} to {@code writer} in chunks of {@code chunkSize}, in order, and returns
   * the rows it returned, chunk after chunk, as one unmodifiable list (a row that returned none,
   * as under {@code ON CONFLICT DO NOTHING}, adds none). An empty collection writes nothing.
   */
  public static <R, T> List<T> returning(
      Iterable<R> rows, int chunkSize, ReturningChunkWriter<R, T> writer) {
    List<T> out = new ArrayList<>();
    inChunks(rows, chunkSize, chunk -> {
      List<T> returned = writer.write(chunk);
      out.addAll(returned);
      return returned.size();
    });
    return Collections.unmodifiableList(out);
  }

  /**
   * Adds up the update counts of a JDBC batch. Larder's own pool never lets the driver rewrite
   * batches, so every count is exact; a data source configured with {@code reWriteBatchedInserts}
   * reports {@link Statement#SUCCESS_NO_INFO} for rewritten rows, counted as one row each (exact
   * for a plain {@code INSERT}, not under {@code ON CONFLICT}), with a warning once.
   */
  public static long sum(RepositoryMethod method, int[] counts) {
    long total = 0;
    for (int count : counts) {
      if (count >= 0) {
        total += count;
      } else if (count == Statement.SUCCESS_NO_INFO) {
        total++;
        if (warnedNoInfo.compareAndSet(false, true)) {
          log.warn("{}: the JDBC driver did not report how many rows a batch changed"
              + " (reWriteBatchedInserts is on in the data source); counting one per row."
              + " Larder rewrites INSERT batches itself with exact counts: turn the option off.",
              method.qualifiedName());
        }
      }
    }
    return total;
  }
}
