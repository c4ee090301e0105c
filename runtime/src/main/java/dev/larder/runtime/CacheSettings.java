package dev.larder.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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

  /** What {@link #start()} made; closed by the runtime. */
  record Running(
      TwoLevelCache cache, TagGenerations generations, RedisLink redis, ExecutorService refresher,
      ScheduledExecutorService watcher) {

    void close() {
      refresher.shutdownNow();
      if (watcher != null) {
        watcher.shutdownNow();
      }
      if (redis != null) {
        redis.close();
      }
    }
  }

  Running start() {
    RedissonClient client = redisCache ? client() : null;
    if (client == null) {
      log.info("no Redis configured: caching in this process only (L1)");
    }
    TagGenerations[] generations = new TagGenerations[1];
    TwoLevelCache[] cache = new TwoLevelCache[1];
    Runnable onRecovery = () -> {
      log.info("Redis answers again: dropping in-process entries and resending missed invalidations");
      cache[0].dropLocal();
      generations[0].retryPending();
    };
    RedisLink redis = client == null ? null : new RedisLink(client, ownsClient, namespace,
        redisTimeout, Duration.ofDays(7), breakerCoolDown, onRecovery);
    generations[0] = new TagGenerations(redis, 1_000_000, Duration.ofHours(1));
    AtomicInteger threads = new AtomicInteger();
    ExecutorService refresher = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, "larder-refresh-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    cache[0] = new TwoLevelCache(localCache, localMaximumSize, redis, generations[0],
        new EntryEncoding(compressionThreshold), refresher, clock, ttlJitter,
        degradedTtl);
    ScheduledExecutorService watcher = null;
    if (redis != null) {
      redis.subscribe(generations[0]::applyRemote, onRecovery);
      watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "larder-redis-watch");
        thread.setDaemon(true);
        return thread;
      });
      RedisLink link = redis;
      String[] lastEpoch = new String[1];
      // The heartbeat notices outages (opening the breaker, so recovery drops what may have been
      // missed) and Redis losing its data (a new epoch), and resends refused invalidations.
      watcher.scheduleWithFixedDelay(() -> {
        try {
          String epoch = link.epoch(TagGenerations.newToken());
          if (epoch != null) {
            if (lastEpoch[0] != null && !lastEpoch[0].equals(epoch)) {
              log.info("Redis lost its data (new epoch); dropping in-process entries");
              cache[0].dropLocal();
            }
            lastEpoch[0] = epoch;
            generations[0].retryPending();
          }
        } catch (RuntimeException e) {
          log.debug("Redis heartbeat failed: {}", e.toString());
        }
      }, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }
    return new Running(cache[0], generations[0], redis, refresher, watcher);
  }

  private boolean ownsClient;

  /** The configured Redis client, or null when none is configured. */
  private RedissonClient client() {
    if (redisson != null) {
      ownsClient = false;
      return redisson;
    }
    ownsClient = true;
    if (redissonYaml != null) {
      try {
        return Redisson.create(Config.fromYAML(redissonYaml.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read Redisson config " + redissonYaml, e);
      }
    }
    if (redisUrl != null) {
      Config config = new Config();
      config.useSingleServer()
          .setAddress(redisUrl)
          .setTimeout((int) redisTimeout.toMillis())
          .setConnectTimeout((int) Math.max(1000, redisTimeout.toMillis()))
          .setRetryAttempts(0);
      // Redisson connects at once; an unreachable server must not stop the application.
      config.setLazyInitialization(true);
      return Redisson.create(config);
    }
    return null;
  }
}
