package dev.larder.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This process's table of tag generations, kept in step with Redis. A generation is a random
 * token, never a counter, so that Redis losing its data cannot make an old token current again.
 *
 * <p>Each tag has one {@link TagState} holding its current {@link Generation}. An entry keeps the
 * states of its tags and the generations they held when its query started; it is valid while
 * every state still holds that very object, so checking an in-process hit costs one volatile read
 * per tag and no lookup. A state dropped from the table (evicted, expired, cleared) is marked
 * dead, which invalidates every entry that refers to it.
 */
final class TagGenerations {
  /** One generation of one tag; compared by identity in the in-process cache. */
  record Generation(String token) {}

  /** The current generation of one tag in this process; null when unknown or dead. */
  static final class TagState {
    volatile Generation current;
  }

  /** The states of an entry's tags and the generations stamped on it. */
  record Stamps(TagState[] states, Generation[] generations) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Cache<String, TagState> table;
  private final RedisLink redis;
  /** Bumps Redis has not accepted yet; sent again when it answers. */
  private final Set<String> pendingBumps = ConcurrentHashMap.newKeySet();
  final LongAdder bumps = new LongAdder();

  TagGenerations(RedisLink redis, long maximumTags, Duration localTtl) {
    this.redis = redis;
    this.table = Caffeine.newBuilder()
        .maximumSize(maximumTags)
        .expireAfterWrite(localTtl)
        .evictionListener((String tag, TagState state, RemovalCause cause) -> {
          if (state != null) {
            state.current = null;
          }
        })
        .build();
  }

  static String newToken() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private TagState state(String tag) {
    return table.get(tag, t -> new TagState());
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
   * The current generations of {@code tags}: from the table, asking Redis (one round trip) for the
   * tags it does not know, or for all of them when {@code fromRedis} is set (strict consistency).
   */
  Stamps stamps(List<String> tags, boolean fromRedis) {
    TagState[] states = new TagState[tags.size()];
    Generation[] out = new Generation[tags.size()];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < out.length; i++) {
      states[i] = state(tags.get(i));
      out[i] = fromRedis ? null : states[i].current;
      if (out[i] == null) {
        missing.add(i);
      }
    }
    if (missing.isEmpty()) {
      return new Stamps(states, out);
    }
    List<String> missingTags = new ArrayList<>(missing.size());
    List<String> candidates = new ArrayList<>(missing.size());
    for (int i : missing) {
      missingTags.add(tags.get(i));
      candidates.add(newToken());
    }
    List<String> tokens = redis == null ? null : redis.generations(missingTags, candidates);
    for (int j = 0; j < missing.size(); j++) {
      int i = missing.get(j);
      // Without Redis the table is all there is: an unknown tag gets a fresh local token, and
      // entries stamped with it die at the next local bump or when Redis is back.
      String token = tokens != null ? tokens.get(j) : candidates.get(j);
      out[i] = adopt(states[i], token, tokens == null);
    }
    return new Stamps(states, out);
  }

  /**
   * Takes {@code token} as the state's generation unless the state already holds one: a bump may
   * have landed since Redis answered, and the table must never go back. Returns the generation
   * to stamp: the held object when the tokens agree, else a detached one that never validates
   * against the table.
   */
  private static Generation adopt(TagState state, String token, boolean localOnly) {
    synchronized (state) {
      Generation held = state.current;
      if (held == null) {
        held = new Generation(token);
        state.current = held;
        return held;
      }
      return localOnly || held.token().equals(token) ? held : new Generation(token);
    }
  }

  /** Applies a bump announced by another process (or echoed back to this one). */
  void applyRemote(String tag, String token) {
    TagState state = state(tag);
    synchronized (state) {
      Generation held = state.current;
      if (held == null || !held.token().equals(token)) {
        state.current = new Generation(token);
      }
    }
  }

  /**
   * Gives each tag a new generation: at once in this process (read-your-writes), then in Redis
   * and, through pub/sub, in every other process. A bump Redis refuses is kept and sent again.
   */
  void bump(List<String> tags) {
    if (tags.isEmpty()) {
      return;
    }
    List<String> all = new ArrayList<>(new LinkedHashSet<>(tags));
    List<String> tokens = new ArrayList<>(all.size());
    for (String tag : all) {
      if (tag.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("tag '" + tag + "' contains a line break");
      }
      String token = newToken();
      tokens.add(token);
      TagState state = state(tag);
      synchronized (state) {
        state.current = new Generation(token);
      }
    }
    bumps.add(all.size());
    if (redis != null && !redis.bump(all, tokens)) {
      pendingBumps.addAll(all);
    }
  }

  /** Sends the bumps Redis missed; called when Redis answers again. */
  void retryPending() {
    if (redis == null || pendingBumps.isEmpty()) {
      return;
    }
    List<String> tags = new ArrayList<>(pendingBumps);
    List<String> tokens = new ArrayList<>(tags.size());
    for (String tag : tags) {
      tokens.add(newToken());
    }
    if (redis.bump(tags, tokens)) {
      tags.forEach(pendingBumps::remove);
      for (int i = 0; i < tags.size(); i++) {
        applyRemote(tags.get(i), tokens.get(i));
      }
    }
  }

  int pendingCount() {
    return pendingBumps.size();
  }

  /** Forgets every generation; entries stamped with them die, and reads fetch them again. */
  void clear() {
    for (TagState state : table.asMap().values()) {
      state.current = null;
    }
    table.invalidateAll();
  }
}
