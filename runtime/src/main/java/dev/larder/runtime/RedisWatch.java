package dev.larder.runtime;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how far this process may trust what it holds from Redis, and keeps it true: a heartbeat
 * that notices Redis coming back with other data (a new epoch), bumps that were announced but
 * never arrived, and resends refused bumps; a watchdog that trips the circuit breaker when Redis
 * has not answered for a lease period (even while a call hangs); the recovery when Redis answers
 * again (send the invalidations it refused, then forget what may have missed some); and the
 * subscription, tried on a thread of its own until it holds, so that a runtime started while
 * Redis is down picks it up later.
 *
 * <p>While the breaker is not closed or the subscription is down, the cache is <em>degraded</em>:
 * other processes' invalidations cannot arrive, so new in-process entries live at most the
 * degraded time to live.
 */
final class RedisWatch implements CircuitBreaker.Listener, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RedisWatch.class);

  /**
   * The heartbeat, the subscription and the recovery: each may wait on Redis. The tag
   * generations' vouches asked ahead of their window's end run on the same pool.
   */
  private final ScheduledExecutorService executor;
  /** A thread of its own, which never calls Redis, so that nothing can hold it up. */
  private final ScheduledExecutorService watchdog;
  private final long leaseNanos;
  private final AtomicBoolean subscribing = new AtomicBoolean();
  private final RedisLink redis;
  private final TagGenerations generations;
  private final TwoLevelCache cache;
  private volatile long lastAnswerNanos = System.nanoTime();

  /**
   * A watch of {@code redis}, which should name it the listener of its breaker
   * ({@link RedisLink#onBreakerChange}) before it starts.
   *
   * @param executor runs the heartbeat, the subscription and the recovery (and the vouches the
   *     tag generations ask ahead, see {@link TagGenerations#vouchedWithin})
   * @param lease how long Redis may go without answering before the breaker opens
   * @param redis the link it watches
   * @param generations the tag generations it keeps in step with Redis
   * @param cache the cache whose in-process entries it drops when they may have missed bumps
   */
  RedisWatch(ScheduledExecutorService executor, Duration lease, RedisLink redis,
      TagGenerations generations, TwoLevelCache cache) {
    this.executor = executor;
    this.leaseNanos = lease.toNanos();
    this.redis = redis;
    this.generations = generations;
    this.cache = cache;
    this.watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "larder-redis-watchdog");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Starts watching. Waits up to {@code firstWait} for the subscription and the first heartbeat,
   * so that with Redis up the runtime starts subscribed and knowing the epoch; with Redis down it
   * goes on without them.
   */
  void start(Duration period, Duration firstWait) {
    long deadline = System.nanoTime() + firstWait.toNanos();
    Future<?> subscription = subscribeSoon();
    Future<?> beat = executor.submit(this::beat);
    awaitUntil(subscription, deadline);
    awaitUntil(beat, deadline);
    executor.scheduleWithFixedDelay(this::beat, period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
    long every = Math.max(10, period.toMillis() / 5);
    watchdog.scheduleAtFixedRate(this::checkLease, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
  }

  private static void awaitUntil(Future<?> task, long deadline) {
    if (task == null) {
      return;
    }
    try {
      task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // goes on in the background
    }
  }

  @Override
  public void opened() {
    log.warn("Redis does not answer: serving from PostgreSQL, with short-lived in-process entries");
    runSoon(cache::dropLocal);
  }

  @Override
  public void closed() {
    lastAnswerNanos = System.nanoTime();
    runSoon(() -> {
      log.info("Redis answers again: resending missed invalidations, dropping in-process entries");
      generations.retryPending();
      cache.dropLocal();
      subscribeSoon();
    });
  }

  private void runSoon(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // the runtime is closing
    }
  }

  /** Subscribes on a thread of its own (Redisson may connect on it); null when not needed. */
  private Future<?> subscribeSoon() {
    if (redis.isSubscribed() || !subscribing.compareAndSet(false, true)) {
      return null;
    }
    try {
      return executor.submit(() -> {
        try {
          if (redis.subscribe(generations::onMessage, () -> runSoon(this::resynchronize))) {
            resynchronize();
          }
        } finally {
          subscribing.set(false);
        }
      });
    } catch (RejectedExecutionException e) {
      subscribing.set(false);
      return null;
    }
  }

  /**
   * After the subscription changed: forgets every generation and entry (messages may have been
   * missed) and takes the baseline of bump numbers that must all arrive from now on.
   */
  private void resynchronize() {
    generations.subscriptionChanged(redis.marker(TagGenerations.newToken()));
    cache.dropLocal();
  }

  private void beat() {
    try {
      subscribeSoon();
      RedisLink.Marker marker = redis.marker(TagGenerations.newToken());
      if (marker != null) {
        lastAnswerNanos = System.nanoTime();
        generations.onHeartbeat(marker);
        generations.retryPending();
      }
    } catch (RuntimeException e) {
      log.debug("Redis heartbeat failed: {}", e.toString());
    }
  }

  /** Never calls Redis: a heartbeat stuck in a call must not keep the breaker closed. */
  private void checkLease() {
    if (System.nanoTime() - lastAnswerNanos > leaseNanos
        && redis.breaker.state() == CircuitBreaker.State.CLOSED) {
      redis.breaker.trip();
    }
  }
}
