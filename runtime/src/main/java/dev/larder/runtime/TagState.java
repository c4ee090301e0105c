package dev.larder.runtime;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The current generation of one tag in this process, and every transition of it, each under the
 * state's lock. {@link #current} is null while unknown and {@link #DEAD} once the state left the
 * table; a dead state never holds a generation again, so every entry that refers to it is
 * invalid for good. The other fields order what is applied by the bump numbers of Redis: a
 * message older than what the state reflects (the late echo of a bump this process has bumped
 * again since) must not put an older token back, or entries stamped with it in Redis would
 * validate again.
 */
final class TagState {
  /**
   * One generation of one tag; compared by identity in the in-process cache. It also remembers
   * when Redis last vouched for its token, so that a read in the default mode can tell whether
   * this process may have missed a bump that another process made (see {@link
   * LarderBuilder#maxStaleness}).
   */
  static final class Generation {
    static final long NEVER = Long.MIN_VALUE;

    private final String token;
    /** Clock millis taken before the newest Redis answer that held this token; NEVER if none. */
    private volatile long confirmedAt = NEVER;

    Generation(String token) {
      this.token = token;
    }

    String token() {
      return token;
    }

    /**
     * Records that Redis held this token in an answer to a call that started at {@code
     * millis}. A race between two confirmations may keep the older time: that only makes the
     * next read ask Redis again.
     */
    void confirmedAt(long millis) {
      if (confirmedAt == NEVER || millis - confirmedAt > 0) {
        confirmedAt = millis;
      }
    }

    /**
     * Whether Redis vouched for this token less than {@code windowMillis} before {@code now}:
     * every bump that returned before then is known to this process. A clock that went back
     * confirms nothing.
     */
    boolean confirmedWithin(long now, long windowMillis) {
      return within(confirmedAt, now, windowMillis);
    }

    /**
     * Whether {@code at} (clock millis, {@link #NEVER} for never) lies less than {@code
     * windowMillis} before {@code now}; a time after {@code now} (the clock went back) does not.
     */
    static boolean within(long at, long now, long windowMillis) {
      if (at == NEVER) {
        return false;
      }
      long age = now - at;
      return age >= 0 && age < windowMillis;
    }

    @Override
    public String toString() {
      return token;
    }
  }

  /** Held by a state that left the table; no entry stamped before can be valid again. */
  static final Generation DEAD = new Generation("dead");

  volatile Generation current;
  /** The number of the newest bump the current generation reflects; -1 when unknown. */
  private long sequence = -1;
  /** Bumps of this process sent to Redis on this state and not answered yet. */
  private int inFlight;
  /** While some are in flight: the newest bump Redis confirmed or announced, and its token. */
  private long newestSequence = -1;
  private String newestToken;
  /** While some are in flight: whether Redis refused one of them. */
  private boolean refused;

  /**
   * Takes {@code offered} as the generation unless one is held already (a bump may have landed
   * since Redis answered, and the table must never go back) or the state is dead. Returns the
   * generation to stamp: the held object when the tokens agree (or, {@code localOnly}, when
   * there is no Redis to disagree with), else {@code offered}, detached: it never validates.
   */
  synchronized Generation adopt(Generation offered, boolean localOnly, long answerSequence) {
    Generation held = current;
    if (held == DEAD) {
      return offered; // detached: the state left the table during the round trip
    }
    if (held == null) {
      current = offered;
      sequence = Math.max(sequence, answerSequence);
      return offered;
    }
    if (held.token().equals(offered.token())) {
      sequence = Math.max(sequence, answerSequence);
      return held;
    }
    return localOnly ? held : offered;
  }

  /**
   * Makes {@code provisional} current for a bump of this process, counted in flight when
   * {@code sent}. False when the state is dead: the table holds (or will create) a live one.
   */
  synchronized boolean bump(Generation provisional, boolean sent) {
    if (current == DEAD) {
      return false;
    }
    current = provisional;
    if (sent) {
      inFlight++;
    }
    return true;
  }

  /**
   * Ends a bump in flight: {@code confirmed} is its token in Redis, or null if Redis refused it.
   * Once no bump is in flight and none was refused, the newest generation Redis holds replaces
   * the provisional one.
   *
   * @return whether the state died meanwhile while Redis took the bump: the live state of the
   *     tag should settle on it instead
   */
  synchronized boolean answered(String confirmed, long answerSequence) {
    inFlight--;
    if (confirmed == null) {
      refused = true;
    } else if (answerSequence > newestSequence) {
      newestSequence = answerSequence;
      newestToken = confirmed;
    }
    if (inFlight > 0) {
      return false;
    }
    if (current != DEAD && !refused && newestSequence > sequence) {
      current = new Generation(newestToken);
      sequence = newestSequence;
    }
    newestSequence = -1;
    newestToken = null;
    refused = false;
    return current == DEAD && confirmed != null;
  }

  /**
   * Takes a generation Redis holds for a bump of this process, if it is newer than what the
   * state reflects, no bump is in flight and {@code stillValid} (asked under the lock) holds.
   */
  synchronized void settle(String token, long answerSequence, BooleanSupplier stillValid) {
    if (current == DEAD || inFlight > 0 || answerSequence <= sequence
        || !stillValid.getAsBoolean()) {
      return;
    }
    current = new Generation(token);
    sequence = answerSequence;
  }

  /**
   * Applies a bump announced on the channel, unless the state already reflects a newer one.
   * While a bump of this process is in flight, or {@code pending} (asked under the lock) says one
   * was refused, the announced token cannot be trusted (it may be older, in Redis, than this
   * process's write), so the state takes a new provisional generation instead: what was stamped
   * before the announced write dies either way.
   */
  synchronized void announced(String token, long announcedSequence, BooleanSupplier pending,
      Supplier<Generation> provisional) {
    Generation held = current;
    if (held == DEAD || announcedSequence <= sequence) {
      return;
    }
    if (inFlight > 0) {
      if (announcedSequence > newestSequence) {
        newestSequence = announcedSequence;
        newestToken = token;
      }
      current = provisional.get();
      return;
    }
    sequence = announcedSequence;
    if (pending.getAsBoolean()) {
      // Recorded, so that an older bump of this process settling later does not go back.
      current = provisional.get();
    } else if (held == null || !held.token().equals(token)) {
      current = new Generation(token);
    }
  }

  /** Marks the state dead; under the lock, so that no transition that checked can revive it. */
  synchronized void kill() {
    current = DEAD;
  }
}
