package dev.larder.consistency;

import static java.util.Objects.requireNonNull;

/**
 * One logged call of a worker: a read or a write of one row, timed with {@link System#nanoTime()}
 * (CLOCK_MONOTONIC on Linux, one clock for every process of the machine).
 *
 * @param process the worker process, from 0
 * @param thread the thread within the process, from 0
 * @param mode the consistency mode of the repository called
 * @param kind read or write
 * @param row the row id
 * @param version the version read, or the version the write tried to set; -1 when a read failed
 *     or a write failed before it had a version to set
 * @param startNanos when the call started
 * @param endNanos when it returned or threw
 * @param outcome what became of it
 * @param error the exception class of a failed call, else the empty string
 */
public record Operation(int process, int thread, Mode mode, Kind kind, int row, long version,
    long startNanos, long endNanos, Outcome outcome, String error) {

  /** The consistency mode of the repository a thread calls. */
  public enum Mode { NEAR, STRICT }

  /** A read or a write. */
  public enum Kind { READ, WRITE }

  /** What became of a call. */
  public enum Outcome {
    /** It returned: a read's version, or a write that changed the row. */
    OK,
    /** A write that returned 0 rows: the row already held a greater version. */
    UNCHANGED,
    /** It threw: a write may or may not have committed. */
    FAILED
  }

  public Operation {
    requireNonNull(mode, "mode");
    requireNonNull(kind, "kind");
    requireNonNull(outcome, "outcome");
    requireNonNull(error, "error");
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("an operation cannot end (" + endNanos
          + ") before it starts (" + startNanos + ")");
    }
  }

  /** A read that returned {@code version}. */
  public static Operation read(int process, int thread, Mode mode, int row, long version,
      long start, long end) {
    return new Operation(process, thread, mode, Kind.READ, row, version, start, end, Outcome.OK, "");
  }

  /** A write that set {@code version}. */
  public static Operation write(int process, int thread, Mode mode, int row, long version,
      long start, long end) {
    return new Operation(process, thread, mode, Kind.WRITE, row, version, start, end, Outcome.OK, "");
  }

  /** A failed call; a failed write may still have set {@code version}. */
  public static Operation failed(int process, int thread, Mode mode, Kind kind, int row,
      long version, long start, long end, String error) {
    return new Operation(process, thread, mode, kind, row, version, start, end, Outcome.FAILED, error);
  }
}
