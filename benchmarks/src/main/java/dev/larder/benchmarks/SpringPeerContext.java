package dev.larder.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.larder.testing.TestRedis;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionManager;

/**
 * The Spring side of the pairs: a plain Spring context (no Boot) configured as the Spring Data
 * JDBC and Spring Cache reference documentation configure one — {@code @EnableJdbcRepositories}
 * over {@link AbstractJdbcConfiguration}, and {@code @EnableCaching} with a
 * {@link CaffeineCacheManager} or a {@link RedisCacheManager} on Lettuce — on the fork's own
 * PostgreSQL schema and Redis.
 *
 * <p>Its HikariCP pool is a second pool with the settings of the one Larder and Jdbi use (copied
 * from it), so that neither side waits for the other's connections.
 */
final class SpringPeerContext {
  /** The cache behind {@code @Cacheable}. */
  enum Caching {
    /** No {@code @EnableCaching}: the repository only. */
    NONE,
    /** {@link CaffeineCacheManager}, configured as Larder's L1: bounded, per-entry expiry. */
    CAFFEINE,
    /** {@link RedisCacheManager} on Lettuce, values JDK-serialized (Spring's default). */
    REDIS
  }

  /** What the configuration classes take from the fork: the pool's settings and Redis. */
  record Settings(HikariConfig pool, String redisHost, int redisPort, String redisKeyPrefix) {}

  private SpringPeerContext() {}

  /**
   * Starts a context on the servers of a fork. Close it before the servers.
   *
   * @param servers the fork's PostgreSQL schema, pool and Redis namespace
   * @param caching the cache behind {@link SpringItemService}
   */
  static AnnotationConfigApplicationContext start(BenchmarkServers servers, Caching caching) {
    HikariConfig pool = new HikariConfig();
    ((HikariDataSource) servers.database.dataSource()).copyStateTo(pool);
    pool.setPoolName("spring-peer");
    TestRedis redis = TestRedis.get();
    Settings settings = new Settings(pool, redis.host(), redis.port(), servers.namespace + ":spring:");

    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(Settings.class, () -> settings);
    context.register(JdbcConfiguration.class, SpringItemService.class);
    switch (caching) {
      case CAFFEINE -> context.register(CaffeineCaching.class);
      case REDIS -> context.register(RedisCaching.class);
      case NONE -> { }
    }
    context.refresh();
    return context;
  }

  /**
   * Checks that Spring read the row Larder read, so that both sides of a pair do the same work.
   *
   * @throws IllegalStateException if not
   */
  static void checkSameRow(Optional<Item> larder, Optional<SpringItem> spring) {
    Optional<Item> springRow = spring.map(
        row -> new Item(row.id(), row.sku(), row.name(), row.category(), row.priceCents()));
    if (larder.isEmpty() || !larder.equals(springRow)) {
      throw new IllegalStateException("Spring read " + spring + " where Larder read " + larder);
    }
  }

  /** Spring Data JDBC on one HikariCP pool. */
  @Configuration(proxyBeanMethods = false)
  @EnableJdbcRepositories(basePackageClasses = SpringItemRepository.class)
  static class JdbcConfiguration extends AbstractJdbcConfiguration {

    @Bean
    HikariDataSource dataSource(Settings settings) {
      return new HikariDataSource(settings.pool());
    }

    @Bean
    NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource) {
      return new NamedParameterJdbcTemplate(dataSource);
    }

    @Bean
    TransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }
  }

  /** Spring Cache on Caffeine, in the process. */
  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class CaffeineCaching {

    @Bean
    CacheManager cacheManager() {
      CaffeineCacheManager manager = new CaffeineCacheManager();
      // What L1HitBenchmark's plain Caffeine copies from Larder's L1.
      manager.setCaffeine(Caffeine.newBuilder()
          .maximumSize(100_000)
          .expireAfter(Expiry.writing((Object key, Object value) -> Duration.ofMinutes(30))));
      return manager;
    }
  }

  /** Spring Cache on Redis, the fork's Redis, under the fork's key namespace. */
  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class RedisCaching {

    @Bean
    LettuceConnectionFactory redisConnectionFactory(Settings settings) {
      return new LettuceConnectionFactory(
          new RedisStandaloneConfiguration(settings.redisHost(), settings.redisPort()));
    }

    @Bean
    CacheManager cacheManager(RedisConnectionFactory connectionFactory, Settings settings) {
      return RedisCacheManager.builder(connectionFactory)
          .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
              .entryTtl(Duration.ofMinutes(30))
              .prefixCacheNameWith(settings.redisKeyPrefix()))
          .build();
    }
  }
}
