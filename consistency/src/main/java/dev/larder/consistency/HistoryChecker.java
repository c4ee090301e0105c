package dev.larder.consistency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the stale reads of a multi-process history.
 *
 * <p>Every row starts at version {@value #INITIAL_VERSION} and a write only ever raises it. A read
 * R of row r that returned version v is <b>stale</b> when a write of r that changed it to a
 * version greater than v had <em>returned</em> before R started ({@code write.end < read.start}):
 * in real time the row already held more than v. Its <b>lag</b> is R's start minus the end of
 * the first such write to return, how long the newer version had been visible. A stale read is
 * <b>own-process</b> when one of those writes was made by the reader's process (read-your-writes
 * broken), <b>cross-process</b> otherwise.
 *
 * <p>Writes may also come from <b>outside writers</b>, processes that write the table without
 * Larder (plain JDBC; the cache learns of them only through database notifications). They are
 * set aside first: a read is judged as above against the writes of Larder processes alone, and
 * only a read that they leave fresh but an outside write makes stale is an <b>outside</b> stale
 * read, its lag counted from the first such outside write to return. So outside writes never
 * change the own and cross figures of a read that Larder's writes already made stale, and Larder
 * is never charged with the time a notification takes to arrive.
 *
 * <p>A write that threw may or may not have committed: it makes no read stale, but a read may
 * return its version. A read returning a version that no write of its row (successful or not)
 * ever tried to set is an <b>invented</b> value.
 *
 * <p>The history is iterated twice (writes, then reads), so it can be streamed from disk; memory
 * grows with the writes and the stale reads, not with all the reads.
 */
public final class HistoryChecker {
  /** The version every row holds before the run. */
  public static final long INITIAL_VERSION = 0;
  /** How many invented reads the result keeps as examples. */
  public static final int INVENTED_KEPT = 20;

  private HistoryChecker() {}

  /**
   * Checks a history in which every write was made through Larder.
   *
   * @param history every logged operation of every process; iterated twice
   * @param originNanos the start of the run, for the relative times of the report
   * @return figures per mode and per process
   */
  public static CheckResult check(Iterable<Operation> history, long originNanos) {
    return check(history, originNanos, Set.of());
  }

  /**
   * Checks a history in which some processes wrote without Larder.
   *
   * @param history every logged operation of every process; iterated twice
   * @param originNanos the start of the run, for the relative times of the report
   * @param outsideWriters the processes whose writes bypassed Larder
   * @return figures per mode and per process
   */
  public static CheckResult check(Iterable<Operation> history, long originNanos,
      Set<Integer> outsideWriters) {
    Map<Integer, RowWrites> larderByRow = new HashMap<>();
    Map<Integer, RowWrites> outsideByRow = new HashMap<>();
    Map<Long, RowWrites> byRowAndProcess = new HashMap<>();
    Map<Integer, Set<Long>> attempted = new HashMap<>();
    Map<Key, Tally> tallies = new TreeMap<>();
    for (Operation op : history) {
      if (op.kind() != Operation.Kind.WRITE) {
        continue;
      }
      Tally tally = tallies.computeIfAbsent(new Key(op.mode(), op.process()), k -> new Tally());
      switch (op.outcome()) {
        case OK -> {
          tally.writes++;
          tally.writeLatencies.add(op.endNanos() - op.startNanos());
          (outsideWriters.contains(op.process()) ? outsideByRow : larderByRow)
              .computeIfAbsent(op.row(), r -> new RowWrites()).add(op.version(), op.endNanos());
          byRowAndProcess.computeIfAbsent(rowAndProcess(op.row(), op.process()),
              k -> new RowWrites()).add(op.version(), op.endNanos());
          attempted.computeIfAbsent(op.row(), r -> new HashSet<>()).add(op.version());
        }
        case UNCHANGED -> tally.unchangedWrites++;
        case FAILED -> {
          tally.failedWrites++;
          tally.error(op.error());
          attempted.computeIfAbsent(op.row(), r -> new HashSet<>()).add(op.version());
        }
      }
    }
    larderByRow.values().forEach(RowWrites::seal);
    outsideByRow.values().forEach(RowWrites::seal);
    byRowAndProcess.values().forEach(RowWrites::seal);

    List<Operation> invented = new ArrayList<>();
    for (Operation op : history) {
      if (op.kind() != Operation.Kind.READ) {
        continue;
      }
      Tally tally = tallies.computeIfAbsent(new Key(op.mode(), op.process()), k -> new Tally());
      if (op.outcome() != Operation.Outcome.OK) {
        tally.failedReads++;
        tally.error(op.error());
        continue;
      }
      tally.reads++;
      if (op.version() != INITIAL_VERSION
          && !attempted.getOrDefault(op.row(), Set.of()).contains(op.version())) {
        tally.invented++;
        if (invented.size() < INVENTED_KEPT) {
          invented.add(op);
        }
      }
      long newerEnd = earliestNewerEndBefore(larderByRow.get(op.row()), op);
      if (newerEnd != Long.MAX_VALUE) {
        long lag = op.startNanos() - newerEnd;
        boolean ownProcess = earliestNewerEndBefore(
            byRowAndProcess.get(rowAndProcess(op.row(), op.process())), op) != Long.MAX_VALUE;
        tally.stale(op, lag, ownProcess ? Staleness.OWN : Staleness.CROSS);
        continue;
      }
      long outsideEnd = earliestNewerEndBefore(outsideByRow.get(op.row()), op);
      if (outsideEnd != Long.MAX_VALUE) {
        tally.stale(op, op.startNanos() - outsideEnd, Staleness.OUTSIDE);
      }
    }
    return summarize(tallies, invented, originNanos, outsideWriters);
  }

  /** {@link RowWrites#earliestNewerEndBefore} of a read, for writes that may not exist. */
  private static long earliestNewerEndBefore(RowWrites writes, Operation read) {
    return writes == null ? Long.MAX_VALUE
        : writes.earliestNewerEndBefore(read.version(), read.startNanos());
  }

  private static CheckResult summarize(Map<Key, Tally> tallies, List<Operation> invented,
      long originNanos, Set<Integer> outsideWriters) {
    Map<Operation.Mode, Tally> modes = new TreeMap<>();
    List<Figures> byProcess = new ArrayList<>();
    for (Map.Entry<Key, Tally> entry : tallies.entrySet()) {
      Key key = entry.getKey();
      byProcess.add(entry.getValue().figures(key.mode(), key.process(), originNanos));
      modes.computeIfAbsent(key.mode(), m -> new Tally()).merge(entry.getValue());
    }
    List<Figures> byMode = new ArrayList<>();
    modes.forEach((mode, tally) -> byMode.add(tally.figures(mode, null, originNanos)));
    return new CheckResult(List.copyOf(byMode), List.copyOf(byProcess), List.copyOf(invented),
        Set.copyOf(outsideWriters));
  }

  private static long rowAndProcess(int row, int process) {
    return ((long) row << 32) | (process & 0xffffffffL);
  }

  private record Key(Operation.Mode mode, int process) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byMode = mode.compareTo(other.mode);
      return byMode != 0 ? byMode : Integer.compare(process, other.process);
    }
  }

  /** Whose newer write a stale read missed. */
  private enum Staleness { OWN, CROSS, OUTSIDE }

  /** The running counts of one mode in one process (or, merged, in all). */
  private static final class Tally {
    long reads;
    long failedReads;
    long writes;
    long unchangedWrites;
    long failedWrites;
    long staleOwn;
    long invented;
    long ownLagMax;
    long firstStale = Long.MAX_VALUE;
    long lastStale = Long.MIN_VALUE;
    final LagSamples crossLags = new LagSamples();
    final LagSamples outsideLags = new LagSamples();
    final LagSamples writeLatencies = new LagSamples();
    final Map<String, Long> errors = new TreeMap<>();
    Operation worst;
    long worstLag = -1;

    void error(String type) {
      errors.merge(type, 1L, Long::sum);
    }

    void stale(Operation read, long lag, Staleness staleness) {
      switch (staleness) {
        case OWN -> {
          staleOwn++;
          ownLagMax = Math.max(ownLagMax, lag);
        }
        case CROSS -> crossLags.add(lag);
        case OUTSIDE -> {
          // Reported apart, not as one of the stale reads that Larder's protocol promises away.
          outsideLags.add(lag);
          return;
        }
      }
      firstStale = Math.min(firstStale, read.startNanos());
      lastStale = Math.max(lastStale, read.startNanos());
      if (lag > worstLag) {
        worstLag = lag;
        worst = read;
      }
    }

    void merge(Tally other) {
      reads += other.reads;
      failedReads += other.failedReads;
      writes += other.writes;
      unchangedWrites += other.unchangedWrites;
      failedWrites += other.failedWrites;
      staleOwn += other.staleOwn;
      invented += other.invented;
      ownLagMax = Math.max(ownLagMax, other.ownLagMax);
      firstStale = Math.min(firstStale, other.firstStale);
      lastStale = Math.max(lastStale, other.lastStale);
      crossLags.addAll(other.crossLags);
      outsideLags.addAll(other.outsideLags);
      writeLatencies.addAll(other.writeLatencies);
      other.errors.forEach((type, count) -> errors.merge(type, count, Long::sum));
      if (other.worstLag > worstLag) {
        worstLag = other.worstLag;
        worst = other.worst;
      }
    }

    Figures figures(Operation.Mode mode, Integer process, long originNanos) {
      boolean anyStale = firstStale != Long.MAX_VALUE;
      Figures.StaleRead worstRead = worst == null ? null : new Figures.StaleRead(worst.process(),
          worst.thread(), worst.row(), worst.version(), millis(worst.startNanos() - originNanos),
          millis(worstLag));
      return new Figures(mode, process, reads, failedReads, writes, unchangedWrites, failedWrites,
          staleOwn, crossLags.count(), millis(crossLags.percentile(0.50)),
          millis(crossLags.percentile(0.99)), millis(crossLags.percentile(0.999)),
          millis(crossLags.max()), millis(crossLags.percentileOf(reads, 0.99)),
          millis(crossLags.percentileOf(reads, 0.999)), millis(ownLagMax), outsideLags.count(),
          millis(outsideLags.percentile(0.50)), millis(outsideLags.percentile(0.99)),
          millis(outsideLags.max()),
          anyStale ? millis(firstStale - originNanos) : null,
          anyStale ? millis(lastStale - originNanos) : null, invented,
          java.util.Collections.unmodifiableMap(new TreeMap<>(errors)), worstRead,
          millis(writeLatencies.percentile(0.50)), millis(writeLatencies.percentile(0.99)),
          millis(writeLatencies.max()));
    }

    private static double millis(long nanos) {
      return Math.round(nanos / 1_000.0) / 1_000.0;
    }
  }
}
