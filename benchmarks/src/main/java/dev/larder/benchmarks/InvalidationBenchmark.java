package dev.larder.benchmarks;

import dev.larder.runtime.Larder;
import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.runtime.internal.RepositorySupport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Invalidating one tag, by the number of entries cached under it. Each fork first caches
 * {@code keysUnderTag} entries in both levels (L1 and Redis), all tagged with one tag, then measures
 * {@code larder.invalidateTags(List.of(tag))}: a new generation for the tag in this process, and
 * one Redis round trip that stores it and publishes it to the other processes. No entry is
 * visited, so the cost should not depend on {@code keysUnderTag}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class InvalidationBenchmark {
  /** A cached read whose loader returns its argument: populating costs no query. */
  private static final CachedRead<Long> VALUE = new CachedRead<>(
      new RepositoryMethod("InvalidationBenchmark", "value", "SELECT :n", "00000000"),
      new CachePolicy(Duration.ofHours(1), Duration.ofSeconds(30), Duration.ZERO, false),
      Codecs.LONG);

  @Param({"10", "100000"})
  int keysUnderTag;

  private BenchmarkServers servers;
  private Larder larder;
  /** The read path generated repositories take. */
  private RepositorySupport repositories;
  private List<String> tag;

  @Setup(Level.Trial)
  public void setUp() {
    servers = BenchmarkServers.start(builder -> builder.localCacheMaximumSize(keysUnderTag + 1_000));
    larder = servers.larder;
    repositories = RepositorySupport.of(larder);
    tag = List.of("group:" + keysUnderTag);
    long started = System.nanoTime();
    for (int i = 0; i < keysUnderTag; i++) {
      long n = i;
      repositories.read(VALUE, "value:" + i, () -> tag, handle -> n);
    }
    long loads = larder.cacheStats().loads();
    long redisKeys = servers.redisson.getKeys().getKeysStream()
        .filter(key -> key.startsWith(servers.namespace + ":e:")).count();
    if (loads != keysUnderTag || redisKeys != keysUnderTag || read(0) != 0
        || larder.cacheStats().l1Hits() != 1) {
      throw new IllegalStateException("expected " + keysUnderTag + " entries in both levels but "
          + redisKeys + " are in Redis; " + larder.cacheStats());
    }
    System.out.printf("%ncached %d entries under %s in %.1f s%n",
        keysUnderTag, tag.get(0), (System.nanoTime() - started) / 1e9);
  }

  private long read(int i) {
    return repositories.read(VALUE, "value:" + i, () -> tag, handle -> (long) i);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    // The entries really are dead: a read after the invalidations loads again.
    long loads = larder.cacheStats().loads();
    read(keysUnderTag - 1);
    boolean reloaded = larder.cacheStats().loads() == loads + 1;
    servers.close();
    if (!reloaded) {
      throw new IllegalStateException("an entry under " + tag + " was served after invalidation");
    }
  }

  @Benchmark
  public void invalidateTag() {
    larder.invalidateTags(tag);
  }
}
