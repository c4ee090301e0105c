package dev.larder.benchmarks;

import dev.larder.runtime.CacheStats;
import dev.larder.runtime.Larder;
import dev.larder.runtime.LarderBuilder;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The servers of one benchmark fork: PostgreSQL and Redis from {@link TestDatabase} and
 * {@link TestRedis} (the servers in {@code LARDER_TEST_DATABASE_URL} / {@code LARDER_TEST_REDIS_URL},
 * or embedded ones), one Redisson client shared by Larder and the raw peers, and a Redis
 * namespace of the fork's own, deleted on {@link #close()}.
 */
final class BenchmarkServers implements AutoCloseable {
  /** The table and rows of {@link ItemRepository}, created in the fork's own schema. */
  private static final String ITEMS = """
      INSERT INTO item (id, sku, name, category, price_cents)
        SELECT n, 'SKU-' || lpad(n::text, 6, '0'), 'Stainless steel saucepan, 2 l, #' || n,
               'kitchen', 1000 + n
        FROM generate_series(1, 100) AS n
      """;

  final TestDatabase database;
  final RedissonClient redisson;
  final String namespace;
  final Larder larder;

  private BenchmarkServers(UnaryOperator<LarderBuilder> options) {
    database = TestDatabase.get();
    database.execute(BenchmarkSchema.migration("V1__item.sql") + ";\n" + ITEMS);
    Config config = new Config();
    config.useSingleServer().setAddress(TestRedis.get().url());
    redisson = Redisson.create(config);
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    namespace = "larder-bench-" + HexFormat.of().formatHex(random);
    larder = options.apply(Larder.builder()
            .dataSource(database.dataSource())
            .redis(redisson)
            .cacheNamespace(namespace))
        .build();
  }

  /**
   * Creates the schema and a {@link Larder} on both servers.
   *
   * @param options changes to the default runtime configuration
   */
  static BenchmarkServers start(UnaryOperator<LarderBuilder> options) {
    return new BenchmarkServers(options);
  }

  /**
   * A generated {@link ItemRepository} whose {@code findById(id)} has been read twice, the second
   * time served by the cache level {@code hits} counts ("L1" or "L2" in the message): the warm
   * entry every cache-hit benchmark measures.
   *
   * @throws IllegalStateException if the second read was not such a hit
   */
  ItemRepository warmFindById(long id, String level, ToLongFunction<CacheStats> hits) {
    ItemRepository repository = new ItemRepositoryImpl(larder);
    Optional<Item> item = repository.findById(id);
    if (item.isEmpty() || !item.equals(repository.findById(id))
        || hits.applyAsLong(larder.cacheStats()) != 1) {
      throw new IllegalStateException(
          "findById(" + id + ") is not an " + level + " hit: " + larder.cacheStats());
    }
    return repository;
  }

  /** Closes the runtime and the client, after deleting every Redis key of this fork. */
  @Override
  public void close() {
    larder.close();
    // A SCAN, on purpose: it runs once, after the measurements, to leave a shared Redis clean.
    redisson.getKeys().deleteByPattern(namespace + ":*");
    redisson.shutdown();
  }
}
