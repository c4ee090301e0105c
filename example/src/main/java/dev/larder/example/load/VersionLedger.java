package dev.larder.example.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stale-read check. Each write of a product returns the product's new version; the ledger
 * keeps, per product, the last few versions written with the moment their response came back. A
 * read that began at {@code t} and returned version {@code v} is stale if some write whose
 * response came back before {@code t} had returned a version greater than {@code v}.
 */
final class VersionLedger {
  private static final int KEPT = 16;

  private final ConcurrentHashMap<Long, History> histories = new ConcurrentHashMap<>();
  private final AtomicLong stale = new AtomicLong();
  private final AtomicLong staleOutsideWindow = new AtomicLong();
  private final AtomicLong maxLagNanos = new AtomicLong();
  private final long windowNanos;

  /** @param windowNanos how old a replaced version may be and still count as inside the stated window */
  VersionLedger(long windowNanos) {
    this.windowNanos = windowNanos;
  }

  /** Records that a write of {@code id} returned {@code version} at {@code completedNanos}. */
  void written(long id, long version, long completedNanos) {
    histories.computeIfAbsent(id, k -> new History()).add(version, completedNanos);
  }

  /** Checks a read of {@code id} that began at {@code startedNanos} and returned {@code version}. */
  void read(long id, long version, long startedNanos) {
    History history = histories.get(id);
    if (history == null) {
      return;
    }
    long replacedAt = history.firstNewerCompletedBefore(version, startedNanos);
    if (replacedAt != Long.MIN_VALUE) {
      stale.incrementAndGet();
      long lag = startedNanos - replacedAt;
      maxLagNanos.accumulateAndGet(lag, Math::max);
      if (lag > windowNanos) {
        staleOutsideWindow.incrementAndGet();
      }
    }
  }

  /** Forgets every count (not the versions), at the start of the measured window. */
  void resetCounts() {
    stale.set(0);
    staleOutsideWindow.set(0);
    maxLagNanos.set(0);
  }

  long stale() {
    return stale.get();
  }

  long staleOutsideWindow() {
    return staleOutsideWindow.get();
  }

  long maxLagMicros() {
    return maxLagNanos.get() / 1_000;
  }

  /** The last {@value #KEPT} versions written of one product. */
  private static final class History {
    private final long[] versions = new long[KEPT];
    private final long[] completed = new long[KEPT];
    private int next;

    synchronized void add(long version, long completedNanos) {
      versions[next % KEPT] = version;
      completed[next % KEPT] = completedNanos;
      next++;
    }

    /**
     * The earliest completion, before {@code before}, of a write that returned a version newer
     * than {@code version}; {@link Long#MIN_VALUE} if none.
     */
    synchronized long firstNewerCompletedBefore(long version, long before) {
      long earliest = Long.MIN_VALUE;
      for (int i = 0; i < Math.min(next, KEPT); i++) {
        if (versions[i] > version && completed[i] - before < 0
            && (earliest == Long.MIN_VALUE || completed[i] - earliest < 0)) {
          earliest = completed[i];
        }
      }
      return earliest;
    }
  }
}
