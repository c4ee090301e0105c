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
import org.springframework.aop.support.AopUtils;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * An in-process hit through a generated repository, side by side with a warm {@code @Cacheable}
 * hit through Spring's proxy on the same Caffeine configuration.
 *
 * <ul>
 *   <li>{@code larderFindById}: {@code repo.findById(id)} on a warm L1 entry, as in
 *       {@link L1HitBenchmark};
 *   <li>{@code springCacheableFindById}: {@link SpringItemService#findById} on a warm entry: the
 *       call goes through the CGLIB proxy and Spring's {@code CacheInterceptor} (the default key,
 *       a lookup in {@code CaffeineCacheManager}'s cache, the value wrapped back in an
 *       {@code Optional}), never reaching the method.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CacheableLocalHitBenchmark {
  /** Not a constant, so that keys really are built per call. */
  long id = 1;

  private BenchmarkServers servers;
  private AnnotationConfigApplicationContext spring;
  private ItemRepository repository;
  private SpringItemService service;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder);
    repository = servers.warmFindById(id, "L1", CacheStats::l1Hits);
    Optional<Item> item = repository.findById(id);
    spring = SpringPeerContext.start(servers, Caching.CAFFEINE);
    service = spring.getBean(SpringItemService.class);
    Optional<SpringItem> springItem = service.findById(id);
    Cache cache = spring.getBean(CacheManager.class).getCache("items");
    if (!AopUtils.isAopProxy(service) || cache == null || cache.get(id) == null) {
      throw new IllegalStateException("SpringItemService.findById(1) is not cached by Spring");
    }
    SpringPeerContext.checkSameRow(item, springItem);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // Shown with the results: what Larder really served (every read after set-up an L1 hit expected; a busy machine can
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
