package dev.larder.consistency.harness;

import dev.larder.consistency.Operation;
import dev.larder.consistency.OperationLog;
import dev.larder.consistency.Worker;
import dev.larder.consistency.WorkerSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes {@code versioned} without Larder, as another service would: plain JDBC in autocommit,
 * the workers' {@code UPDATE} and versions, one thread per mode on that mode's rows. The cache
 * hears of these writes only through the trigger's notifications. Every write is logged like a
 * worker's, under a process number of its own, its end being when its commit returned.
 */
final class OutsideWriter {
  private static final String UPDATE =
      "UPDATE versioned SET version = ? WHERE id = ? AND version < ?";

  private final List<Thread> threads = new ArrayList<>();
  private final List<OperationLog> logs = new ArrayList<>();
  private final List<Throwable> crashes = new CopyOnWriteArrayList<>();

  /**
   * Starts writing until {@code deadlineNanos}.
   *
   * @param jdbcUrl the database, with schema
   * @param output the directory of the operation logs
   * @param process the process number of the logs, one no worker has
   * @param rowsPerMode rows per mode, as the workers have them
   * @param meanPauseMillis the mean pause between two writes of one thread
   * @param deadlineNanos the {@link System#nanoTime()} to stop at
   */
  OutsideWriter(String jdbcUrl, Path output, int process, int rowsPerMode, long meanPauseMillis,
      long deadlineNanos) {
    int thread = 0;
    for (Operation.Mode mode : Operation.Mode.values()) {
      OperationLog log = OperationLog.create(output, process, thread++, mode);
      logs.add(log);
      int first = WorkerSettings.firstRow(mode, rowsPerMode);
      Thread writer = new Thread(() -> {
        try {
          write(jdbcUrl, log, first, rowsPerMode, meanPauseMillis * 1_000_000, deadlineNanos);
        } catch (SQLException | RuntimeException e) {
          crashes.add(e);
        }
      }, "outside-writer-" + mode);
      threads.add(writer);
      writer.start();
    }
  }

  /**
   * Waits for the writers to reach their deadline and closes their logs.
   *
   * @throws IllegalStateException if a writer could not connect, or stopped on an error
   */
  void awaitDone() {
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    logs.forEach(OperationLog::close);
    if (!crashes.isEmpty()) {
      throw new IllegalStateException("the outside writer stopped: " + crashes);
    }
  }

  private static void write(String jdbcUrl, OperationLog log, int firstRow, int rows,
      long meanPauseNanos, long deadlineNanos) throws SQLException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        PreparedStatement next = connection.prepareStatement(Worker.NEXT_VERSION);
        PreparedStatement update = connection.prepareStatement(UPDATE)) {
      while (System.nanoTime() < deadlineNanos) {
        int row = firstRow + random.nextInt(rows);
        long version = -1;
        long start = System.nanoTime();
        try {
          try (ResultSet result = next.executeQuery()) {
            result.next();
            version = result.getLong(1);
          }
          update.setLong(1, version);
          update.setInt(2, row);
          update.setLong(3, version);
          start = System.nanoTime();
          int changed = update.executeUpdate(); // autocommit: it returns once committed
          log.write(row, version, start, System.nanoTime(), changed == 1);
        } catch (SQLException e) {
          log.failed(Operation.Kind.WRITE, row, version, start, System.nanoTime(), e);
        }
        LockSupport.parkNanos(random.nextLong(2 * meanPauseNanos + 1));
      }
    }
  }
}
