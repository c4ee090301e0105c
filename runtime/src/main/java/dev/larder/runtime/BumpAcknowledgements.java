package dev.larder.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Counts the confirmations that processes applied a bump of this one, so that a write can wait,
 * for a bounded time, until every process that received its bump has dropped what the write
 * replaced. Without the wait, another process serves the replaced value from its in-process
 * cache until the pub/sub message is delivered and handled there, which on a busy machine takes
 * tens of milliseconds; with it, a write returns once that is done (or the wait is over).
 *
 * <p>A confirmation may arrive before the writer starts waiting for it (the receivers can be
 * faster than the reply to the writer), so arrivals are counted under the bump's name whether or
 * not anyone waits yet. Counts nobody collects expire; the table is bounded.
 */
final class BumpAcknowledgements {

  /** Confirmations of one bump; the writer waits on it. */
  private static final class Count {
    private long arrived;

    synchronized void arrive() {
      arrived++;
      notifyAll();
    }

    /** Waits until {@code expected} arrived or the deadline passed; whether they all did. */
    synchronized boolean await(long expected, long deadlineNanos) throws InterruptedException {
      while (arrived < expected) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  private final Cache<String, Count> counts = Caffeine.newBuilder()
      .maximumSize(10_000)
      .expireAfterWrite(Duration.ofSeconds(30))
      .build();

  /** Records that a process applied the bump numbered {@code sequence} of {@code epoch}. */
  void arrived(String epoch, long sequence) {
    counts.get(name(epoch, sequence), n -> new Count()).arrive();
  }

  /**
   * Waits until {@code expected} processes confirmed the bump, at most {@code timeout}.
   *
   * @return whether they all did in time (false too when the thread was interrupted)
   */
  boolean await(String epoch, long sequence, long expected, Duration timeout) {
    String name = name(epoch, sequence);
    Count count = counts.get(name, n -> new Count());
    try {
      return count.await(expected, System.nanoTime() + timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      counts.invalidate(name);
    }
  }

  private static String name(String epoch, long sequence) {
    return epoch + '/' + sequence;
  }
}
