package dev.larder.runtime;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling Redis after a run of failures, so that an outage costs one timeout per cool-down
 * period instead of one per request. After the cool-down one probe call is let through; its
 * success closes the breaker and runs the recovery action (the caches drop what they may have
 * missed while Redis was away).
 */
final class CircuitBreaker {
  enum State { CLOSED, OPEN, HALF_OPEN }

  private final int failureThreshold;
  private final long coolDownNanos;
  private final LongSupplier clock;
  private final Runnable onRecovery;

  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong openUntil = new AtomicLong();
  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();

  CircuitBreaker(int failureThreshold, long coolDownNanos, LongSupplier clock, Runnable onRecovery) {
    this.failureThreshold = failureThreshold;
    this.coolDownNanos = coolDownNanos;
    this.clock = clock;
    this.onRecovery = onRecovery;
  }

  /** Whether a call may go to Redis now. */
  boolean allow() {
    if (!open.get()) {
      return true;
    }
    if (clock.getAsLong() - openUntil.get() >= 0 && probing.compareAndSet(false, true)) {
      return true; // the single probe of the half-open state
    }
    return false;
  }

  void success() {
    consecutiveFailures.set(0);
    if (open.get()) {
      open.set(false);
      probing.set(false);
      onRecovery.run();
    }
  }

  void failure() {
    if (open.get()) {
      openUntil.set(clock.getAsLong() + coolDownNanos);
      probing.set(false);
      return;
    }
    if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
      openUntil.set(clock.getAsLong() + coolDownNanos);
      open.set(true);
    }
  }

  State state() {
    if (!open.get()) {
      return State.CLOSED;
    }
    return probing.get() || clock.getAsLong() - openUntil.get() >= 0 ? State.HALF_OPEN : State.OPEN;
  }
}
