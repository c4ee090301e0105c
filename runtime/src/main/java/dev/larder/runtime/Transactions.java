package dev.larder.runtime;

import dev.larder.annotation.Isolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work in transactions bound to the calling thread, retrying the outermost one on
 * the configured SQLSTATEs with exponential backoff and full jitter. Tags invalidated inside are
 * collected and handed to {@code bump} once, after the commit that made the writes visible; a
 * rolled-back attempt hands over nothing.
 */
final class Transactions {
  private static final Logger log = LoggerFactory.getLogger(Transactions.class);

  /** The transaction of one thread. */
  static final class Context {
    final Handle handle;
    final Set<String> pendingTags = new LinkedHashSet<>();

    Context(Handle handle) {
      this.handle = handle;
    }
  }

  static final class Counters {
    final LongAdder total = new LongAdder();
    final LongAdder committed = new LongAdder();
    final LongAdder rolledBack = new LongAdder();
    final LongAdder retries = new LongAdder();
    final LongAdder deadlocks = new LongAdder();
    final LongAdder serializationFailures = new LongAdder();

    TransactionStats snapshot() {
      return new TransactionStats(total.sum(), committed.sum(), rolledBack.sum(), retries.sum(),
          deadlocks.sum(), serializationFailures.sum());
    }
  }

  private final Jdbi jdbi;
  private final Consumer<List<String>> bump;
  private final ThreadLocal<Context> current = new ThreadLocal<>();
  /**
   * How many threads are inside a transaction of this runtime: while none is, a cached read
   * needs no thread-local lookup to know that it is not in one (the common case of a hit).
   */
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, Counters> counters = new ConcurrentHashMap<>();
  private final List<BiConsumer<String, Counters>> listeners =
      new CopyOnWriteArrayList<>();

  /**
   * @param jdbi what transactions open their handles on
   * @param bump invalidates tags now, in this process and through Redis in the others
   */
  Transactions(Jdbi jdbi, Consumer<List<String>> bump) {
    this.jdbi = jdbi;
    this.bump = bump;
  }

  /** The calling thread's transaction, or null. */
  Context current() {
    // A thread counts itself before it sets its transaction, and sees its own count.
    return open.get() == 0 ? null : current.get();
  }

  /**
   * Invalidates {@code tags} when the calling thread's writes become visible: after the commit
   * of its transaction (on rollback, never), or at once outside a transaction.
   */
  void invalidate(List<String> tags) {
    Context transaction = current.get();
    if (transaction != null) {
      transaction.pendingTags.addAll(tags);
    } else {
      bump.accept(tags);
    }
  }

  private void enter(Context context) {
    open.incrementAndGet();
    current.set(context);
  }

  /** Ends the calling thread's transaction, once: a second call does nothing. */
  private void leave() {
    if (current.get() != null) {
      current.remove();
      open.decrementAndGet();
    }
  }

  <T> T run(TransactionOptions options, TransactionWork<T> work) {
    Context outer = current.get();
    if (outer != null) {
      return work.run(outer.handle); // join: only the outermost transaction retries
    }
    Counters stats = counters.computeIfAbsent(options.name(), n -> {
      Counters created = new Counters();
      listeners.forEach(listener -> listener.accept(n, created));
      return created;
    });
    stats.total.increment();
    long deadline = System.nanoTime() + options.deadline().toNanos();
    List<RuntimeException> failures = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Handle handle = jdbi.open();
      Context context = new Context(handle);
      boolean committing = false;
      try {
        begin(handle, options, deadline);
        enter(context);
        T result = work.run(handle);
        committing = true;
        handle.commit();
        leave();
        stats.committed.increment();
        if (!context.pendingTags.isEmpty()) {
          bump.accept(List.copyOf(context.pendingTags));
        }
        return result;
      } catch (RuntimeException | Error failure) {
        leave();
        rollbackQuietly(handle, failure);
        if (committing && !context.pendingTags.isEmpty()) {
          // The COMMIT was sent but its outcome is unknown (or it failed): bumping is always
          // safe, missing the bump of a commit that did happen is a stale read.
          bumpQuietly(context.pendingTags, failure);
        }
        if (failure instanceof Error error) {
          stats.rolledBack.increment();
          throw error;
        }
        RuntimeException cause = (RuntimeException) failure;
        String state = RepositoryException.sqlStateOf(cause);
        if (TransactionOptions.DEADLOCK_DETECTED.equals(state)) {
          stats.deadlocks.increment();
        } else if (TransactionOptions.SERIALIZATION_FAILURE.equals(state)) {
          stats.serializationFailures.increment();
        }
        if (state == null || !options.retryOn().contains(state)) {
          stats.rolledBack.increment();
          failures.forEach(cause::addSuppressed);
          throw cause;
        }
        long pause = backoff(options, attempt);
        String exhausted = attempt >= options.maxAttempts()
            ? "its " + options.maxAttempts() + " attempts are used up"
            : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) - deadline >= 0
                ? "its deadline of " + options.deadline() + " has passed" : null;
        if (exhausted != null) {
          stats.rolledBack.increment();
          TransactionFailedException gaveUp = new TransactionFailedException("transaction '"
              + options.name() + "' failed " + attempt + " time" + (attempt == 1 ? "" : "s")
              + " with retryable errors (last SQLSTATE " + state + ") and " + exhausted
              + "; earlier failures are attached as suppressed exceptions", attempt, cause);
          failures.forEach(gaveUp::addSuppressed);
          throw gaveUp;
        }
        failures.add(cause);
        stats.retries.increment();
        log.debug("transaction '{}' attempt {} failed with SQLSTATE {}; retrying in {} ms",
            options.name(), attempt, state, pause);
        sleep(pause);
      } finally {
        handle.close();
      }
    }
  }

  private void bumpQuietly(Set<String> tags, Throwable failure) {
    try {
      bump.accept(List.copyOf(tags));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static void begin(Handle handle, TransactionOptions options, long deadline) {
    if (options.isolation() != Isolation.DEFAULT) {
      handle.setTransactionIsolationLevel(switch (options.isolation()) {
        case READ_COMMITTED -> TransactionIsolationLevel.READ_COMMITTED;
        case REPEATABLE_READ -> TransactionIsolationLevel.REPEATABLE_READ;
        case SERIALIZABLE -> TransactionIsolationLevel.SERIALIZABLE;
        case DEFAULT -> throw new AssertionError();
      });
    }
    handle.setReadOnly(options.readOnly());
    handle.begin();
    // No statement may outlive the transaction's deadline.
    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    handle.execute("SET LOCAL statement_timeout = " + left);
  }

  private static void rollbackQuietly(Handle handle, Throwable failure) {
    try {
      if (handle.isInTransaction()) {
        handle.rollback();
      }
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Full jitter: a random pause between zero and {@code min(cap, base * 2^(attempt-1))}. */
  static long backoff(TransactionOptions options, int attempt) {
    long base = options.backoffBase().toMillis();
    long cap = options.backoffCap().toMillis();
    long bound = attempt >= 31 ? cap : Math.min(cap, base << (attempt - 1));
    return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LarderException("interrupted while waiting to retry a transaction", e);
    }
  }

  /** Calls {@code listener} for every transaction name known now and every one seen later. */
  void onEachName(BiConsumer<String, Counters> listener) {
    listeners.add(listener);
    counters.forEach(listener);
  }

  Map<String, TransactionStats> stats() {
    Map<String, TransactionStats> out = new TreeMap<>();
    counters.forEach((name, c) -> out.put(name, c.snapshot()));
    return out;
  }
}
