package dev.larder.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.larder.runtime.TagState.Generation;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * This process's table of tag generations, kept in step with Redis. A generation is a random
 * token, never a counter, so that Redis losing its data cannot make an old token current again;
 * and every token is qualified by the epoch of the Redis data set it belongs to ({@link
 * BumpOrder}), so that a Redis that comes back with old data (a restart from an old snapshot, a
 * failover to a lagging replica, FLUSHALL) makes every entry stamped before it invalid at once.
 *
 * <p>Each tag has one {@link TagState} holding its current {@link Generation}. An entry keeps the
 * states of its tags and the generations they held when its query started; it is valid while
 * every state still holds that very object, so checking an in-process hit costs one volatile read
 * per tag and no lookup. A state leaves the table (evicted, or {@link #clear() cleared}) only by
 * being marked {@link TagState#DEAD}, atomically with its removal, and a dead state never holds a
 * generation again: every entry that refers to it is invalid for good.
 *
 * <p>A bump of this process makes a <em>provisional</em> generation current at once, one whose
 * token Redis never gets: entries stamped with it validate in this process only. When Redis has
 * taken every bump of the tag in flight, the newest generation Redis holds replaces it. Until
 * then, and for as long as Redis refuses the bump ({@link PendingBumps}), nothing Redis says
 * about the tag is believed.
 */
final class TagGenerations {
  /** The states of an entry's tags and the generations stamped on it. */
  record Stamps(TagState[] states, Generation[] generations) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  /** The pause between two attempts of one bump, so that a refusing Redis is not hammered. */
  private static final long BUMP_RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Cache<String, TagState> table;
  private final RedisLink redis;
  private final PendingBumps pending;
  final BumpOrder order = new BumpOrder(this::clear);
  final LongAdder bumps = new LongAdder();
  /** Bumps whose write returned before every other process confirmed it (after the wait). */
  final LongAdder unconfirmed = new LongAdder();
  private final Duration applyWait;
  private final Duration resendFor;
  /** Clock millis before the newest answer of Redis that vouched for the whole table. */
  private volatile long vouchedAt = Generation.NEVER;
  /** Guards the moves of {@link #vouchedAt}, which only ever go forward. */
  private final Object vouchLock = new Object();
  /** The vouch on its way to Redis, which every read that needs one joins; null if none. */
  private final AtomicReference<VouchCall> vouching = new AtomicReference<>();
  /** Runs the vouches asked ahead of the window's end; null for none (reads wait for them). */
  private final Executor background;
  /** The {@link #vouchedAt} a vouch was last asked ahead for, so that it is asked once. */
  private final AtomicLong aheadFor = new AtomicLong(Generation.NEVER);
  /**
   * The newest vouch whose answer arrived before the messages of the bumps it counted: it holds
   * once they are applied, without asking again; null if none.
   */
  private final AtomicReference<PendingVouch> pendingVouch = new AtomicReference<>();

  /** A vouch asked for at {@code askedAt} (clock millis); {@code vouched} completes with it. */
  private record VouchCall(long askedAt, CompletableFuture<Boolean> vouched) {}

  /** Redis's newest bump number, asked for at {@code askedAt}, not yet applied here. */
  private record PendingVouch(RedisLink.Marker marker, long askedAt) {}

  /**
   * Generations whose writes try Redis once and return without waiting for the other
   * processes.
   */
  TagGenerations(RedisLink redis, long maximumTags, int maximumPending) {
    this(redis, maximumTags, maximumPending, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @param applyWait how long a bump waits for every process that received it to confirm that
   *     it applied it (see {@link LarderBuilder#invalidationWait}); zero for not at all
   * @param resendFor how long a bump that Redis did not take keeps being sent again before its
   *     write returns: until Redis takes it, or this process has taken Redis to be unreachable
   *     for this long (every process that cannot reach Redis either has stopped trusting it by
   *     then), and at most twice this long in all; zero for one attempt
   */
  TagGenerations(RedisLink redis, long maximumTags, int maximumPending, Duration applyWait,
      Duration resendFor) {
    this(redis, maximumTags, maximumPending, applyWait, resendFor, null);
  }

  /**
   * @param background runs a vouch asked before the window of the last one ends (see {@link
   *     #vouchedWithin}), so that steady reads need not wait for one; null for none
   */
  TagGenerations(RedisLink redis, long maximumTags, int maximumPending, Duration applyWait,
      Duration resendFor, Executor background) {
    this.redis = redis;
    this.background = background;
    this.applyWait = applyWait;
    this.resendFor = resendFor;
    this.pending = new PendingBumps(maximumPending);
    this.table = Caffeine.newBuilder()
        .maximumSize(maximumTags)
        // Runs atomically with the eviction: no thread can take the state from the table after.
        .evictionListener((String tag, TagState state, RemovalCause cause) -> {
          if (state != null) {
            state.kill();
          }
        })
        .build();
  }

  static String newToken() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static Generation generation(String epoch, String token) {
    return new Generation(epoch + '/' + token);
  }

  /** A generation of this process only: Redis never holds its token. */
  private static Generation provisional(String epoch) {
    return generation(epoch, newToken());
  }

  /** Whether every stamped generation is still its tag's current one in this process. */
  static boolean current(Stamps stamps) {
    TagState[] states = stamps.states();
    Generation[] generations = stamps.generations();
    for (int i = 0; i < states.length; i++) {
      if (states[i].current != generations[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The current generations of {@code tags}: from the table, asking Redis (one round trip) for
   * the tags the table does not know. Without Redis an unknown tag gets a fresh local token, and
   * so does a tag with a bump of this process that Redis has not taken. A generation that does
   * not validate against the table (a state that died meanwhile, or an answer that disagrees
   * with a bump applied meanwhile) is returned detached: an entry stamped with it is never served.
   */
  Stamps stamps(List<String> tags) {
    return stamps(tags, Generation.NEVER);
  }

  /**
   * {@link #stamps(List)}, where a generation read from Redis counts as confirmed at {@code
   * askedAt} (clock millis taken before the call; {@link Generation#NEVER} for not at all): Redis
   * said it was current then, as {@link #fromRedis} would have, so a read of it within the
   * staleness window needs no second round trip.
   */
  Stamps stamps(List<String> tags, long askedAt) {
    // An answer from a new epoch clears the table, states just taken included: take them again.
    for (int attempt = 1; ; attempt++) {
      String knownEpoch = order.epoch();
      Stamps stamps = stamps(tags, knownEpoch, askedAt);
      if (attempt == 3 || knownEpoch.equals(order.epoch())) {
        return stamps;
      }
    }
  }

  private Stamps stamps(List<String> tags, String knownEpoch, long askedAt) {
    int n = tags.size();
    TagState[] states = new TagState[n];
    Generation[] out = new Generation[n];
    List<Integer> missing = null;
    for (int i = 0; i < n; i++) {
      states[i] = table.get(tags.get(i), t -> new TagState());
      out[i] = states[i].current;
      if (out[i] == null || out[i] == TagState.DEAD) {
        if (missing == null) {
          missing = new ArrayList<>(n);
        }
        missing.add(i);
      }
    }
    if (missing == null) {
      return new Stamps(states, out);
    }
    List<String> missingTags = new ArrayList<>(missing.size());
    List<String> candidates = new ArrayList<>(missing.size());
    for (int i : missing) {
      missingTags.add(tags.get(i));
      candidates.add(newToken());
    }
    RedisLink.Tokens answer = redis == null ? null
        : redis.generations(missingTags, candidates, newToken());
    boolean fromRedis = answer != null && order.accept(answer.marker());
    for (int j = 0; j < missing.size(); j++) {
      int i = missing.get(j);
      if (pending.contains(missingTags.get(j))) {
        // Redis still holds the generation this process's bump replaced: never take it.
        out[i] = states[i].adopt(generation(knownEpoch, candidates.get(j)), true, -1);
      } else if (fromRedis) {
        Generation told = generation(answer.marker().epoch(), answer.tokens().get(j));
        out[i] = states[i].adopt(told, false, answer.marker().sequence());
        if (askedAt != Generation.NEVER) {
          out[i].confirmedAt(askedAt); // held or detached, it carries the token Redis told
        }
      } else if (answer != null) {
        out[i] = new Generation("retired"); // an answer from a data set already left behind
      } else {
        out[i] = states[i].adopt(generation(knownEpoch, candidates.get(j)), true, -1);
      }
    }
    return new Stamps(states, out);
  }

  /**
   * The generations of {@code tags} as Redis holds them now, for strict reads; null when Redis
   * cannot answer, or when a bump of one of them made in this process has not reached Redis yet
   * (Redis would then vouch for a generation that this process knows to be replaced).
   */
  Generation[] fromRedis(List<String> tags) {
    if (redis == null || pending.containsAny(tags)) {
      return null;
    }
    List<String> candidates = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      candidates.add(newToken());
    }
    RedisLink.Tokens answer = redis.generations(tags, candidates, newToken());
    if (answer == null || !order.accept(answer.marker()) || pending.containsAny(tags)) {
      return null;
    }
    Generation[] out = new Generation[tags.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = generation(answer.marker().epoch(), answer.tokens().get(i));
    }
    return out;
  }

  /** Whether a bump of one of {@code tags} made in this process has not reached Redis yet. */
  boolean hasPending(List<String> tags) {
    return pending.containsAny(tags);
  }

  /**
   * Checks that {@code tags} can be bumped: a tag with a line break cannot be announced.
   *
   * @throws IllegalArgumentException naming the first bad tag
   */
  static void checkTags(Iterable<String> tags) {
    for (String tag : tags) {
      if (tag == null || tag.isEmpty() || tag.indexOf('\n') >= 0 || tag.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("tag '" + tag + "' cannot be invalidated: a tag must"
            + " be non-empty and without line breaks");
      }
    }
  }

  /**
   * Gives each tag a new generation: at once in this process (read-your-writes), then in Redis
   * and, through pub/sub, in every other process; then waits, at most the apply wait, until every
   * process that received the bump confirmed that it applied it, so that a read anywhere that
   * starts after the write returned does not serve what it replaced. A bump Redis refuses is
   * kept and sent again.
   *
   * @throws IllegalArgumentException before anything is bumped, if a tag cannot be
   */
  void bump(List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    checkTags(tags);
    List<String> all = new ArrayList<>(new LinkedHashSet<>(tags));
    bumps.add(all.size());
    if (redis == null) {
      for (String tag : all) {
        setProvisional(tag, false);
      }
      return;
    }
    pending.sending(all);
    List<TagState> states = new ArrayList<>(all.size());
    List<String> tokens = new ArrayList<>(all.size());
    for (String tag : all) {
      states.add(setProvisional(tag, true));
      tokens.add(newToken());
    }
    RedisLink.Bumped bumped = null;
    RedisLink.Marker marker = null;
    try {
      long started = System.nanoTime();
      while (true) {
        bumped = redis.bump(all, tokens, newToken());
        marker = bumped == null ? null : bumped.marker();
        // Until Redis has the bump, every process that asks Redis (strict reads, reads past
        // maxStaleness) is told that what the write replaced is current; the heartbeat's resend
        // comes too late for them. So a call that failed (this process waited for a core past
        // its budget, say) is sent again before the write returns, unless Redis has been
        // unreachable from here for a while: an outage, which every process sees. Fresh tokens
        // for each attempt: should an earlier one still run late, its tokens were never answered
        // here, so no entry of this process carries them, and it only invalidates once more.
        if (bumped != null || resendFor.isZero() || redis.unreachableFor(resendFor)
            || System.nanoTime() - started >= 2 * resendFor.toNanos()
            || Thread.currentThread().isInterrupted()) {
          break;
        }
        LockSupport.parkNanos(BUMP_RETRY_PAUSE_NANOS);
        tokens.replaceAll(token -> newToken());
      }
    } finally {
      // A bump taken by a data set already left behind is lost to the current one.
      boolean accepted = marker != null && order.accept(marker);
      if (!accepted) {
        pending.refused(all); // before it stops being in flight: it never looks settled
      }
      pending.sent(all);
      for (int i = 0; i < all.size(); i++) {
        answered(all.get(i), states.get(i),
            accepted ? marker.epoch() + '/' + tokens.get(i) : null,
            accepted ? marker.sequence() : -1);
      }
    }
    if (marker != null && !applyWait.isZero() && !redis.awaitApplied(bumped, applyWait)) {
      unconfirmed.increment();
    }
  }

  /**
   * Makes a provisional generation current for a bump of this process, counted in flight when
   * {@code sent}. A dead state is never revived: the table has (or will create) a live one.
   */
  private TagState setProvisional(String tag, boolean sent) {
    while (true) {
      TagState state = table.get(tag, t -> new TagState());
      if (state.bump(provisional(order.epoch()), sent)) {
        return state;
      }
      // Evicted or cleared between the lookup and the lock: the table no longer holds it.
    }
  }

  /**
   * Ends a bump in flight ({@link TagState#answered}); a state that died meanwhile passes the
   * confirmation to the live state of its tag.
   */
  private void answered(String tag, TagState state, String confirmed, long sequence) {
    if (state.answered(confirmed, sequence)) {
      settle(tag, confirmed, sequence, null);
    }
  }

  /**
   * Applies a generation Redis took for a bump of this process to the live state of the tag
   * ({@link TagState#settle}); for a resent bump ({@code refusal}), only if it was not refused
   * again since.
   */
  private void settle(String tag, String token, long sequence, Long refusal) {
    TagState state = table.getIfPresent(tag);
    if (state != null) {
      state.settle(token, sequence,
          () -> refusal == null || refusal.equals(pending.refusal(tag)));
    }
  }

  /**
   * Applies a message of the bump channel: a bump from another process (or this one's echo), or
   * a new epoch.
   */
  void onMessage(String text) {
    BumpMessage message = BumpMessage.parse(text);
    if (message == null
        || !order.accept(new RedisLink.Marker(message.epoch(), message.sequence()))
        || message.newEpoch()) {
      return;
    }
    order.onBump(message.epoch(), message.sequence(), () -> {
      for (int i = 0; i < message.tags().size(); i++) {
        applyRemote(message.tags().get(i), message.epoch() + '/' + message.tokens().get(i),
            message.sequence());
      }
    });
    settlePendingVouch();
  }

  /**
   * Whether Redis vouched, less than {@code windowMillis} before {@code now}, that this table
   * reflected every bump made anywhere until then (see {@link #vouch}).
   *
   * <p>A read that finds the vouch in the last quarter of its window (of 4 ms or more) also
   * asks for the next one in the background, once per vouch, and does not wait for it: under a
   * steady stream of reads the window is renewed before it ends, if Redis answers within that
   * quarter, and reads past it need not ask themselves. A read past the window joins that vouch
   * if it is on its way to Redis ({@link #vouch}).
   */
  boolean vouchedWithin(long now, long windowMillis) {
    long at = vouchedAt;
    if (!Generation.within(at, now, windowMillis)) {
      return false;
    }
    if (now - at >= windowMillis - windowMillis / 4) {
      long asked = aheadFor.get();
      if (asked != at) {
        vouchAhead(asked, at, now);
      }
    }
    return true;
  }

  /**
   * Asks for a vouch as of {@code now} in the background, once for the vouch made {@code at}
   * ({@code asked}: the one last asked ahead for).
   */
  private void vouchAhead(long asked, long at, long now) {
    // Once per vouch, whatever the answer: a Redis that does not answer is not asked on every
    // read of the quarter; past the window, reads ask it themselves.
    if (background == null || redis == null || !aheadFor.compareAndSet(asked, at)) {
      return;
    }
    VouchCall mine = new VouchCall(now, new CompletableFuture<>());
    try {
      // Published only when it runs: a task the pool drops unrun (it is shutting down) leaves
      // no call for reads to wait on, and none waits behind the pool's queue.
      background.execute(() -> {
        if (vouching.compareAndSet(null, mine)) {
          ask(mine);
        }
      });
    } catch (RejectedExecutionException e) {
      // Shutting down: the next read past the window asks itself.
    }
  }

  /**
   * Asks Redis for the number of the newest bump (one small round trip); when this process has
   * applied every bump up to it, the whole table is vouched for as of {@code now}, taken before
   * the call, and true is returned. False when Redis does not answer or a message is still on
   * its way; in that case the answer still vouches for the table as of {@code now} once those
   * messages are applied ({@link #settlePendingVouch}), with no second round trip.
   *
   * <p>One vouch is on its way at a time: a read that needs one while another is asked for at
   * most {@code windowMillis} before its own {@code now} waits for that answer and takes it, so
   * a burst of reads past the window costs one round trip, not one per read.
   */
  boolean vouch(long now, long windowMillis) {
    if (redis == null) {
      return false;
    }
    while (true) {
      VouchCall call = vouching.get();
      if (call != null && now - call.askedAt() < windowMillis) {
        // Asked before this read, within its window (or after it began): it vouches for what
        // this read needs, and whoever asked it sets the time before completing it.
        return call.vouched().join();
      }
      VouchCall mine = new VouchCall(now, new CompletableFuture<>());
      if (vouching.compareAndSet(call, mine)) {
        return ask(mine);
      }
    }
  }

  /** Asks Redis for the vouch {@code mine}, and completes it with the answer. */
  private boolean ask(VouchCall mine) {
    boolean vouched = false;
    try {
      vouched = askRedisToVouch(mine.askedAt());
    } finally {
      mine.vouched().complete(vouched);
      vouching.compareAndSet(mine, null);
    }
    return vouched;
  }

  private boolean askRedisToVouch(long now) {
    RedisLink.Marker marker = redis.marker(newToken());
    if (marker == null || !order.accept(marker)) {
      return false;
    }
    if (order.reflects(marker)) {
      vouchedAsOf(now);
      return true;
    }
    pendingVouch.accumulateAndGet(new PendingVouch(marker, now),
        (held, offered) -> held == null || offered.askedAt() - held.askedAt() > 0 ? offered : held);
    settlePendingVouch(); // the messages may have been applied since reflects was asked
    long at = vouchedAt;
    return at != Generation.NEVER && at - now >= 0;
  }

  /**
   * Completes the pending vouch once this process reflects every bump it counted: called after
   * a message is applied, and after the heartbeat or a new subscription moved the order.
   */
  private void settlePendingVouch() {
    PendingVouch held = pendingVouch.get();
    if (held != null && order.reflects(held.marker()) && pendingVouch.compareAndSet(held, null)) {
      vouchedAsOf(held.askedAt());
    }
  }

  /** Moves the table's vouch to {@code at}, unless it already stands at a later time. */
  private void vouchedAsOf(long at) {
    synchronized (vouchLock) {
      long current = vouchedAt;
      if (current == Generation.NEVER || at - current > 0) {
        vouchedAt = at;
      }
    }
  }

  /** Applies a bump announced on the channel; a tag the table does not know needs nothing. */
  private void applyRemote(String tag, String token, long sequence) {
    TagState state = table.getIfPresent(tag);
    if (state != null) {
      state.announced(token, sequence, () -> pending.contains(tag),
          () -> provisional(order.epoch()));
    }
  }

  /** Called by the heartbeat with what Redis said. */
  void onHeartbeat(RedisLink.Marker marker) {
    order.onHeartbeat(marker);
    settlePendingVouch();
  }

  /** See {@link BumpOrder#subscriptionChanged}. */
  void subscriptionChanged(RedisLink.Marker marker) {
    order.subscriptionChanged(marker);
    settlePendingVouch();
  }

  /**
   * Sends the bumps Redis refused; called by the heartbeat and when Redis answers again. If more
   * were refused than could be kept, starts a new epoch instead, which invalidates everything.
   *
   * @return whether nothing is left to send
   */
  boolean retryPending() {
    if (redis == null) {
      return true;
    }
    if (pending.overflowed()) {
      long mark = pending.overflowMark();
      Map<String, Long> covered = pending.refusedNow();
      if (!invalidateEverything()) {
        return false; // the flag stays up: every tag counts as pending
      }
      covered.forEach(pending::resent);
      pending.overflowResolved(mark);
      return pending.isEmpty();
    }
    Map<String, Long> sending = pending.refusedNow();
    if (sending.isEmpty()) {
      return true;
    }
    List<String> tags = new ArrayList<>(sending.keySet());
    List<String> tokens = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      tokens.add(newToken());
    }
    RedisLink.Bumped bumped = redis.bump(tags, tokens, newToken());
    RedisLink.Marker marker = bumped == null ? null : bumped.marker();
    if (marker == null || !order.accept(marker)) {
      return false; // refused, or taken by a data set already left behind: send again
    }
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      // The state first, then the pending mark: the tag never looks settled on Redis's old word.
      settle(tag, marker.epoch() + '/' + tokens.get(i), marker.sequence(), sending.get(tag));
      pending.resent(tag, sending.get(tag));
    }
    return pending.isEmpty();
  }

  /**
   * Invalidates every entry of every process by starting a new epoch in Redis; without Redis,
   * or when it does not answer, forgets this process's generations and starts the new epoch
   * when Redis answers again.
   *
   * @return whether Redis took the new epoch
   */
  boolean invalidateEverything() {
    if (redis == null) {
      clear();
      return true;
    }
    RedisLink.Marker marker = redis.rotate(newToken());
    if (marker == null) {
      pending.overflow();
      clear();
      return false;
    }
    order.accept(marker);
    return true;
  }

  /** How many tags the table holds now. */
  long size() {
    table.cleanUp();
    return table.estimatedSize();
  }

  int pendingCount() {
    return pending.count();
  }

  /**
   * Forgets every generation: each state leaves the table marked dead, atomically, so every
   * entry stamped before dies, and reads fetch the generations again.
   */
  void clear() {
    Map<String, TagState> map = table.asMap();
    for (String tag : map.keySet()) {
      map.computeIfPresent(tag, (t, state) -> {
        state.kill();
        return null;
      });
    }
  }
}
