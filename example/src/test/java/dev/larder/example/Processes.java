package dev.larder.example;

import dev.larder.runtime.Larder;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

  @Override
  public void afterEach(ExtensionContext context) {
    opened.forEach(Larder::close);
    opened.clear();
  }
}
