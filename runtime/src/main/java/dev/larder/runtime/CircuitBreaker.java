package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Stops calling Redis after a run of failures, so that an outage costs one timeout per cool-down
 * period instead of one per request. After the cool-down one probe call is let through; its
 * success closes the breaker. The listener hears of both transitions: opening (the caches stop
 * trusting what they hold) and closing (they drop what they may have missed while Redis was
 * away). The listener must not block: it runs on the thread whose call changed the state.
 *
 * <p>The listener may be named after construction ({@link #listen}): the one that listens to the
 * breaker of a Redis link needs that link, and so is built after it.
 */
final class CircuitBreaker {
  enum State { CLOSED, OPEN, HALF_OPEN }

  /** Hears the breaker open and close. */
  interface Listener {
    void opened();

    void closed();
  }

  /** Hears nothing: the listener of a breaker until {@link #listen} names one. */
  private static final Listener NONE = new Listener() {
    @Override
    public void opened() {}

    @Override
    public void closed() {}
  };

  private final int failureThreshold;
  private final long coolDownNanos;
  private final LongSupplier clock;
  private volatile Listener listener;

  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong openUntil = new AtomicLong();
  private final AtomicBoolean open = new AtomicBoolean();
  private final AtomicBoolean probing = new AtomicBoolean();
  /** When the breaker last opened, on its clock. */
  private volatile long openedAt;

  /** A breaker whose listener is named later, with {@link #listen}. */
  CircuitBreaker(int failureThreshold, long coolDownNanos, LongSupplier clock) {
    this(failureThreshold, coolDownNanos, clock, NONE);
  }

  CircuitBreaker(int failureThreshold, long coolDownNanos, LongSupplier clock, Listener listener) {
    this.failureThreshold = failureThreshold;
    this.coolDownNanos = coolDownNanos;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Names the listener of a breaker built without one, before the first call through it.
   *
   * @throws IllegalStateException if the breaker has a listener already
   */
  void listen(Listener listener) {
    requireNonNull(listener, "listener");
    synchronized (this) {
      if (this.listener != NONE) {
        throw new IllegalStateException("the circuit breaker has a listener already");
      }
      this.listener = listener;
    }
  }

  /** Whether a call may go to Redis now. */
  boolean allow() {
    if (!open.get()) {
      return true;
    }
    // the single probe of the half-open state
    return clock.getAsLong() - openUntil.get() >= 0 && probing.compareAndSet(false, true);
  }

  /**
   * Ends a call that gave no verdict on Redis (the caller was interrupted): a half-open probe is
   * released, so that the next call may probe again, and nothing is counted.
   */
  void abandon() {
    if (open.get()) {
      probing.set(false);
    }
  }

  void success() {
    consecutiveFailures.set(0);
    if (open.compareAndSet(true, false)) {
      probing.set(false);
      listener.closed();
    }
  }

  void failure() {
    if (open.get()) {
      openUntil.set(clock.getAsLong() + coolDownNanos);
      probing.set(false);
      return;
    }
    if (consecutiveFailures.incrementAndGet() >= failureThreshold) {
      trip();
    }
  }

  /** Opens the breaker at once, as when Redis is known to be unreachable; no-op when open. */
  synchronized void trip() {
    if (!open.get()) {
      openedAt = clock.getAsLong();
      openUntil.set(openedAt + coolDownNanos);
      probing.set(false);
      open.set(true);
      listener.opened();
    }
  }

  /** Whether the breaker is open and has been for at least {@code nanos}. */
  boolean openFor(long nanos) {
    return open.get() && clock.getAsLong() - openedAt >= nanos;
  }

  State state() {
    if (!open.get()) {
      return State.CLOSED;
    }
    return probing.get() || clock.getAsLong() - openUntil.get() >= 0 ? State.HALF_OPEN : State.OPEN;
  }
}
