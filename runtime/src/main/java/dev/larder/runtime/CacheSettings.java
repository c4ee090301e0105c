package dev.larder.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The cache part of a {@link LarderBuilder}, and how it becomes a running cache. */
final class CacheSettings {
  private static final Logger log = LoggerFactory.getLogger(CacheSettings.class);

  boolean localCache = true;
  boolean redisCache = true;
  boolean redisEntries = true;
  long localMaximumSize = 100_000;
  RedissonClient redisson;
  String redisUrl;
  Path redissonYaml;
  Duration redisTimeout = Duration.ofMillis(250);
  Duration breakerCoolDown = Duration.ofSeconds(2);
  Duration degradedTtl = Duration.ofSeconds(5);
  int compressionThreshold = 1024;
  double ttlJitter = 0.1;
  String namespace = "larder";
  /** Wall-clock millis deciding freshness; tests of expiry replace it. */
  LongSupplier clock = System::currentTimeMillis;

  Duration heartbeat = Duration.ofMillis(500);
  /** With no answer from Redis for this long, the breaker opens (the cache is degraded). */
  Duration lease = Duration.ofSeconds(1);
  long generationTableSize = 1_000_000;
  int maximumPendingInvalidations = 10_000;
  int refreshQueue = 1_000;
  Duration invalidationWait = Duration.ofMillis(50);
  Duration maxStaleness = Duration.ofMillis(50);
  boolean strictReads;

  /** What {@link #start()} made; closed by the runtime. */
  record Running(
      TwoLevelCache cache, TagGenerations generations, RedisLink redis, ExecutorService refresher,
      ScheduledExecutorService watcher, RedisWatch watch) {

    void close() {
      refresher.shutdownNow();
      if (watch != null) {
        watch.close();
      }
      if (watcher != null) {
        watcher.shutdownNow();
        try {
          // so that no heartbeat or subscription starts on the client after it is released
          watcher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (redis != null) {
        redis.close();
      }
    }
  }

  /**
   * Starts the cache, building its pieces in the order they need each other: the Redis link, the
   * tag generations kept through it, the two-level cache over both, and last the watch that acts
   * on all three when Redis goes or comes back. Never waits for Redis nor fails because it is
   * down: the heartbeat picks it up when it answers. If anything fails, whatever was started is
   * stopped again.
   *
   * @param counters what the cache counts hits, misses and loads into
   */
  Running start(MethodCounters counters) {
    ExecutorService refresher = null;
    ScheduledExecutorService watcher = null;
    Client client = null;
    RedisWatch watch = null;
    try {
      AtomicInteger threads = new AtomicInteger();
      // Bounded: a burst of stale hits queues at most this many refreshes, the rest wait for
      // their next miss.
      refresher = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(refreshQueue), runnable -> {
            Thread thread = new Thread(runnable, "larder-refresh-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
      client = redisCache ? client() : null;
      if (client == null) {
        log.info("no Redis configured: caching in this process only (L1)");
        TagGenerations generations = new TagGenerations(null, generationTableSize,
            maximumPendingInvalidations);
        TwoLevelCache cache = new TwoLevelCache(localCache, localMaximumSize, null, false,
            generations, new EntryEncoding(compressionThreshold), refresher, clock, ttlJitter,
            degradedTtl, () -> false, maxStaleness, strictReads, counters);
        return new Running(cache, generations, null, refresher, null, null);
      }
      AtomicInteger watchThreads = new AtomicInteger();
      watcher = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "larder-redis-watch-" + watchThreads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      RedisLink redis = new RedisLink(client.redisson(), client.owned(), namespace, redisTimeout,
          Duration.ofDays(7), breakerCoolDown);
      TagGenerations generations = new TagGenerations(redis, generationTableSize,
          maximumPendingInvalidations, invalidationWait, lease, watcher);
      TwoLevelCache cache = new TwoLevelCache(localCache, localMaximumSize, redis, redisEntries,
          generations, new EntryEncoding(compressionThreshold), refresher, clock, ttlJitter,
          degradedTtl, redis::degraded, maxStaleness, strictReads, counters);
      watch = new RedisWatch(watcher, lease, redis, generations, cache);
      // The one cycle: the watch acts on the link whose breaker it listens to, so it is named
      // the breaker's listener once both exist, before anything calls Redis.
      redis.onBreakerChange(watch);
      watch.start(heartbeat, redisTimeout.multipliedBy(4));
      return new Running(cache, generations, redis, refresher, watcher, watch);
    } catch (RuntimeException | Error e) {
      // No thread and no client may outlive a failed start.
      if (refresher != null) {
        refresher.shutdownNow();
      }
      if (watcher != null) {
        watcher.shutdownNow();
      }
      if (watch != null) {
        watch.close();
      }
      if (client != null && client.owned()) {
        client.redisson().shutdown();
      }
      throw e;
    }
  }

  /** A Redis client and whether the runtime created it (and so shuts it down). */
  private record Client(RedissonClient redisson, boolean owned) {}

  /** The configured Redis client, or null when none is configured. */
  private Client client() {
    if (redisson != null) {
      return new Client(redisson, false);
    }
    Config config;
    if (redissonYaml != null) {
      try {
        config = Config.fromYAML(redissonYaml.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Redisson config " + redissonYaml, e);
      }
    } else if (redisUrl != null) {
      config = new Config();
      config.useSingleServer()
          .setAddress(redisUrl)
          .setTimeout((int) redisTimeout.toMillis())
          // Redisson connects on the calling thread: no longer than a call may take.
          .setConnectTimeout((int) redisTimeout.toMillis())
          .setRetryAttempts(0);
    } else {
      return null;
    }
    // Redisson connects at once otherwise: an unreachable server must not stop the application.
    config.setLazyInitialization(true);
    return new Client(Redisson.create(config), true);
  }
}
