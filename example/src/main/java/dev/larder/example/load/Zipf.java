package dev.larder.example.load;

import java.util.SplittableRandom;

/**
 * Draws ranks 1..n with probability proportional to 1/rank^s (a Zipf law), by binary search in a
 * precomputed cumulative table: a few popular products take most of the traffic, as in a shop.
 */
final class Zipf {
  private final double[] cumulative;

  Zipf(int n, double exponent) {
    cumulative = new double[n];
    double sum = 0;
    for (int rank = 1; rank <= n; rank++) {
      sum += 1 / Math.pow(rank, exponent);
      cumulative[rank - 1] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
  }

  /** A rank from 1 to n. */
  int next(SplittableRandom random) {
    double u = random.nextDouble();
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] < u) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low + 1;
  }
}
