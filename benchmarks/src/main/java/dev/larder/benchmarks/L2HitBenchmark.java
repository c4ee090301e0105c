package dev.larder.benchmarks;

import dev.larder.runtime.CacheStats;
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
import org.redisson.api.RBucket;
import org.redisson.client.codec.ByteArrayCodec;

/**
 * A Redis (L2) hit through a generated repository, side by side with a raw Redisson bucket get
 * of the same number of bytes on the same Redis through the same client.
 *
 * <ul>
 *   <li>{@code larderFindById}: {@code repo.findById(id)} on a Larder built with
 *       {@code localCache(false)}, so every read is a Redis GET, a decode of the entry (deadlines,
 *       tag stamps, the row) and a check of its stamps against the in-process generation table;
 *   <li>{@code redissonBucketGet}: {@code RBucket<byte[]>.get()} ({@link ByteArrayCodec}) of a copy
 *       of the very bytes Larder stored for that entry, under another key.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class L2HitBenchmark {
  long id = 1;

  private BenchmarkServers servers;
  private ItemRepository repository;
  private RBucket<byte[]> bucket;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder.localCache(false));
    repository = servers.warmFindById(id, "L2", CacheStats::l2Hits);
    // Where RedisLink keeps entries: <namespace>:e:<key>.
    byte[] stored = servers.redisson
        .<byte[]>getBucket(servers.namespace + ":e:" + ItemRepositoryKeys.findById(id),
            ByteArrayCodec.INSTANCE)
        .get();
    if (stored == null) {
      throw new IllegalStateException("Larder's entry for findById(1) is not where expected");
    }
    bucket = servers.redisson.getBucket(servers.namespace + ":raw", ByteArrayCodec.INSTANCE);
    bucket.set(stored);
    System.out.println("\nLarder's L2 entry for findById(1): " + stored.length + " bytes");
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
  public byte[] redissonBucketGet() {
    return bucket.get();
  }
}
