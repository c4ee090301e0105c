package dev.larder.runtime;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how far this process may trust what it holds from Redis, and keeps it true: a heartbeat
 * that notices Redis going away (and trips the circuit breaker when nothing answered for a
 * lease period), Redis coming back with other data (a new epoch), bumps that were announced but
 * never arrived, and a lost subscription; the recovery when Redis answers again (send the
 * invalidations it refused, then forget what may have missed some); and the subscription itself,
 * tried again until it holds, so that a runtime started while Redis is down picks it up later.
 *
 * <p>While the breaker is not closed or the subscription is down, the cache is <em>degraded</em>:
 * other processes' invalidations cannot arrive, so new in-process entries live at most the
 * degraded time to live.
 */
final class RedisWatch implements CircuitBreaker.Listener {
  private static final Logger log = LoggerFactory.getLogger(RedisWatch.class);

  private final ScheduledExecutorService executor;
  private final long leaseNanos;
  private RedisLink redis;
  private TagGenerations generations;
  private TwoLevelCache cache;
  private volatile long lastAnswerNanos = System.nanoTime();

  RedisWatch(ScheduledExecutorService executor, Duration lease) {
    this.executor = executor;
    this.leaseNanos = lease.toNanos();
  }

  /** Starts the heartbeat over the pieces built with this watch as their breaker listener. */
  void start(RedisLink redis, TagGenerations generations, TwoLevelCache cache, Duration period) {
    this.redis = redis;
    this.generations = generations;
    this.cache = cache;
    // The first beat runs on the caller's thread: with Redis up, the runtime starts subscribed and
    // knowing the epoch; with Redis down, it costs at most a few call budgets.
    beat();
    executor.scheduleWithFixedDelay(this::beat, period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Whether other processes' invalidations may fail to reach this one now. */
  boolean degraded() {
    return redis.breaker.state() != CircuitBreaker.State.CLOSED || !redis.isSubscribed();
  }

  @Override
  public void opened() {
    log.warn("Redis does not answer: serving from PostgreSQL, with short-lived in-process entries");
    runSoon(cache::dropLocal);
  }

  @Override
  public void closed() {
    runSoon(() -> {
      log.info("Redis answers again: resending missed invalidations, dropping in-process entries");
      generations.retryPending();
      cache.dropLocal();
      subscribe();
    });
  }

  private void runSoon(Runnable task) {
    try {
      executor.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the runtime is closing
    }
  }

  private void subscribe() {
    redis.subscribe(generations::onMessage, () -> {
      generations.subscriptionChanged();
      cache.dropLocal();
    });
  }

  private void beat() {
    try {
      subscribe();
      RedisLink.Marker marker = redis.marker(TagGenerations.newToken());
      if (marker != null) {
        lastAnswerNanos = System.nanoTime();
        generations.onHeartbeat(marker);
        generations.retryPending();
      } else if (System.nanoTime() - lastAnswerNanos > leaseNanos) {
        redis.breaker.trip();
      }
    } catch (RuntimeException e) {
      log.debug("Redis heartbeat failed: {}", e.toString());
    }
  }
}
