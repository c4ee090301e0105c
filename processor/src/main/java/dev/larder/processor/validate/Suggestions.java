package dev.larder.processor.validate;

import java.util.List;
import java.util.Locale;

/** "Did you mean" hints: the closest known name by edit distance, when it is close enough. */
final class Suggestions {
  private Suggestions() {}

  /** Returns "; did you mean 'x'?" or an empty string. */
  static String didYouMean(String wrong, List<String> candidates) {
    String best = closest(wrong, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The candidate closest to {@code wrong}, ignoring case, or null if none is close enough. */
  static String closest(String wrong, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(wrong.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best == null || bestDistance > Math.max(2, wrong.length() / 3) ? null : best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
