package dev.larder.consistency;

import java.util.Arrays;

/** The lags of stale reads, in nanoseconds, with exact nearest-rank percentiles. */
final class LagSamples {
  private long[] values = new long[16];
  private int size;
  private boolean sorted = true;

  void add(long lagNanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = lagNanos;
    sorted = false;
  }

  void addAll(LagSamples other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  int count() {
    return size;
  }

  /**
   * The smallest lag that at least {@code fraction} of the samples do not exceed; 0 without
   * samples.
   */
  long percentile(double fraction) {
    if (size == 0) {
      return 0;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    int rank = (int) Math.ceil(fraction * size);
    return values[Math.max(0, Math.min(size, rank) - 1)];
  }

  /**
   * The percentile over a population of which these samples are the stale part and every other
   * member has no lag: {@code population - count()} zeros before the samples.
   */
  long percentileOf(long population, double fraction) {
    if (size == 0 || population <= 0) {
      return 0;
    }
    long rank = (long) Math.ceil(fraction * population);
    long zeros = Math.max(0, population - size);
    if (rank <= zeros) {
      return 0;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    return values[(int) Math.min(size - 1, rank - zeros - 1)];
  }

  long max() {
    return percentile(1.0);
  }
}
