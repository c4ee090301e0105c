package dev.larder.runtime;

import dev.larder.runtime.internal.RepositoryMethod;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/** The counters of every repository method one runtime has seen, created on first use. */
final class MethodCounters {
  /** The counters of one method. */
  static final class Counters {
    final String method;
    /** Requests other than the in-process hits of the fast path. */
    final LongAdder requests = new LongAdder();
    /** In-process hits other than those of the fast path. */
    final LongAdder l1Hits = new LongAdder();
    /**
     * In-process hits of the fast path ({@code TwoLevelCache.cached}): each is a request and an
     * in-process hit, counted once, so that a hit pays one increment.
     */
    final LongAdder fastHits = new LongAdder();
    final LongAdder l2Hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder loads = new LongAdder();
    final LongAdder loadNanos = new LongAdder();
    final LongAdder staleServed = new LongAdder();
    final LongAdder invalidations = new LongAdder();

    Counters(String method) {
      this.method = method;
    }

    MethodStats snapshot() {
      return new MethodStats(method, requests(), l1Hits(), l2Hits.sum(), misses.sum(),
          loads.sum(), loadNanos.sum(), staleServed.sum(), invalidations.sum());
    }

    /** Every cached read of the method. */
    long requests() {
      return requests.sum() + fastHits.sum();
    }

    /** Every read of the method served from the in-process cache. */
    long l1Hits() {
      return l1Hits.sum() + fastHits.sum();
    }
  }

  static final int MAXIMUM_FAMILIES = 256;
  static final String OTHER_FAMILY = "(other)";

  private final Map<String, Counters> byMethod = new ConcurrentHashMap<>();
  /** Invalidations by tag family, the text before a tag's first ':' (bounded, unlike tags). */
  private final Map<String, LongAdder> byFamily = new ConcurrentHashMap<>();
  private final List<Consumer<Counters>> listeners = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, LongAdder>> familyListeners = new CopyOnWriteArrayList<>();

  Counters of(RepositoryMethod method) {
    Counters counters = byMethod.get(method.qualifiedName());
    return counters != null ? counters : byMethod.computeIfAbsent(method.qualifiedName(), name -> {
      Counters created = new Counters(name);
      listeners.forEach(listener -> listener.accept(created));
      return created;
    });
  }

  void invalidated(List<String> tags) {
    for (String tag : tags) {
      String family = family(tag);
      LongAdder count = byFamily.get(family);
      if (count == null) {
        count = byFamily.computeIfAbsent(family, f -> {
          LongAdder created = new LongAdder();
          familyListeners.forEach(listener -> listener.accept(f, created));
          return created;
        });
      }
      count.increment();
    }
  }

  /**
   * The family of a tag: the text before its first ':' ({@code product} for
   * {@code product:42}). A tag without one is a family of its own only while there are fewer
   * than {@value #MAXIMUM_FAMILIES} families; past that, new families count as
   * {@value #OTHER_FAMILY}, so that the number of series stays bounded whatever the tags.
   */
  private String family(String tag) {
    int colon = tag.indexOf(':');
    String family = colon < 0 ? tag : tag.substring(0, colon);
    return byFamily.containsKey(family) || byFamily.size() < MAXIMUM_FAMILIES
        ? family : OTHER_FAMILY;
  }

  /** Calls {@code listener} for every method known now and every one seen later. */
  void onEachMethod(Consumer<Counters> listener) {
    listeners.add(listener);
    byMethod.values().forEach(listener);
  }

  /** Calls {@code listener} for every tag family known now and every one seen later. */
  void onEachFamily(BiConsumer<String, LongAdder> listener) {
    familyListeners.add(listener);
    byFamily.forEach(listener);
  }

  Map<String, MethodStats> snapshot() {
    Map<String, MethodStats> out = new TreeMap<>();
    byMethod.forEach((name, c) -> out.put(name, c.snapshot()));
    return out;
  }

  Map<String, Long> invalidationsByFamily() {
    Map<String, Long> out = new TreeMap<>();
    byFamily.forEach((family, count) -> out.put(family, count.sum()));
    return out;
  }

  /** Sums over every method, for the runtime-wide {@link CacheStats}. */
  long sum(ToLongFunction<Counters> counter) {
    long total = 0;
    for (Counters c : byMethod.values()) {
      total += counter.applyAsLong(c);
    }
    return total;
  }
}
