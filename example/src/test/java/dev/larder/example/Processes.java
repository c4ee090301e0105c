package dev.larder.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runtimes that stand for the processes of one application, for a test to
 * {@code @RegisterExtension}: each has its own in-process cache, all share the test database
 * (emptied before each test) and one Redis under a namespace of the test's own, so that tests do
 * not see each other's entries. Every runtime started is closed after the test.
 */
final class Processes implements BeforeEachCallback, AfterEachCallback {
  private final List<Larder> opened = new ArrayList<>();
  private String namespace;

  @Override
  public void beforeEach(ExtensionContext context) {
    ExampleDatabase.freshLarder().close();
    namespace = "ex" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Starts one more process. */
  Larder start() {
    Larder larder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .redisUrl(TestRedis.get().url())
        .cacheNamespace(namespace)
        .build();
    opened.add(larder);
    return larder;
  }

  /**
   * Runs {@code reads} on a repository of a new process, twice: the second time no read runs its
   * query, and each gets what the first did. Then runs {@code change} (a write the cache
   * is not told of, so that only a query would see it), then the reads on a repository of
   * another new process, and asserts that this one got the same again, every read a hit in
   * Redis.
   *
   * @param repository makes the repository on a process
   */
  <R> void assertReadBackFromRedis(
      Function<Larder, R> repository, List<Function<R, Object>> reads, Runnable change) {
    Larder process = start();
    R first = repository.apply(process);
    List<Object> written = reads.stream().map(read -> read.apply(first)).toList();
    long misses = process.cacheStats().misses();
    List<Object> again = reads.stream().map(read -> read.apply(first)).toList();
    assertThat(again).usingRecursiveComparison().isEqualTo(written);
    // Served from the process's own cache; an entry whose tag generation the process learns
    // meanwhile may come from Redis instead, but none from the database.
    assertThat(process.cacheStats().misses()).isEqualTo(misses);
    assertThat(process.cacheStats().l1Hits()).isPositive();
    change.run();

    Larder second = start();
    R other = repository.apply(second);
    List<Object> read = reads.stream().map(r -> r.apply(other)).toList();

    assertThat(read).usingRecursiveComparison().isEqualTo(written);
    assertThat(second.cacheStats().l2Hits()).isEqualTo(reads.size());
    assertThat(second.cacheStats().misses()).isZero();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    opened.forEach(Larder::close);
    opened.clear();
  }
}
