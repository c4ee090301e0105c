package dev.larder.runtime.internal;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * A batch {@code INSERT ... VALUES (...)} run as multi-row inserts: a statement per chunk,
 * {@code INSERT ... VALUES (?, ?), (?, ?), ... [ON CONFLICT ... DO NOTHING]}, so that the server
 * plans and executes one statement per chunk instead of one per row. Its update count is the
 * server's own, exact under {@code ON CONFLICT DO NOTHING} too, which the driver's
 * {@code reWriteBatchedInserts} does not give (it reports "succeeded, count unknown" for every
 * rewritten row).
 *
 * <p>The processor splits the SQL at compile time, only for an {@code INSERT} whose parameters
 * are all inside its one {@code VALUES} tuple and whose tail is empty or
 * {@code ON CONFLICT ... DO NOTHING} (under {@code DO UPDATE}, two rows of one statement hitting
 * the same key would fail, where separate statements succeed). Rows that do not fill a chunk are
 * written in statements of power-of-two sizes, so that a method uses a handful of distinct
 * statement texts, which the driver and the server can prepare once. The full-chunk statement is
 * prepared once per call and executed for every chunk; parameters are set on it directly
 * ({@link RowParameters}).
 */
public final class MultiRowInsert {
  /** Bind parameters of one statement, well under PostgreSQL's limit of 65 535. */
  static final int MAX_PARAMETERS = 32_767;

  private final String head;
  private final String tuple;
  private final String tail;
  private final int parametersPerRow;
  private final ConcurrentMap<Integer, String> statements = new ConcurrentHashMap<>();

  /** Binds the parameters of one row, the first of them at position {@code at} (from 0). */
  @FunctionalInterface
  public interface RowBinder<R> {
    void bind(RowParameters statement, int at, R row) throws SQLException;
  }

  /**
   * @param head the SQL up to and including {@code VALUES}
   * @param tuple one row's tuple with {@code ?} for its parameters, e.g. {@code (?, ?, now())}
   * @param tail the SQL after the tuple: empty, or {@code ON CONFLICT ... DO NOTHING}
   * @param parametersPerRow the number of {@code ?} in the tuple
   */
  public MultiRowInsert(String head, String tuple, String tail, int parametersPerRow) {
    this.head = requireNonNull(head, "head");
    this.tuple = requireNonNull(tuple, "tuple");
    this.tail = requireNonNull(tail, "tail");
    if (parametersPerRow < 0 || parametersPerRow > MAX_PARAMETERS) {
      throw new IllegalArgumentException("parametersPerRow out of range: " + parametersPerRow);
    }
    this.parametersPerRow = parametersPerRow;
  }

  /** The most rows one statement takes for a chunk size. */
  int rowsPerStatement(int chunkSize) {
    int byParameters = parametersPerRow == 0 ? chunkSize : MAX_PARAMETERS / parametersPerRow;
    return Math.max(1, Math.min(chunkSize, byParameters));
  }

  /**
   * Inserts {@code rows} on {@code handle}, {@code chunkSize} rows per statement (fewer when the
   * parameters would pass the limit of one statement), and returns the number of rows inserted.
   * The caller runs it in a transaction: a failing statement leaves the others rolled back.
   *
   * @throws UnableToExecuteStatementException if a statement fails, with the driver's exception
   *     (and its SQLSTATE) as the cause
   */
  public <R> long run(Handle handle, Iterable<R> rows, int chunkSize, RowBinder<R> binder) {
    Connection connection = handle.getConnection();
    int perStatement = rowsPerStatement(chunkSize);
    long total = 0;
    PreparedStatement full = null;
    try {
      List<R> chunk = new ArrayList<>(Math.min(perStatement, 1024));
      for (R row : rows) {
        chunk.add(row);
        if (chunk.size() == perStatement) {
          if (full == null) {
            full = connection.prepareStatement(sql(perStatement));
          }
          total += insert(full, chunk, 0, perStatement, binder);
          chunk.clear();
        }
      }
      // The rest in power-of-two groups: 37 rows are 32 + 4 + 1.
      int from = 0;
      for (int size = Integer.highestOneBit(Math.max(1, chunk.size())); size > 0; size >>= 1) {
        if (chunk.size() - from >= size) {
          try (PreparedStatement rest = connection.prepareStatement(sql(size))) {
            total += insert(rest, chunk, from, size, binder);
          }
          from += size;
        }
      }
      return total;
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(
          "multi-row insert failed: " + e.getMessage(), e, null);
    } finally {
      close(full);
    }
  }

  private <R> long insert(PreparedStatement statement, List<R> rows, int from, int count,
      RowBinder<R> binder) throws SQLException {
    RowParameters parameters = new RowParameters(statement);
    for (int i = 0; i < count; i++) {
      binder.bind(parameters, i * parametersPerRow, rows.get(from + i));
    }
    return statement.executeLargeUpdate();
  }

  private static void close(PreparedStatement statement) {
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        // The statement ran (or failed) already; a failure to close it changes nothing.
      }
    }
  }

  /** The statement inserting {@code rows} rows. */
  String sql(int rows) {
    return statements.computeIfAbsent(rows, n -> {
      StringBuilder sql = new StringBuilder(head.length() + tail.length() + n * (tuple.length() + 2));
      sql.append(head).append(' ');
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sql.append(", ");
        }
        sql.append(tuple);
      }
      if (!tail.isEmpty()) {
        sql.append(' ').append(tail);
      }
      return sql.toString();
    });
  }
}
