package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import dev.larder.annotation.Isolation;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How {@link Larder#inTransaction(TransactionOptions, TransactionWork)} runs a unit of work:
 * isolation, read-only, and the retry policy. Immutable; each {@code with} method returns a copy.
 *
 * <p>Defaults, and why: at most 10 attempts within 30 s — a serialization failure under contention
 * usually clears in two or three, ten leaves room for hot rows without hiding a livelock; backoff
 * from 5 ms doubling to at most 500 ms with full jitter (a random sleep between zero and the
 * bound), which spreads colliding transactions apart better than a fixed delay; retried
 * SQLSTATEs {@code 40001} (serialization failure) and {@code 40P01} (deadlock), the two that
 * PostgreSQL documents as "retry the transaction".
 */
public final class TransactionOptions {
  /** SQLSTATE of a serialization failure. */
  public static final String SERIALIZATION_FAILURE = "40001";
  /** SQLSTATE of a detected deadlock. */
  public static final String DEADLOCK_DETECTED = "40P01";

  private static final TransactionOptions DEFAULTS = new TransactionOptions("transaction",
      Isolation.DEFAULT, false, 10, Duration.ofSeconds(30), Duration.ofMillis(5),
      Duration.ofMillis(500), Set.of(SERIALIZATION_FAILURE, DEADLOCK_DETECTED));

  private final String name;
  private final Isolation isolation;
  private final boolean readOnly;
  private final int maxAttempts;
  private final Duration deadline;
  private final Duration backoffBase;
  private final Duration backoffCap;
  private final Set<String> retryOn;

  private TransactionOptions(String name, Isolation isolation, boolean readOnly, int maxAttempts,
      Duration deadline, Duration backoffBase, Duration backoffCap, Set<String> retryOn) {
    this.name = name;
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.maxAttempts = maxAttempts;
    this.deadline = deadline;
    this.backoffBase = backoffBase;
    this.backoffCap = backoffCap;
    this.retryOn = Set.copyOf(retryOn);
  }

  /** The defaults described on this class, under the name {@code transaction}. */
  public static TransactionOptions defaults() {
    return DEFAULTS;
  }

  /** The defaults under a name, which statistics are kept by. */
  public static TransactionOptions named(String name) {
    return DEFAULTS.withName(name);
  }

  /**
   * Returns a copy with another name.
   *
   * @throws IllegalArgumentException if blank
   */
  public TransactionOptions withName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, backoffBase,
        backoffCap, retryOn);
  }

  /** Returns a copy with another isolation level. */
  public TransactionOptions withIsolation(Isolation isolation) {
    return new TransactionOptions(name, requireNonNull(isolation, "isolation"), readOnly,
        maxAttempts, deadline, backoffBase, backoffCap, retryOn);
  }

  /** Returns a copy that is read-only (or not): writes in it fail with SQLSTATE 25006. */
  public TransactionOptions withReadOnly(boolean readOnly) {
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, backoffBase,
        backoffCap, retryOn);
  }

  /**
   * Returns a copy allowing this many attempts in all (1 means no retry).
   *
   * @throws IllegalArgumentException if not between 1 and 1000
   */
  public TransactionOptions withMaxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 1000) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 1000 but was " + maxAttempts);
    }
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, backoffBase,
        backoffCap, retryOn);
  }

  /**
   * Returns a copy with another overall time budget: no attempt starts after it, and each
   * statement's timeout is what is left of it.
   *
   * @throws IllegalArgumentException if not positive
   */
  public TransactionOptions withDeadline(Duration deadline) {
    requireNonNull(deadline, "deadline");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("deadline must be positive but was " + deadline);
    }
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, backoffBase,
        backoffCap, retryOn);
  }

  /**
   * Returns a copy with another backoff: before attempt {@code n + 1} the transaction sleeps a
   * random time between zero and {@code min(cap, base * 2^(n-1))}.
   *
   * @throws IllegalArgumentException if {@code base} is negative or {@code cap} is below it
   */
  public TransactionOptions withBackoff(Duration base, Duration cap) {
    requireNonNull(base, "base");
    requireNonNull(cap, "cap");
    if (base.isNegative() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff base must be >= 0 and cap >= base but were " + base + " and " + cap);
    }
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, base, cap,
        retryOn);
  }

  /**
   * Returns a copy that also retries these SQLSTATEs, e.g. {@code 55P03} (lock not available).
   *
   * @throws IllegalArgumentException if a code is not five characters
   */
  public TransactionOptions withRetryOn(String... sqlStates) {
    Set<String> codes = new LinkedHashSet<>(retryOn);
    for (String code : sqlStates) {
      requireNonNull(code, "sqlState");
      if (code.length() != 5) {
        throw new IllegalArgumentException("a SQLSTATE has five characters but was '" + code + "'");
      }
      codes.add(code);
    }
    return new TransactionOptions(name, isolation, readOnly, maxAttempts, deadline, backoffBase,
        backoffCap, codes);
  }

  public String name() {
    return name;
  }

  public Isolation isolation() {
    return isolation;
  }

  public boolean readOnly() {
    return readOnly;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration deadline() {
    return deadline;
  }

  public Duration backoffBase() {
    return backoffBase;
  }

  public Duration backoffCap() {
    return backoffCap;
  }

  /** The SQLSTATEs that make the transaction run again. */
  public Set<String> retryOn() {
    return retryOn;
  }

  @Override
  public String toString() {
    return "TransactionOptions[" + name + ", " + isolation + (readOnly ? ", read-only" : "")
        + ", maxAttempts=" + maxAttempts + ", deadline=" + deadline + ", backoff=" + backoffBase
        + ".." + backoffCap + ", retryOn=" + List.copyOf(retryOn) + "]";
  }
}
