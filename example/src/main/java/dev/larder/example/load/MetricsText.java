package dev.larder.example.load;

/**
 * Sums samples out of Prometheus text exposition: the cache counters and pool gauges of a
 * service under test, whichever of the two stacks exposes them.
 */
final class MetricsText {
  private final String text;

  MetricsText(String text) {
    this.text = text;
  }

  /**
   * The sum of the samples of {@code name} whose labels contain {@code labelFilter} (or all of
   * them when it is empty).
   */
  double sum(String name, String labelFilter) {
    double sum = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      String series = line.substring(0, space);
      boolean sameName = series.equals(name) || series.startsWith(name + "{");
      if (sameName && series.contains(labelFilter)) {
        sum += Double.parseDouble(line.substring(space + 1));
      }
    }
    return sum;
  }

  /** Cache hits, of either stack (Larder's both levels, or Spring Cache's gets that hit). */
  double cacheHits() {
    return sum("larder_cache_hits_total", "") + sum("cache_gets_total", "result=\"hit\"");
  }

  /** Cache misses, of either stack. */
  double cacheMisses() {
    return sum("larder_cache_misses_total", "") + sum("cache_gets_total", "result=\"miss\"");
  }

  /** Connections borrowed from the pool right now. */
  double poolActive() {
    return sum("larder_pool_connections", "state=\"active\"") + sum("hikaricp_connections_active", "");
  }
}
