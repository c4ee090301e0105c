package dev.larder.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where this process stands in the history of the Redis data set: its <em>epoch</em> (a marker
 * that changes when Redis loses its data or comes back with other data) and the number of the
 * last bump it applied. Every bump is numbered in Redis; a number the heartbeat saw whose message
 * has not arrived a whole period later, or more than {@link #MAXIMUM_AHEAD} messages past one
 * gap, mean that this process missed a bump, and it must forget every generation it holds ({@code
 * forget}), so that a lost message costs a reload, never a stale read. A gap alone is not a loss:
 * messages are handled on a pool of threads and may come in any order; until it closes, the
 * table does not count as reflecting the numbers past it ({@link #reflects}).
 *
 * <p>A baseline (the number from which every bump must arrive) is only ever taken from an answer
 * of Redis read <em>before</em> the generations are forgotten: after subscribing, or with the
 * answer that revealed a new epoch.
 */
final class BumpOrder {
  private static final Logger log = LoggerFactory.getLogger(BumpOrder.class);
  /** How many retired epochs are remembered, so that a late answer from one is not taken. */
  private static final int RETIRED_EPOCHS = 32;
  /**
   * How many messages numbered past a gap are held before the gap counts as a loss at once,
   * rather than at the next heartbeat.
   */
  static final int MAXIMUM_AHEAD = 1_024;

  private final Runnable forget;
  private final Deque<String> retired = new ArrayDeque<>();
  private volatile String epoch = TagGenerations.newToken();
  /**
   * Every bump of this epoch numbered up to this one has been applied; -1 until a baseline is
   * known. Messages can arrive out of order (Redisson hands them to its listeners on a pool of
   * threads), so the numbers applied past a gap wait in {@link #ahead} until it closes.
   */
  private long applied = -1;
  /** Numbers above {@code applied + 1} whose messages were applied already. */
  private final TreeSet<Long> ahead = new TreeSet<>();
  /** The bump number Redis had at the previous heartbeat; -1 when unknown. */
  private long previousHeartbeat = -1;
  /**
   * Every bump of this epoch numbered up to this one is reflected in the table: applied, or
   * forgotten with everything else; -1 when unknown. Moves only once the table shows it.
   */
  private long reflected = -1;
  final LongAdder missedDetected = new LongAdder();

  BumpOrder(Runnable forget) {
    this.forget = forget;
  }

  /** The epoch this process is in now. */
  String epoch() {
    return epoch;
  }

  /**
   * Takes the epoch of an answer of Redis. A new epoch retires the current one, takes the
   * answer's bump number as the baseline and forgets every generation; a retired one is refused
   * (an answer that was in flight when the data set changed), and so is everything read with it.
   *
   * @return whether results read with {@code marker} may be used
   */
  boolean accept(RedisLink.Marker marker) {
    String candidate = marker.epoch();
    if (candidate.equals(epoch)) {
      return true;
    }
    synchronized (this) {
      if (candidate.equals(epoch)) {
        return true;
      }
      if (retired.contains(candidate)) {
        return false;
      }
      retired.addLast(epoch);
      if (retired.size() > RETIRED_EPOCHS) {
        retired.removeFirst();
      }
      log.info("Redis data set changed (epoch {} -> {}); forgetting every tag generation",
          epoch, candidate);
      epoch = candidate;
      applied = marker.sequence();
      ahead.clear();
      previousHeartbeat = -1;
      reflected = -1;
      forget.run();
      reflected = applied;
      return true;
    }
  }

  /**
   * Checks the number of a bump message and, if it is of the current epoch, runs {@code apply}
   * (which applies it to the table) under this order's lock, so that {@link #reflects} never
   * vouches for a bump whose tags are still being applied.
   *
   * @return whether the message was of the current epoch and applied
   */
  synchronized boolean onBump(String messageEpoch, long sequence, Runnable apply) {
    if (!messageEpoch.equals(epoch)) {
      return false;
    }
    // Applied whatever its place: each tag keeps the newest number it saw, so an older message
    // arriving after a newer one changes nothing.
    apply.run();
    if (applied < 0) {
      return true;
    }
    if (sequence == applied + 1) {
      applied = sequence;
      takeContiguousAhead();
    } else if (sequence > applied + 1) {
      // A gap: the missing messages may be on their way behind this one. The heartbeat takes a
      // gap still open a whole period later for a loss; so many held at once is one now.
      ahead.add(sequence);
      if (ahead.size() > MAXIMUM_AHEAD) {
        missed(ahead.size() + " messages arrived past bump " + (applied + 1) + ", which did not");
        afterForgetting(ahead.last());
      }
    }
    reflected = Math.max(reflected, applied);
    return true;
  }

  /**
   * After the table was forgotten because of a loss: every bump numbered up to {@code newest}
   * (the highest number known to exist) ran in Redis before the table was forgotten, so it is
   * covered; the count goes on from there.
   */
  private void afterForgetting(long newest) {
    applied = Math.max(applied, newest);
    ahead.headSet(applied, true).clear();
    takeContiguousAhead();
    reflected = Math.max(reflected, applied);
  }

  /** Moves {@code applied} over the held numbers that now follow it without a gap. */
  private void takeContiguousAhead() {
    while (!ahead.isEmpty() && ahead.first() == applied + 1) {
      applied = ahead.pollFirst();
    }
  }

  /**
   * Whether the table reflects every bump up to the one {@code marker} (an answer of Redis)
   * numbers: it is of this epoch, and every bump numbered up to it was applied here or
   * forgotten with everything else.
   */
  synchronized boolean reflects(RedisLink.Marker marker) {
    return marker.epoch().equals(epoch) && reflected >= 0 && reflected >= marker.sequence();
  }

  /**
   * Called by the heartbeat with what Redis said. Bumps numbered at the previous heartbeat have
   * had a whole period to arrive; if one has not, it was lost.
   */
  void onHeartbeat(RedisLink.Marker marker) {
    if (!accept(marker)) {
      return;
    }
    synchronized (this) {
      if (!marker.epoch().equals(epoch)) {
        return;
      }
      if (applied < 0) {
        // No baseline yet: whatever was published before is unknown.
        forget.run();
        applied = marker.sequence();
        ahead.clear();
        reflected = applied;
      } else if (marker.sequence() < applied) {
        // An answer read before messages that were applied since: within one epoch the numbers
        // never go back (a data set whose sequence was lost or replaced is a new epoch), so this
        // says nothing new. Taking it for a loss forgot every generation, and then took the next
        // message for a gap: under steady writes, two full flushes every few seconds.
        previousHeartbeat = marker.sequence();
        return;
      } else if (previousHeartbeat > applied) {
        missed("bump " + (applied + 1) + " was announced a period ago but never arrived");
        afterForgetting(Math.max(marker.sequence(), ahead.isEmpty() ? -1 : ahead.last()));
      }
      previousHeartbeat = marker.sequence();
    }
  }

  /**
   * The subscription was lost or is new: whatever was published meanwhile is unknown, so every
   * generation is forgotten. {@code marker}, read after the subscription changed (null if Redis
   * did not answer), is the baseline: every bump numbered after it must arrive.
   */
  void subscriptionChanged(RedisLink.Marker marker) {
    synchronized (this) {
      applied = -1;
      ahead.clear();
      previousHeartbeat = -1;
      reflected = -1;
    }
    if (marker != null && accept(marker)) {
      synchronized (this) {
        if (marker.epoch().equals(epoch)) {
          applied = marker.sequence();
        }
      }
    }
    forget.run();
    synchronized (this) {
      // Everything before the baseline is forgotten now; bumps after it arrive as messages.
      if (applied >= 0 && marker != null && marker.epoch().equals(epoch)) {
        reflected = Math.max(reflected, marker.sequence());
      }
    }
  }

  private void missed(String why) {
    missedDetected.increment();
    log.info("missed invalidations ({}); forgetting every tag generation", why);
    forget.run();
  }
}
