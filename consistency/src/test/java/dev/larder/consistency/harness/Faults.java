package dev.larder.consistency.harness;

import dev.larder.testing.FaultProxy;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario can act on while the workers run, and the timeline of what it did, in
 * milliseconds since the workers were told to go.
 */
final class Faults {
  final RedisServerProcess redis;
  final PostgresServer postgres;
  /** The proxy workers reach PostgreSQL through, or null. */
  final FaultProxy proxy;
  final long originNanos;
  final long durationMillis;
  private final List<String> timeline = new ArrayList<>();

  Faults(RedisServerProcess redis, PostgresServer postgres, FaultProxy proxy, long originNanos,
      long durationMillis) {
    this.redis = redis;
    this.postgres = postgres;
    this.proxy = proxy;
    this.originNanos = originNanos;
    this.durationMillis = durationMillis;
  }

  /** Sleeps until {@code millis} after the start. */
  void at(long millis) {
    Pauses.until(originNanos, millis);
  }

  /** Notes what just happened, with its time. */
  void note(String event) {
    timeline.add((System.nanoTime() - originNanos) / 1_000_000 + " ms: " + event);
  }

  List<String> timeline() {
    return List.copyOf(timeline);
  }
}
