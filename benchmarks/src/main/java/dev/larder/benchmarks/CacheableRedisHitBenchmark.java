package dev.larder.benchmarks;

import dev.larder.runtime.CacheStats;
import dev.larder.benchmarks.SpringPeerContext.Caching;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * A Redis (L2) hit through a generated repository, side by side with a warm {@code @Cacheable}
 * hit on Spring Cache's {@code RedisCacheManager}, on the same Redis, for the same row.
 *
 * <ul>
 *   <li>{@code larderFindById}: {@code repo.findById(id)} on a Larder built with
 *       {@code localCache(false)}, as in {@link L2HitBenchmark}: a Redis {@code GET} through
 *       Redisson, the entry decoded and its tag stamps checked;
 *   <li>{@code springCacheableFindById}: {@link SpringItemService#findById} through Spring's proxy
 *       and {@code RedisCacheManager}: a Redis {@code GET} through Lettuce and a JDK
 *       deserialization of the row (Spring's default value serializer).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CacheableRedisHitBenchmark {
  long id = 1;

  private BenchmarkServers servers;
  private AnnotationConfigApplicationContext spring;
  private ItemRepository repository;
  private SpringItemService service;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder.localCache(false));
    repository = servers.warmFindById(id, "L2", CacheStats::l2Hits);
    Optional<Item> item = repository.findById(id);
    spring = SpringPeerContext.start(servers, Caching.REDIS);
    service = spring.getBean(SpringItemService.class);
    Optional<SpringItem> springItem = service.findById(id);
    // Where RedisLink keeps Larder's entry, <namespace>:e:<key>, and where RedisCacheManager
    // keeps Spring's, <prefix><cache>::<key>.
    byte[] larderEntry = storedBytes(servers.namespace + ":e:" + ItemRepositoryKeys.findById(id));
    byte[] springEntry = storedBytes(servers.namespace + ":spring:items::" + id);
    if (larderEntry == null || springEntry == null) {
      throw new IllegalStateException("an entry for findById(1) is not where expected");
    }
    SpringPeerContext.checkSameRow(item, springItem);
    System.out.println("\nfindById(1) in Redis: Larder's entry " + larderEntry.length
        + " bytes, Spring's " + springEntry.length + " bytes");
  }

  private byte[] storedBytes(String key) {
    return servers.redisson.<byte[]>getBucket(key, ByteArrayCodec.INSTANCE).get();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Shown with the results: what Larder really served (every read after set-up an L2 hit expected; a busy machine can
    // make the Redis watchdog time out and degrade to PostgreSQL).
    System.out.println("\nLarder's cache over the trial: " + servers.larder.cacheStats());
    spring.close();
    servers.close();
  }

  @Benchmark
  public Optional<Item> larderFindById() {
    return repository.findById(id);
  }

  @Benchmark
  public Optional<SpringItem> springCacheableFindById() {
    return service.findById(id);
  }
}
