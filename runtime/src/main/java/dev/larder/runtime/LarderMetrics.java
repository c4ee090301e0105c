package dev.larder.runtime;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToIntFunction;

/**
 * Publishes a runtime's counters to any Micrometer registry (Prometheus, JMX, OTLP...):
 * {@code new LarderMetrics(larder).bindTo(registry)}. Micrometer is an optional dependency of the
 * runtime; only applications that use this class need it.
 *
 * <p>Meters, by repository method ({@code repository}, {@code method} tags):
 * {@code larder.cache.requests}, {@code larder.cache.hits} ({@code level} = {@code l1} or
 * {@code l2}), {@code larder.cache.misses}, {@code larder.cache.stale}, {@code larder.cache.loads}
 * (a timer of the queries that filled the cache) and {@code larder.cache.invalidations} (tags a
 * write invalidated); {@code larder.cache.tag.invalidations} by tag {@code family};
 * {@code larder.cache.invalidations.unconfirmed} (writes that returned before every other
 * process confirmed their invalidation);
 * {@code larder.transactions} by {@code name} and {@code outcome} ({@code committed},
 * {@code rolled_back}), {@code larder.transactions.retries} and
 * {@code larder.transactions.failures} by {@code cause} ({@code deadlock},
 * {@code serialization}); and, when the pool is HikariCP, {@code larder.pool.connections} by
 * {@code state} ({@code active}, {@code idle}, {@code waiting}, {@code total}). Methods and
 * transactions first seen after binding get their meters then.
 */
@SuppressWarnings("exports") // Micrometer is optional: whoever binds meters has it
public final class LarderMetrics implements MeterBinder {
  private final Larder larder;

  /**
   * Creates the binder.
   *
   * @param larder the runtime whose counters to publish
   */
  public LarderMetrics(Larder larder) {
    this.larder = requireNonNull(larder, "larder");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    requireNonNull(registry, "registry");
    larder.methodCounters().onEachMethod(counters -> bindMethod(registry, counters));
    larder.methodCounters().onEachFamily((family, count) ->
        FunctionCounter.builder("larder.cache.tag.invalidations", count, LongAdder::sum)
            .description("Tags invalidated, by the text before the tag's first ':'")
            .tag("family", family)
            .register(registry));
    FunctionCounter.builder("larder.cache.invalidations.unconfirmed", larder,
            l -> l.cacheStats().unconfirmedInvalidations())
        .description("Writes that returned before every other process confirmed their "
            + "invalidation (the invalidation wait ran out)")
        .register(registry);
    larder.transactions().onEachName((name, counters) -> bindTransaction(registry, name, counters));
    if (larder.dataSource() instanceof HikariDataSource hikari) {
      pool(registry, hikari, "active", HikariPoolMXBean::getActiveConnections);
      pool(registry, hikari, "idle", HikariPoolMXBean::getIdleConnections);
      pool(registry, hikari, "waiting", HikariPoolMXBean::getThreadsAwaitingConnection);
      pool(registry, hikari, "total", HikariPoolMXBean::getTotalConnections);
    }
  }

  private static void bindMethod(MeterRegistry registry, MethodCounters.Counters c) {
    int dot = c.method.indexOf('.');
    Tags tags = Tags.of("repository", c.method.substring(0, dot), "method", c.method.substring(dot + 1));
    FunctionCounter.builder("larder.cache.requests", c, MethodCounters.Counters::requests)
        .description("Cached reads")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder("larder.cache.hits", c, MethodCounters.Counters::l1Hits)
        .description("Reads served from the cache")
        .tags(tags.and("level", "l1"))
        .register(registry);
    counter(registry, "larder.cache.hits", "Reads served from the cache", tags.and("level", "l2"),
        c.l2Hits);
    counter(registry, "larder.cache.misses", "Reads that ran their query", tags, c.misses);
    counter(registry, "larder.cache.stale", "Expired entries served during a refresh", tags,
        c.staleServed);
    counter(registry, "larder.cache.invalidations", "Tags invalidated by a write", tags,
        c.invalidations);
    FunctionTimer.builder("larder.cache.loads", c, x -> x.loads.sum(), x -> x.loadNanos.sum(),
            TimeUnit.NANOSECONDS)
        .description("Queries run to fill the cache")
        .tags(tags)
        .register(registry);
  }

  private static void bindTransaction(MeterRegistry registry, String name, Transactions.Counters c) {
    Tags tags = Tags.of("name", name);
    counter(registry, "larder.transactions", "Transactions that ended",
        tags.and("outcome", "committed"), c.committed);
    counter(registry, "larder.transactions", "Transactions that ended",
        tags.and("outcome", "rolled_back"), c.rolledBack);
    counter(registry, "larder.transactions.retries", "Attempts run again after a retryable failure",
        tags, c.retries);
    counter(registry, "larder.transactions.failures", "Attempts that failed retryably",
        tags.and("cause", "deadlock"), c.deadlocks);
    counter(registry, "larder.transactions.failures", "Attempts that failed retryably",
        tags.and("cause", "serialization"), c.serializationFailures);
  }

  private static void counter(
      MeterRegistry registry, String name, String description, Tags tags, LongAdder count) {
    FunctionCounter.builder(name, count, LongAdder::sum)
        .description(description)
        .tags(tags)
        .register(registry);
  }

  private static void pool(MeterRegistry registry, HikariDataSource hikari, String state,
      ToIntFunction<HikariPoolMXBean> read) {
    Gauge.builder("larder.pool.connections", hikari, h -> {
          HikariPoolMXBean pool = h.isClosed() ? null : h.getHikariPoolMXBean();
          return pool == null ? Double.NaN : read.applyAsInt(pool);
        })
        .description("Connections of the pool")
        .tag("state", state)
        .register(registry);
  }
}
