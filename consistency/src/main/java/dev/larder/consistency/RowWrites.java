package dev.larder.consistency;

import java.util.Arrays;

/**
 * The successful writes of one row (or of one row by one process), ordered by version, answering
 * "did a write newer than version v end before time t, and which one ended first?" in O(log n).
 *
 * <p>Writes only ever raise a row's version, so the order of versions is the order of commits.
 */
final class RowWrites {
  private long[] versions = new long[4];
  private long[] ends = new long[4];
  private int size;
  /** earliestEnd[i] = the smallest end among writes i..size-1; built by {@link #seal()}. */
  private long[] earliestEnd;

  void add(long version, long endNanos) {
    if (size == versions.length) {
      versions = Arrays.copyOf(versions, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    versions[size] = version;
    ends[size] = endNanos;
    size++;
    earliestEnd = null;
  }

  void seal() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(versions[a], versions[b]));
    long[] v = new long[size];
    long[] e = new long[size];
    for (int i = 0; i < size; i++) {
      v[i] = versions[order[i]];
      e[i] = ends[order[i]];
    }
    versions = v;
    ends = e;
    earliestEnd = new long[size + 1];
    earliestEnd[size] = Long.MAX_VALUE;
    for (int i = size - 1; i >= 0; i--) {
      earliestEnd[i] = Math.min(e[i], earliestEnd[i + 1]);
    }
  }

  /**
   * The end of the first write to end among those that set a version greater than {@code version}
   * and ended before {@code readStart}; {@link Long#MAX_VALUE} when there is none (the read is
   * not stale with respect to these writes).
   */
  long earliestNewerEndBefore(long version, long readStart) {
    int lo = 0;
    int hi = size;
    while (lo < hi) { // first index whose version is > version
      int mid = (lo + hi) >>> 1;
      if (versions[mid] <= version) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    long earliest = earliestEnd[lo];
    return earliest < readStart ? earliest : Long.MAX_VALUE;
  }
}
