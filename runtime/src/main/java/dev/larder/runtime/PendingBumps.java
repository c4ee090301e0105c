package dev.larder.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bumps of this process that Redis has not taken: those on their way (in flight) and those
 * it refused (sent again later). While a tag has one, Redis still holds the generation the bump
 * replaced, so neither this process's reads nor its strict checks may take Redis's word for it.
 * Refused bumps are bounded; past the bound a flag stands for all of them, and the recovery
 * starts a new epoch instead of resending each.
 */
final class PendingBumps {
  private static final Logger log = LoggerFactory.getLogger(PendingBumps.class);

  private final int maximum;
  /** Refused bumps, each with the number of its latest refusal. */
  private final Map<String, Long> refused = new ConcurrentHashMap<>();
  private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();
  private final AtomicLong numbers = new AtomicLong();
  private final AtomicLong overflows = new AtomicLong();
  private volatile boolean overflow;

  PendingBumps(int maximum) {
    this.maximum = maximum;
  }

  void sending(List<String> tags) {
    for (String tag : tags) {
      inFlight.merge(tag, 1, Integer::sum);
    }
  }

  void sent(List<String> tags) {
    for (String tag : tags) {
      inFlight.computeIfPresent(tag, (t, count) -> count == 1 ? null : count - 1);
    }
  }

  void refused(List<String> tags) {
    for (String tag : tags) {
      if (refused.size() >= maximum && !refused.containsKey(tag)) {
        if (!overflow) {
          log.warn("more than {} invalidations could not reach Redis; every cached entry will be"
              + " invalidated when it answers again", maximum);
        }
        overflows.incrementAndGet();
        overflow = true;
      } else {
        refused.put(tag, numbers.incrementAndGet());
      }
    }
  }

  /** Whether Redis may still hold a generation that a bump of this process replaced. */
  boolean contains(String tag) {
    return overflow
        || (!refused.isEmpty() && refused.containsKey(tag))
        || (!inFlight.isEmpty() && inFlight.containsKey(tag));
  }

  boolean containsAny(List<String> tags) {
    if (overflow) {
      return true;
    }
    if (refused.isEmpty() && inFlight.isEmpty()) {
      return false;
    }
    for (String tag : tags) {
      if (contains(tag)) {
        return true;
      }
    }
    return false;
  }

  /** The refused bumps now, with their numbers. */
  Map<String, Long> refusedNow() {
    return Map.copyOf(refused);
  }

  /** The number of the latest refusal of {@code tag}, or null. */
  Long refusal(String tag) {
    return refused.get(tag);
  }

  /** Forgets a refused bump that was resent, unless it was refused again since. */
  void resent(String tag, long number) {
    refused.remove(tag, number);
  }

  boolean overflowed() {
    return overflow;
  }

  /** Marks every tag pending, as when an invalidation of everything could not be sent. */
  void overflow() {
    overflows.incrementAndGet();
    overflow = true;
  }

  /** Identifies the overflows so far, for {@link #overflowResolved}. */
  long overflowMark() {
    return overflows.get();
  }

  /** A new epoch covered the overflow: lowers the flag unless another overflow came since. */
  synchronized void overflowResolved(long mark) {
    if (overflows.get() == mark) {
      overflow = false;
    }
  }

  boolean isEmpty() {
    return refused.isEmpty() && !overflow;
  }

  int count() {
    return refused.size() + (overflow ? 1 : 0);
  }
}
