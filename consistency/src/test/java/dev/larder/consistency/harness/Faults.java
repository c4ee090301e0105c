package dev.larder.consistency.harness;

import dev.larder.testing.FaultProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
  private final List<Long> listenersTerminated = new ArrayList<>();

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

  /** Milliseconds since the start. */
  long elapsedMillis() {
    return (System.nanoTime() - originNanos) / 1_000_000;
  }

  /** Notes what just happened, with its time. */
  void note(String event) {
    timeline.add(elapsedMillis() + " ms: " + event);
  }

  /**
   * Terminates the workers' LISTEN connections, notes how many, then waits until as many others
   * listen (or until {@code untilMillis} after the start) and notes how long that took.
   */
  void terminateListeners(long untilMillis) {
    Set<Integer> terminated = postgres.terminateListeners();
    long at = System.nanoTime();
    listenersTerminated.add((long) terminated.size());
    note("terminated " + terminated.size() + " LISTEN connections");
    long back = 0;
    while (back < terminated.size()) {
      if (elapsedMillis() >= untilMillis) {
        note("only " + back + " LISTEN connections back");
        return;
      }
      Pauses.sleep(50);
      // A terminated backend may still be listed for a moment: count only new ones.
      back = postgres.listeners().stream().filter(pid -> !terminated.contains(pid)).count();
    }
    note(back + " LISTEN connections back after about " + (System.nanoTime() - at) / 1_000_000
        + " ms");
  }

  /** How many LISTEN connections each {@link #terminateListeners} terminated. */
  List<Long> listenersTerminated() {
    return List.copyOf(listenersTerminated);
  }

  List<String> timeline() {
    return List.copyOf(timeline);
  }
}
