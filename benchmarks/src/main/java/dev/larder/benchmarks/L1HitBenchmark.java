package dev.larder.benchmarks;

import dev.larder.runtime.CacheStats;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
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

/**
 * An in-process (L1) hit through a generated repository, side by side with the Caffeine lookup it
 * is built on.
 *
 * <ul>
 *   <li>{@code larderFindById}: {@code repo.findById(id)} on a warm entry — the generated method
 *       builds the key from the argument, the runtime looks it up in Caffeine and checks the
 *       entry's tag stamps and freshness;
 *   <li>{@code caffeineGetIfPresent}: {@code getIfPresent} with a prebuilt key, the floor;
 *   <li>{@code caffeineGetIfPresentBuildingKey}: the same, with the key built per call
 *       ({@code "item:" + id}), as any caller that looks up by argument must;
 *   <li>{@code caffeineGetIfPresentRecordKey}: the same with a small record built per call as
 *       the key, as the generated method builds its in-process key: what is left between it and
 *       {@code larderFindById} is Larder's own work on a hit (the transaction check, the entry's
 *       read and tag stamps, the counters).
 * </ul>
 *
 * <p>The Caffeine cache is configured as Larder's L1 is: bounded size and a per-entry expiry.
 * Larder runs with Redis, as in production; an L1 hit makes no Redis call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class L1HitBenchmark {
  /** Not a constant, so that the key really is built per call. */
  long id = 1;

  private BenchmarkServers servers;
  private ItemRepository repository;
  private Cache<Object, Object> caffeine;

  /** A key like the generated {@code FindByIdKey}. */
  private record IdKey(long id) {}
  private String key;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder);
    repository = servers.warmFindById(id, "L1", CacheStats::l1Hits);
    Optional<Item> item = repository.findById(id);
    caffeine = Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfter(Expiry.<Object, Object>writing((k, v) -> Duration.ofMinutes(30)))
        .build();
    key = ItemRepositoryKeys.findById(id);
    caffeine.put(key, item);
    caffeine.put("item:" + id, item);
    caffeine.put(new IdKey(id), item);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    servers.close();
  }

  @Benchmark
  public Optional<Item> larderFindById() {
    return repository.findById(id);
  }

  @Benchmark
  public Object caffeineGetIfPresent() {
    return caffeine.getIfPresent(key);
  }

  @Benchmark
  public Object caffeineGetIfPresentBuildingKey() {
    return caffeine.getIfPresent("item:" + id);
  }

  @Benchmark
  public Object caffeineGetIfPresentRecordKey() {
    return caffeine.getIfPresent(new IdKey(id));
  }
}
