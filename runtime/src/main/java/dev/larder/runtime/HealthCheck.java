package dev.larder.runtime;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;

/** Checks the database and Redis within a time budget; never throws. */
final class HealthCheck {
  private final DataSource dataSource;
  private final RedisLink redis;
  private final Supplier<CacheStats> cacheStats;
  private final Executor executor;
  private final Duration budget;

  HealthCheck(DataSource dataSource, RedisLink redis, Supplier<CacheStats> cacheStats,
      Executor executor, Duration budget) {
    this.dataSource = dataSource;
    this.redis = redis;
    this.cacheStats = cacheStats;
    this.executor = executor;
    this.budget = budget;
  }

  Health check() {
    Health.Database database = database();
    Health.Redis redisHealth = redis();
    Health.Status status = !database.up() ? Health.Status.DOWN
        : redisHealth.configured() && (!redisHealth.up() || !redisHealth.subscribed()
            || !"CLOSED".equals(redisHealth.breaker()))
            ? Health.Status.DEGRADED : Health.Status.UP;
    return new Health(status, database, redisHealth, cacheStats.get());
  }

  private Health.Database database() {
    int active = -1;
    int idle = -1;
    int waiting = -1;
    int total = -1;
    if (dataSource instanceof HikariDataSource hikari && !hikari.isClosed()) {
      HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
      if (pool != null) {
        active = pool.getActiveConnections();
        idle = pool.getIdleConnections();
        waiting = pool.getThreadsAwaitingConnection();
        total = pool.getTotalConnections();
      }
    }
    long started = System.nanoTime();
    try {
      CompletableFuture.supplyAsync(this::selectOne, executor)
          .get(budget.toMillis(), TimeUnit.MILLISECONDS);
      long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started);
      return new Health.Database(true, micros, active, idle, waiting, total, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health.Database(false, -1, active, idle, waiting, total, "interrupted");
    } catch (TimeoutException e) {
      return new Health.Database(false, -1, active, idle, waiting, total,
          "no answer within " + budget.toMillis() + " ms");
    } catch (ExecutionException | RuntimeException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      // A driver's message may quote a connection URL; a health report is shown to operators.
      return new Health.Database(false, -1, active, idle, waiting, total,
          DatabaseUrl.redact(String.valueOf(cause.getMessage())));
    }
  }

  private Void selectOne() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout((int) Math.max(1, budget.toSeconds()));
      statement.execute("SELECT 1");
      return null;
    } catch (SQLException e) {
      throw new LarderException(e.getMessage(), e);
    }
  }

  private Health.Redis redis() {
    if (redis == null) {
      return new Health.Redis(false, false, -1, null, false);
    }
    long nanos = redis.ping();
    return new Health.Redis(true, nanos >= 0, nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMicros(nanos),
        redis.breaker.state().name(), redis.isSubscribed());
  }
}
