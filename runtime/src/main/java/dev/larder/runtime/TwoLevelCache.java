package dev.larder.runtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.larder.runtime.TagGenerations.Stamps;
import dev.larder.runtime.TagState.Generation;
import dev.larder.runtime.internal.CacheKey;
import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Cache-aside through two levels: Caffeine in the process (L1) and Redis shared by all
 * processes (L2), with generation-stamped tags deciding what may be served.
 *
 * <p>A read that misses stamps its entry with the tag generations read <em>before</em> its query
 * runs; an entry is served only while every stamp is still current. A writer that commits and
 * bumps while a reader's query is in flight therefore leaves the reader's entry dead on arrival.
 * Concurrent misses of one key in one process run the query once; followers whose wait ended
 * after a bump made the leader's result stale load again instead of taking it.
 *
 * <p>Bumps made by other processes arrive by pub/sub, which a busy machine can delay by hundreds
 * of milliseconds. A read in the default mode therefore serves an entry only while Redis has
 * vouched for every generation stamped on it within {@code maxStaleness}; past that, the read
 * asks Redis (one round trip for the entry's tags, which then vouches for every entry sharing
 * them). However late a message is, a read never returns what a write replaced when that write
 * returned more than {@code maxStaleness} before the read began.
 */
final class TwoLevelCache {
  /** A load in flight: what it will give, and when it started (before its stamps were read). */
  private record Flight(CompletableFuture<CacheEntry> result, long startedNanos) {}

  private final Cache<Object, CacheEntry> l1;
  private final boolean l1Enabled;
  private final RedisLink redis;
  private final TagGenerations generations;
  private final EntryEncoding encoding;
  private final ConcurrentHashMap<Object, Flight> flights = new ConcurrentHashMap<>();
  /** Keys whose background refresh is queued or running, so that each is queued once. */
  private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();
  private final Executor refresher;
  private final LongSupplier clock;
  private final double jitter;
  private final Duration degradedTtl;
  private final BooleanSupplier degraded;
  private final long maxStalenessMillis;
  /** The clock's latest reading by this cache: the in-process cache's ticker. */
  private volatile long lastMillis;
  /** Whether reads annotated NEAR are strict too ({@link LarderBuilder#strictReads}). */
  private final boolean everyReadStrict;
  /** Whether entries are stored in Redis too ({@link LarderBuilder#redisEntries}). */
  private final boolean redisEntries;

  final MethodCounters counters;

  /** A cache that counts into counters of its own. */
  TwoLevelCache(boolean l1Enabled, long l1MaximumSize, RedisLink redis, TagGenerations generations,
      EntryEncoding encoding, Executor refresher, LongSupplier clock, double jitter,
      Duration degradedTtl, BooleanSupplier degraded, Duration maxStaleness) {
    this(l1Enabled, l1MaximumSize, redis, redis != null, generations, encoding, refresher, clock,
        jitter, degradedTtl, degraded, maxStaleness, false, new MethodCounters());
  }

  /**
   * A cache that counts into {@code counters}, which the runtime reports.
   *
   * @param redisEntries whether entries are stored in Redis too, or Redis carries invalidation
   *     only ({@link LarderBuilder#redisEntries})
   */
  TwoLevelCache(boolean l1Enabled, long l1MaximumSize, RedisLink redis, boolean redisEntries,
      TagGenerations generations, EntryEncoding encoding, Executor refresher, LongSupplier clock,
      double jitter, Duration degradedTtl, BooleanSupplier degraded, Duration maxStaleness,
      boolean everyReadStrict, MethodCounters counters) {
    this.counters = counters;
    this.everyReadStrict = everyReadStrict;
    this.l1Enabled = l1Enabled;
    this.redis = redis;
    this.redisEntries = redis != null && redisEntries;
    this.generations = generations;
    this.encoding = encoding;
    this.refresher = refresher;
    this.clock = clock;
    this.jitter = jitter;
    this.degradedTtl = degradedTtl;
    this.degraded = degraded;
    this.maxStalenessMillis = maxStaleness.toMillis();
    // Caffeine drops entries at the end of their stale window, on the time this cache last
    // read from its clock: a hit reads the clock once, for its own checks, and Caffeine's
    // ticker costs a field read. Freshness is this cache's to check, so a ticker that lags
    // only keeps an entry in memory a little longer.
    this.l1 = Caffeine.newBuilder()
        .maximumSize(l1MaximumSize)
        .ticker(() -> TimeUnit.MILLISECONDS.toNanos(lastMillis))
        .expireAfter(Expiry.<Object, CacheEntry>writing((key, entry) ->
            Duration.ofMillis(Math.max(0, entry.staleUntil() - now()))))
        .build();
  }

  /** Reads the clock, and keeps the reading for Caffeine's ticker. */
  private long now() {
    long now = clock.getAsLong();
    if (now != lastMillis) {
      lastMillis = now;
    }
    return now;
  }

  private boolean strict(CachedRead<?> read) {
    return everyReadStrict || read.policy().strict();
  }

  /** The key of an entry in Redis: a generated key's own, or the key itself when a string. */
  private static String redisKey(Object key) {
    return key instanceof CacheKey generated ? generated.redisKey() : (String) key;
  }

  /**
   * The value of a fresh, valid in-process entry of {@code read} under {@code key}, counted as
   * an in-process hit; null for anything else (no entry, an expired or invalid one, a null
   * value), which {@link #get} then handles. Builds nothing: no tag list, no loader.
   */
  <T> T cached(CachedRead<T> read, Object key) {
    if (!l1Enabled) {
      return null;
    }
    long now = now();
    CacheEntry entry = l1.getIfPresent(key);
    if (entry == null || entry.read() != read || entry.value() == null
        || now >= entry.freshUntil() || !valid(entry, strict(read), now)) {
      return null;
    }
    entry.counters().fastHits.increment(); // a request and an in-process hit, counted once
    return cast(entry.value());
  }

  /**
   * Returns the value of {@code key}. {@code tags} is asked for only when the value is loaded
   * or read from Redis, so an in-process hit builds nothing; the read's own tag is added then.
   */
  <T> T get(CachedRead<T> read, Object key, Supplier<List<String>> tags, Supplier<T> loader) {
    MethodCounters.Counters stats = counters.of(read.method());
    stats.requests.increment();
    if (l1Enabled) {
      long now = now();
      CacheEntry entry = l1.getIfPresent(key);
      if (entry != null) {
        if (entry.read() == read && now < entry.staleUntil() && valid(entry, strict(read), now)) {
          if (now < entry.freshUntil()) {
            stats.l1Hits.increment();
            return cast(entry.value());
          }
          stats.staleServed.increment(); // inside its stale window: served while it refreshes
          refreshInBackground(read, stats, key, entry.tags(), loader);
          return cast(entry.value());
        }
        if (entry.read() == read) {
          l1.asMap().remove(key, entry);
        }
      }
    }
    long started = System.nanoTime();
    while (true) {
      Flight mine = new Flight(new CompletableFuture<>(), System.nanoTime());
      Flight flight = flights.putIfAbsent(key, mine);
      if (flight == null) {
        try {
          CacheEntry entry = loadThroughL2(read, stats, key, tags, loader);
          mine.result().complete(entry);
          return cast(entry.value());
        } catch (RuntimeException | Error e) {
          mine.result().completeExceptionally(e);
          throw e;
        } finally {
          flights.remove(key, mine);
        }
      }
      CacheEntry shared = join(flight);
      // A load that started after this call reflects every write that returned before it; an
      // older one is checked as a hit would be (against Redis, for a strict read).
      if (shared.read() == read
          && (flight.startedNanos() - started >= 0 || valid(shared, strict(read), now()))) {
        return cast(shared.value());
      }
      flights.remove(key, flight); // done: do not wait for its leader to take it away
    }
  }

  /** The leader's entry, or the leader's own failure (not a wrapper of it). */
  private static CacheEntry join(Flight flight) {
    try {
      return flight.result().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private <T> CacheEntry loadThroughL2(CachedRead<T> read, MethodCounters.Counters stats,
      Object key, Supplier<List<String>> tagSupplier, Supplier<T> loader) {
    // Every entry also carries its read's own tag, which invalidation by key pattern bumps.
    List<String> own = tagSupplier.get();
    List<String> tags = new ArrayList<>(own.size() + 1);
    tags.addAll(own);
    tags.add(read.methodTag());
    // A tag whose bump has not reached Redis: Redis would vouch for what that bump replaced.
    if (redisEntries && !generations.hasPending(tags)) {
      long askedAt = clock.getAsLong();
      CacheEntry stored = encoding.decode(redis.get(redisKey(key)), read.codec());
      if (stored != null && stored.tags().equals(tags) && clock.getAsLong() < stored.freshUntil()) {
        Stamps local = generations.stamps(tags, askedAt);
        Generation[] stamped = stored.stamps().generations();
        if (TagGenerations.current(local) && sameTokens(stamped, local.generations())
            && confirmedByRedis(local, tags, strict(read), clock.getAsLong())) {
          stats.l2Hits.increment();
          long freshUntil = stored.freshUntil();
          long staleUntil = stored.staleUntil();
          if (degraded.getAsBoolean()) {
            // Other processes' bumps cannot reach this one: keep the in-process copy short.
            freshUntil = Math.min(freshUntil, clock.getAsLong() + degradedTtl.toMillis());
            staleUntil = freshUntil;
          }
          CacheEntry entry = new CacheEntry(read, stored.value(), tags, local, freshUntil,
              staleUntil, stats, CacheEntry.FROM_REDIS);
          storeL1(key, entry);
          return entry;
        }
      }
    }
    stats.misses.increment();
    return load(read, stats, key, tags, loader);
  }

  private <T> CacheEntry load(CachedRead<T> read, MethodCounters.Counters stats, Object key,
      List<String> tags, Supplier<T> loader) {
    // The stamps are taken before the query: a bump during the query makes this entry invalid.
    long loadedAt = clock.getAsLong();
    Stamps stamps = generations.stamps(tags);
    long started = System.nanoTime();
    T value = loader.get();
    stats.loads.increment();
    stats.loadNanos.add(System.nanoTime() - started);
    CacheEntry entry = entry(read, value, tags, stamps, stats, loadedAt);
    storeL1(key, entry);
    if (redisEntries && entry.staleUntil() > clock.getAsLong()) {
      redis.set(redisKey(key), encoding.encode(entry, read.codec()),
          Duration.ofMillis(entry.staleUntil() - clock.getAsLong()));
    }
    return entry;
  }

  private void storeL1(Object key, CacheEntry entry) {
    if (l1Enabled && entry.staleUntil() > now()) { // Caffeine's ticker reads now() too
      l1.put(key, entry);
    }
  }

  /**
   * Queues one refresh of a stale entry. A queued refresh is not a load in flight: a caller that
   * misses meanwhile loads at once rather than waiting behind the queue.
   */
  private <T> void refreshInBackground(CachedRead<T> read, MethodCounters.Counters stats,
      Object key, List<String> tags, Supplier<T> loader) {
    // Called with the stale entry's own tags: they are the ones of this key.
    if (!refreshing.add(key)) {
      return;
    }
    try {
      refresher.execute(() -> {
        Flight mine = new Flight(new CompletableFuture<>(), System.nanoTime());
        try {
          if (flights.putIfAbsent(key, mine) == null) {
            try {
              mine.result().complete(load(read, stats, key, tags, loader));
            } catch (RuntimeException | Error e) {
              mine.result().completeExceptionally(e);
            } finally {
              flights.remove(key, mine);
            }
          }
        } finally {
          refreshing.remove(key);
        }
      });
    } catch (RejectedExecutionException e) {
      refreshing.remove(key); // the queue is full: the entry is refreshed by its next miss
    }
  }

  private CacheEntry entry(CachedRead<?> read, Object value, List<String> tags, Stamps stamps,
      MethodCounters.Counters stats, long loadedAt) {
    CachePolicy policy = read.policy();
    long now = clock.getAsLong();
    Duration ttl = isEmpty(value) ? policy.emptyTtl() : policy.ttl();
    boolean degraded = this.degraded.getAsBoolean();
    if (degraded && ttl.compareTo(degradedTtl) > 0) {
      ttl = degradedTtl; // other processes' bumps cannot reach us: keep entries short
    }
    long ttlMillis = ttl.toMillis();
    if (jitter > 0 && ttlMillis > 0) {
      ttlMillis -= (long) (ttlMillis * jitter * ThreadLocalRandom.current().nextDouble());
    }
    long freshUntil = now + ttlMillis;
    long staleUntil = freshUntil + (degraded ? 0 : policy.staleWhileRevalidate().toMillis());
    return new CacheEntry(read, value, tags, stamps, freshUntil, staleUntil, stats, loadedAt);
  }

  /**
   * Whether every stamp is still the current generation of its tag in this process and the
   * value is known to be recent enough: Redis vouches for the stamps now, for a strict read; for
   * any other, the entry's own query began within {@code maxStaleness}, or Redis vouched for the
   * stamps within it (asked when needed).
   */
  private boolean valid(CacheEntry entry, boolean strict, long now) {
    if (redis == null && !strict) {
      return TagGenerations.current(entry.stamps()); // no other process can bump
    }
    // The table's vouch is read before the stamps are checked: if they are current after it, no
    // message applied before the vouch replaced them (the common hit: one clock read, one
    // volatile read and the stamps).
    boolean vouched = !strict && generations.vouchedWithin(now, maxStalenessMillis);
    if (!TagGenerations.current(entry.stamps())) {
      return false;
    }
    if (vouched) {
      return true;
    }
    if (!strict && Generation.within(entry.loadedAt(), now, maxStalenessMillis)) {
      return true; // FROM_REDIS is NEVER: another process's query vouches for nothing here
    }
    return confirmedByRedis(entry.stamps(), entry.tags(), strict, now);
  }

  /**
   * Whether Redis holds the tokens of the generations in {@code stamps}, this process's current
   * ones for {@code tags}, with no bump of them still on its way there: asked now for a strict
   * read; for any other, taken as known when Redis said so within {@code maxStaleness} (for the
   * whole table, or for these tags), and asked otherwise. Without an answer nothing is trusted:
   * while Redis does not answer, reads are served by entries whose own query is recent enough
   * (see {@link #valid}), and go to PostgreSQL otherwise.
   */
  private boolean confirmedByRedis(Stamps stamps, List<String> tags, boolean strict, long now) {
    Generation[] held = stamps.generations();
    if (redis == null && !strict) {
      return true; // no other process can bump: this process knows every generation
    }
    if (!strict) {
      // Cheapest first: the whole table vouched for within the window (one round trip per
      // window, or per three quarters of one, for the process), these tags vouched for, a new
      // vouch for the table, and last these tags asked for. A vouch for the table covers the
      // stamps only if they are still current after it: a message applied since they were
      // checked may have replaced one.
      if (generations.vouchedWithin(now, maxStalenessMillis) && TagGenerations.current(stamps)) {
        return true;
      }
      if (confirmedWithin(held, now)) {
        return true;
      }
      if (generations.vouch(now, maxStalenessMillis) && TagGenerations.current(stamps)) {
        return true;
      }
    }
    Generation[] answer = generations.fromRedis(tags);
    if (answer == null) {
      return false;
    }
    if (!sameTokens(held, answer)) {
      return false;
    }
    for (Generation generation : held) {
      generation.confirmedAt(now);
    }
    return true;
  }

  private boolean confirmedWithin(Generation[] held, long now) {
    for (Generation generation : held) {
      if (!generation.confirmedWithin(now, maxStalenessMillis)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameTokens(Generation[] a, Generation[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (!a[i].token().equals(b[i].token())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof Optional<?> optional && optional.isEmpty())
        || (value instanceof Collection<?> collection && collection.isEmpty())
        || (value instanceof Page<?> page && page.content().isEmpty())
        || (value instanceof CursorPage<?> page && page.content().isEmpty());
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  /**
   * Drops every in-process entry and generation: they may have missed bumps. The generations go
   * first: that alone invalidates every entry (a read in flight stamps a dead state), so no
   * entry stored between the two steps can outlive them.
   */
  void dropLocal() {
    generations.clear();
    l1.invalidateAll();
  }

  long l1Size() {
    return l1.estimatedSize();
  }
}
