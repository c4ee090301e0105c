package dev.larder.example.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One configuration of the service under test, and how to start an instance of it. */
enum Configuration {
  /** The Larder service with both cache levels off: every read goes to PostgreSQL. */
  NO_CACHE("no-cache"),
  /** The Larder service in the default consistency mode. */
  LARDER("larder"),
  /** The Larder service with the catalog in strict mode. */
  LARDER_STRICT("larder-strict"),
  /** The Larder service with Redis for invalidation only: no entries there (redisEntries off). */
  LARDER_LOCAL("larder-local"),
  /** The Spring Boot peer with Spring Cache on Caffeine, one cache per instance. */
  SPRING_CACHE("spring-cache"),
  /** The Spring Boot peer with Spring Cache on Redis (RedisCacheManager). */
  SPRING_CACHE_REDIS("spring-cache-redis");

  private final String label;

  Configuration(String label) {
    this.label = label;
  }

  /** Its name in reports and on the command line. */
  String label() {
    return label;
  }

  boolean spring() {
    return this == SPRING_CACHE || this == SPRING_CACHE_REDIS;
  }

  static Configuration of(String label) {
    for (Configuration c : values()) {
      if (c.label.equals(label.trim())) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown configuration '" + label + "'; known: no-cache, larder,"
        + " larder-strict, larder-local, spring-cache, spring-cache-redis");
  }

  /**
   * The command that starts one instance on {@code port}, over the servers of {@code servers}.
   *
   * @param classPath the class path of the Larder service
   * @param peerJar the Spring Boot peer's jar
   * @param warmProducts how many of the most popular products the instance reads before it
   *     reports healthy (the same for every configuration)
   */
  ProcessBuilder command(int port, LoadServers servers, String classPath, Path peerJar, int poolSize,
      int warmProducts) {
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms256m", "-Xmx512m", "-XX:+UseParallelGC"));
    ProcessBuilder builder = new ProcessBuilder();
    Map<String, String> environment = builder.environment();
    if (spring()) {
      command.addAll(List.of("-jar", peerJar.toString(), "--server.port=" + port,
          "--server.address=127.0.0.1",
          "--spring.datasource.url=" + servers.jdbcUrl(),
          "--spring.datasource.hikari.maximum-pool-size=" + poolSize,
          "--spring.data.redis.url=" + servers.redisUrl(),
          "--spring.profiles.active=" + (this == SPRING_CACHE ? "caffeine" : "redis"),
          "--shop.warm-products=" + warmProducts));
    } else {
      command.addAll(List.of("-cp", classPath, "dev.larder.example.service.ServiceMain",
          "--port", Integer.toString(port), "--mode", label, "--no-seed", "--quiet",
          "--warm", Integer.toString(warmProducts)));
      environment.put("DATABASE_URL", servers.jdbcUrl());
      environment.put("REDIS_URL", servers.redisUrl());
      environment.put("DATABASE_POOL_SIZE", Integer.toString(poolSize));
    }
    return builder.command(command);
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
