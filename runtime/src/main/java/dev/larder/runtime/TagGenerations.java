package dev.larder.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's table of tag generations, kept in step with Redis. A generation is a random
 * token, never a counter, so that Redis losing its data cannot make an old token current again;
 * and every token is qualified by the <em>epoch</em> of the Redis data set it belongs to, so that a
 * Redis that comes back with old data (a restart from an old snapshot, a failover to a lagging
 * replica, FLUSHALL) makes every entry stamped before it invalid at once.
 *
 * <p>Each tag has one {@link TagState} holding its current {@link Generation}. An entry keeps the
 * states of its tags and the generations they held when its query started; it is valid while
 * every state still holds that very object, so checking an in-process hit costs one volatile read
 * per tag and no lookup. A state leaves the table (evicted, or {@link #clear() cleared}) only by
 * being marked {@link #DEAD}, atomically with its removal, and a dead state never holds a
 * generation again: every entry that refers to it is invalid for good.
 *
 * <p>Bumps published by other processes are numbered in Redis; a gap in the numbers, or a number
 * the heartbeat saw that never arrived, means this process missed a bump, and it forgets every
 * generation ({@link #clear()}), so that a lost message costs a reload, never a stale read.
 */
final class TagGenerations {
  private static final Logger log = LoggerFactory.getLogger(TagGenerations.class);

  /** One generation of one tag; compared by identity in the in-process cache. */
  record Generation(String token) {}

  /** Held by a state that left the table; no entry stamped before can be valid again. */
  static final Generation DEAD = new Generation("dead");

  /**
   * The current generation of one tag in this process; null while unknown. The other fields,
   * guarded by the state's lock, order what is applied by the bump numbers of Redis: a message
   * that is older than what the state holds (the late echo of a bump that this process has
   * bumped again since) must not put an older token back, or entries stamped with it in Redis
   * would validate again.
   */
  static final class TagState {
    volatile Generation current;
    /** The number of the newest bump the current generation reflects; -1 when unknown. */
    long sequence = -1;
    /** Bumps of this process sent to Redis and not answered yet. */
    int inFlight;
    /** The newest bump announced while some were in flight, applied when they are answered. */
    long deferredSequence = -1;
    String deferredToken;
  }

  /** The states of an entry's tags and the generations stamped on it. */
  record Stamps(TagState[] states, Generation[] generations) {}

  /** How many retired epochs are remembered, so that a late answer from one is not taken. */
  private static final int RETIRED_EPOCHS = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cache<String, TagState> table;
  private final RedisLink redis;
  private final int maximumPending;
  /** Bumps Redis has not accepted yet, each with the number of its latest failure. */
  private final Map<String, Long> pending = new ConcurrentHashMap<>();
  private final AtomicLong pendingNumbers = new AtomicLong();
  /** Set when more bumps failed than {@link #pending} may hold: recovery starts a new epoch. */
  private volatile boolean pendingOverflow;
  final LongAdder bumps = new LongAdder();
  final LongAdder missedBumpsDetected = new LongAdder();

  private final Object epochLock = new Object();
  private volatile String epoch = newToken();
  private final Deque<String> retired = new ArrayDeque<>();
  /** The highest bump number applied in this epoch; -1 until a baseline is known. */
  private long applied = -1;
  /** The bump number Redis had at the previous heartbeat; -1 when unknown. */
  private long previousHeartbeat = -1;

  TagGenerations(RedisLink redis, long maximumTags, int maximumPending) {
    this.redis = redis;
    this.maximumPending = maximumPending;
    this.table = Caffeine.newBuilder()
        .maximumSize(maximumTags)
        // Runs atomically with the eviction: no thread can take the state from the table after.
        .evictionListener((String tag, TagState state, RemovalCause cause) -> {
          if (state != null) {
            kill(state);
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
   * the tags the table does not know. Without Redis an unknown tag gets a fresh local token.
   * A generation that does not validate against the table (a state that died meanwhile, or an
   * answer that disagrees with a bump applied meanwhile) is returned detached: an entry stamped
   * with it is never served.
   */
  Stamps stamps(List<String> tags) {
    // An answer from a new epoch clears the table, states just taken included: take them again.
    for (int attempt = 1; ; attempt++) {
      String knownEpoch = epoch;
      Stamps stamps = stamps(tags, knownEpoch);
      if (attempt == 3 || knownEpoch.equals(epoch)) {
        return stamps;
      }
    }
  }

  private Stamps stamps(List<String> tags, String knownEpoch) {
    int n = tags.size();
    TagState[] states = new TagState[n];
    Generation[] out = new Generation[n];
    List<Integer> missing = null;
    for (int i = 0; i < n; i++) {
      states[i] = table.get(tags.get(i), t -> new TagState());
      out[i] = states[i].current;
      if (out[i] == null || out[i] == DEAD) {
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
    boolean fromRedis = answer != null && acceptEpoch(answer.marker().epoch());
    String tokenEpoch = fromRedis ? answer.marker().epoch() : knownEpoch;
    for (int j = 0; j < missing.size(); j++) {
      int i = missing.get(j);
      if (isPending(missingTags.get(j))) {
        // Redis still holds the generation this process's refused bump replaced: never take it.
        out[i] = adopt(states[i], generation(knownEpoch, candidates.get(j)), true, -1);
        continue;
      }
      if (answer != null && !fromRedis) {
        out[i] = new Generation("retired"); // an answer from a data set already left behind
        continue;
      }
      String token = fromRedis ? answer.tokens().get(j) : candidates.get(j);
      out[i] = adopt(states[i], generation(tokenEpoch, token), !fromRedis,
          fromRedis ? answer.marker().sequence() : -1);
    }
    return new Stamps(states, out);
  }

  /**
   * Takes {@code offered} as the state's generation unless the state already holds one (a bump
   * may have landed since Redis answered, and the table must never go back) or is dead. Returns
   * the generation to stamp: the held object when the tokens agree (or, {@code localOnly}, when
   * there is no Redis to disagree with), else a detached one that never validates.
   */
  private static Generation adopt(TagState state, Generation offered, boolean localOnly,
      long sequence) {
    synchronized (state) {
      Generation held = state.current;
      if (held == DEAD) {
        return offered; // detached: the state left the table during the round trip
      }
      if (held == null) {
        state.current = offered;
        state.sequence = Math.max(state.sequence, sequence);
        return offered;
      }
      if (held.token().equals(offered.token())) {
        state.sequence = Math.max(state.sequence, sequence);
        return held;
      }
      return localOnly ? held : offered;
    }
  }

  /**
   * The generations of {@code tags} as Redis holds them now, for strict reads; null when Redis
   * cannot answer, or when a bump of one of them made in this process has not reached Redis yet
   * (Redis would then vouch for a generation that this process knows to be replaced).
   */
  Generation[] fromRedis(List<String> tags) {
    if (redis == null || hasPending(tags)) {
      return null;
    }
    List<String> candidates = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      candidates.add(newToken());
    }
    RedisLink.Tokens answer = redis.generations(tags, candidates, newToken());
    if (answer == null || !acceptEpoch(answer.marker().epoch()) || hasPending(tags)) {
      return null;
    }
    Generation[] out = new Generation[tags.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = generation(answer.marker().epoch(), answer.tokens().get(i));
    }
    return out;
  }

  private boolean isPending(String tag) {
    return pendingOverflow || (!pending.isEmpty() && pending.containsKey(tag));
  }

  /** Whether a bump of one of {@code tags} made in this process has not reached Redis yet. */
  boolean hasPending(List<String> tags) {
    if (pendingOverflow) {
      return true;
    }
    if (pending.isEmpty()) {
      return false;
    }
    for (String tag : tags) {
      if (pending.containsKey(tag)) {
        return true;
      }
    }
    return false;
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
   * and, through pub/sub, in every other process. A bump Redis refuses is kept and sent again.
   *
   * @throws IllegalArgumentException before anything is bumped, if a tag cannot be
   */
  void bump(List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    checkTags(tags);
    List<String> all = new ArrayList<>(new LinkedHashSet<>(tags));
    List<String> tokens = new ArrayList<>(all.size());
    List<TagState> states = new ArrayList<>(all.size());
    List<Generation> provisional = new ArrayList<>(all.size());
    String knownEpoch = epoch;
    for (String tag : all) {
      tokens.add(newToken());
      // Current here at once (read-your-writes), but a token Redis never gets: an entry stamped
      // with it before Redis has the bump validates nowhere else, whatever lands in Redis first.
      Generation local = generation(knownEpoch, newToken());
      provisional.add(local);
      states.add(setLocal(tag, local, redis != null));
    }
    bumps.add(all.size());
    if (redis == null) {
      return;
    }
    RedisLink.Marker marker = null;
    boolean accepted = false;
    try {
      marker = redis.bump(all, tokens, newToken());
      // A bump taken by a data set already left behind is lost to the current one.
      accepted = marker != null && acceptEpoch(marker.epoch());
    } finally {
      for (int i = 0; i < states.size(); i++) {
        answered(states.get(i), provisional.get(i),
            accepted ? marker.epoch() + '/' + tokens.get(i) : null,
            accepted ? marker.sequence() : -1);
      }
    }
    if (!accepted) {
      remember(all);
    }
  }

  /**
   * Ends a bump of this process in flight. If Redis took it ({@code confirmed} is its token), the
   * provisional generation gives way to it, unless a newer bump was announced meanwhile, which is
   * applied instead. If Redis did not, the provisional generation stays: it is pending.
   */
  private static void answered(
      TagState state, Generation provisional, String confirmed, long sequence) {
    synchronized (state) {
      state.inFlight--;
      if (state.current != DEAD) {
        if (state.deferredSequence > Math.max(sequence, state.sequence)) {
          state.current = new Generation(state.deferredToken);
          state.sequence = state.deferredSequence;
        } else if (confirmed != null && sequence > state.sequence) {
          state.sequence = sequence;
          if (state.current == provisional) {
            state.current = new Generation(confirmed);
          }
        }
      }
      if (state.inFlight == 0) {
        state.deferredSequence = -1;
        state.deferredToken = null;
      }
    }
  }

  /**
   * Sets a tag's generation in this process for a bump of its own, marking the bump in flight
   * when {@code inFlight} (it is on its way to Redis, see {@link #answered}). A dead state is
   * never revived: the table has (or will create) a live one for the tag.
   */
  private TagState setLocal(String tag, Generation generation, boolean inFlight) {
    while (true) {
      TagState state = table.get(tag, t -> new TagState());
      synchronized (state) {
        if (state.current != DEAD) {
          state.current = generation;
          if (inFlight) {
            state.inFlight++;
          }
          return state;
        }
      }
      // Evicted or cleared between the lookup and the lock: the table no longer holds it.
    }
  }

  private void remember(List<String> tags) {
    for (String tag : tags) {
      if (pending.size() >= maximumPending && !pending.containsKey(tag)) {
        if (!pendingOverflow) {
          log.warn("more than {} invalidations could not reach Redis; every cached entry will be"
              + " invalidated when it answers again", maximumPending);
        }
        pendingOverflow = true;
      } else {
        pending.put(tag, pendingNumbers.incrementAndGet());
      }
    }
  }

  /**
   * Applies a message of the bump channel: a bump from another process (or this one's echo), or
   * a new epoch. A gap in the bump numbers means messages were lost: everything is forgotten.
   */
  void onMessage(String text) {
    BumpMessage message = BumpMessage.parse(text);
    if (message == null || !acceptEpoch(message.epoch()) || message.newEpoch()) {
      return;
    }
    synchronized (epochLock) {
      if (!message.epoch().equals(epoch)) {
        return;
      }
      // Without a baseline (one read after subscribing) a message cannot tell what came before.
      if (applied >= 0) {
        if (message.sequence() > applied + 1) {
          missed("bump " + (applied + 1) + " to " + (message.sequence() - 1) + " never arrived");
        }
        applied = Math.max(applied, message.sequence());
      }
    }
    for (int i = 0; i < message.tags().size(); i++) {
      applyRemote(message.tags().get(i), message.epoch() + '/' + message.tokens().get(i),
          message.sequence());
    }
  }

  /**
   * Applies a bump announced on the channel, unless the state already reflects a newer one. A
   * tag the table does not know needs nothing: the next read asks Redis.
   */
  private void applyRemote(String tag, String token, long sequence) {
    TagState state = table.getIfPresent(tag);
    if (state == null || isPending(tag)) {
      return; // a pending tag keeps its local generation until its own bump reaches Redis
    }
    synchronized (state) {
      Generation held = state.current;
      if (held == DEAD || sequence <= state.sequence) {
        return;
      }
      if (state.inFlight > 0) {
        // Its order against this process's own bump in flight is known only once Redis answers.
        if (sequence > state.deferredSequence) {
          state.deferredSequence = sequence;
          state.deferredToken = token;
        }
        return;
      }
      state.sequence = sequence;
      if (held == null || !held.token().equals(token)) {
        state.current = new Generation(token);
      }
    }
  }

  /**
   * Called by the heartbeat with what Redis said. Bumps numbered at the previous heartbeat have
   * had a whole period to arrive; if one has not, it was lost.
   */
  void onHeartbeat(RedisLink.Marker marker) {
    if (!acceptEpoch(marker.epoch())) {
      return;
    }
    synchronized (epochLock) {
      if (!marker.epoch().equals(epoch)) {
        return;
      }
      if (applied < 0) {
        applied = marker.sequence(); // the baseline: later bumps must all arrive
      } else if (marker.sequence() < applied) {
        missed("the bump numbers went back from " + applied + " to " + marker.sequence());
        applied = marker.sequence();
      } else if (previousHeartbeat > applied) {
        missed("bump " + previousHeartbeat + " was announced but never arrived");
        applied = marker.sequence();
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
    synchronized (epochLock) {
      applied = -1;
      previousHeartbeat = -1;
    }
    if (marker != null && acceptEpoch(marker.epoch())) {
      synchronized (epochLock) {
        if (marker.epoch().equals(epoch)) {
          applied = marker.sequence();
        }
      }
    }
    clear();
  }

  private void missed(String why) {
    missedBumpsDetected.increment();
    log.info("missed invalidations ({}); forgetting every tag generation", why);
    clear();
  }

  /**
   * Takes {@code candidate} as the epoch of the Redis data set. A new epoch retires the current
   * one and forgets every generation; a retired one is refused (an answer that was in flight
   * when the data set changed), and so is everything read with it.
   *
   * @return whether results read in {@code candidate} may be used
   */
  boolean acceptEpoch(String candidate) {
    if (candidate.equals(epoch)) {
      return true;
    }
    synchronized (epochLock) {
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
      applied = -1;
      previousHeartbeat = -1;
      clear();
      return true;
    }
  }

  /**
   * Sends the bumps Redis missed; called by the heartbeat and when Redis answers again. If more
   * were missed than could be kept, starts a new epoch instead, which invalidates everything.
   *
   * @return whether nothing is left to send
   */
  boolean retryPending() {
    if (redis == null) {
      return true;
    }
    if (pendingOverflow) {
      Map<String, Long> covered = Map.copyOf(pending);
      pendingOverflow = false;
      if (!invalidateEverything()) {
        pendingOverflow = true;
        return false;
      }
      // The new epoch covers what was pending before it; a bump refused since stays pending.
      covered.forEach(pending::remove);
      return pending.isEmpty() && !pendingOverflow;
    }
    if (pending.isEmpty()) {
      return true;
    }
    Map<String, Long> sending = Map.copyOf(pending);
    List<String> tags = new ArrayList<>(sending.keySet());
    List<String> tokens = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      tokens.add(newToken());
    }
    RedisLink.Marker marker = redis.bump(tags, tokens, newToken());
    if (marker == null) {
      return false;
    }
    if (!acceptEpoch(marker.epoch())) {
      return false; // taken by a data set already left behind: send again
    }
    for (int i = 0; i < tags.size(); i++) {
      // A bump that failed again meanwhile has a newer number and stays pending.
      if (pending.remove(tags.get(i), sending.get(tags.get(i)))) {
        applyRemote(tags.get(i), marker.epoch() + '/' + tokens.get(i), marker.sequence());
      }
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
      pendingOverflow = true;
      clear();
      return false;
    }
    acceptEpoch(marker.epoch());
    return true;
  }

  /** How many tags the table holds now. */
  long size() {
    table.cleanUp();
    return table.estimatedSize();
  }

  int pendingCount() {
    return pending.size() + (pendingOverflow ? 1 : 0);
  }

  /**
   * Forgets every generation: each state leaves the table marked dead, atomically, so every
   * entry stamped before dies, and reads fetch the generations again.
   */
  void clear() {
    Map<String, TagState> map = table.asMap();
    for (String tag : map.keySet()) {
      map.computeIfPresent(tag, (t, state) -> {
        kill(state);
        return null;
      });
    }
  }

  /** Under the state's lock, so that no adopt or bump that checked for death can revive it. */
  private static void kill(TagState state) {
    synchronized (state) {
      state.current = DEAD;
    }
  }
}
