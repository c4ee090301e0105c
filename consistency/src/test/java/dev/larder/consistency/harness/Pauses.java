package dev.larder.consistency.harness;

/** Sleeping in the orchestrator's timeline, interruptible. */
final class Pauses {
  private Pauses() {}

  static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Sleeps until {@code millis} after {@code originNanos} (System.nanoTime). */
  static void until(long originNanos, long millis) {
    sleep(millis - (System.nanoTime() - originNanos) / 1_000_000);
  }
}
