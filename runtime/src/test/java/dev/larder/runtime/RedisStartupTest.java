package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.FaultProxy;
import dev.larder.testing.TestDatabase;
import dev.larder.testing.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * How a runtime starts and stops around Redis: with Redis unreachable, with Redis coming up
 * later, with a caller's own client, and with a build that fails half way.
 */
class RedisStartupTest {
  private static final Duration LONG = Duration.ofMinutes(10);
  private static final CachedRead<String> NAME = new CachedRead<>(
      new RepositoryMethod("ItemRepository", "name", "SELECT", "fp"),
      new CachePolicy(LONG, Duration.ofSeconds(30), Duration.ZERO, false), Codecs.STRING);
  /** Threads a runtime, its Redis client or its pool may start; the test fixtures' are not. */
  private static final List<String> RUNTIME_THREADS = List.of("larder-", "redisson");

  private final ItemTable items = new ItemTable("s", "startup_item_");
  /** The cache's clock: it never moves, so entries leave only by invalidation. */
  private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeEach
  void createTable() {
    items.create();
  }

  @AfterEach
  void closeAndDrop() throws Exception {
    for (AutoCloseable closeable : opened) {
      closeable.close();
    }
    items.drop();
  }

  private LarderBuilder builder() {
    return Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .cacheNamespace(items.namespace())
        .ttlJitter(0)
        .redisTimeout(Duration.ofMillis(250))
        .redisRetryAfter(Duration.ofMillis(200))
        .clock(now::get);
  }

  private Larder open(LarderBuilder builder) {
    Larder larder = builder.build();
    opened.add(0, larder);
    return larder;
  }

  private String name(Larder larder) {
    return larder.read(NAME, "item:1", () -> List.of("item:1"), items::queryName);
  }

  private void rename(Larder larder, String name) {
    items.rename(larder, name, List.of("item:1"));
  }

  @Test
  void aRuntimeStartsWithRedisUnreachableServesFromPostgresAndLeavesNoThreadWhenClosed() {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Larder larder = Larder.builder()
        .dataSource(TestDatabase.get().dataSource())
        .cacheNamespace(items.namespace())
        .redisUrl("redis://127.0.0.1:" + portWithNothingListening())
        .redisTimeout(Duration.ofMillis(250))
        .build();
    try {
      assertThat(name(larder)).isEqualTo("old");
      rename(larder, "new");
      assertThat(name(larder)).isEqualTo("new");
      assertThat(items.queries()).hasValue(2);
      Health health = larder.health();
      assertThat(health.status()).isEqualTo(Health.Status.DEGRADED);
      assertThat(health.database().up()).isTrue();
      assertThat(health.redis().up()).isFalse();
    } finally {
      larder.close();
    }
    assertNoThreadOutlives(before, RUNTIME_THREADS);
  }

  @Test
  void redisComingUpLaterIsPickedUpAndCarriesInvalidationsBetweenProcessesAgain() {
    FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port());
    opened.add(proxy);
    proxy.refuse(true);
    Larder late = open(builder().redisUrl("redis://127.0.0.1:" + proxy.port()));
    Larder other = open(builder().redisUrl(TestRedis.get().url()));
    assertThat(late.health().status()).isEqualTo(Health.Status.DEGRADED);

    proxy.refuse(false);
    await().atMost(Duration.ofSeconds(15))
        .until(() -> late.health().status(), Health.Status.UP::equals);
    // Both runtimes listen on the bump channel once the late one has subscribed.
    RedissonClient observer = redisson();
    try {
      RTopic bumps = observer.getTopic(items.namespace() + ":bumps", StringCodec.INSTANCE);
      await().atMost(Duration.ofSeconds(15)).until(bumps::countSubscribers, n -> n == 2);
    } finally {
      observer.shutdown();
    }

    assertThat(name(late)).isEqualTo("old");
    rename(other, "new");
    // The clock stands still: only the other runtime's bump can make the entry go.
    await().atMost(Duration.ofSeconds(15)).until(() -> name(late), "new"::equals);
  }

  @Test
  void closingARuntimeRemovesItsListenersFromACallerOwnedClient() {
    RedissonClient client = redisson();
    try {
      Larder larder = open(builder().redis(client));
      RTopic bumps = client.getTopic(items.namespace() + ":bumps", StringCodec.INSTANCE);
      assertThat(bumps.countListeners()).isPositive();

      larder.close();

      assertThat(bumps.countListeners()).isZero();
      assertThat(client.isShutdown()).isFalse(); // the caller's to shut down
    } finally {
      client.shutdown();
    }
  }

  /**
   * A caller's client made with lazy initialization has never connected while Redis is
   * unreachable, and Redisson then connects inside each "async" call, on the caller's thread, for
   * the client's whole connect timeout and retries: the call budget of {@link RedisLink} never
   * applies, and build() (whose first heartbeat makes three such calls) waits about 40 s with
   * Redisson's default settings against a Redis that accepts connections but does not answer.
   */
  @Test
  void aBuildWithACallerOwnedClientThatCannotReachRedisDoesNotWaitForIt() throws Exception {
    FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port());
    opened.add(proxy);
    proxy.refuse(true); // accepts and hangs up: Redisson waits for an answer to its PING
    Config config = new Config();
    config.useSingleServer().setAddress("redis://127.0.0.1:" + proxy.port());
    config.setLazyInitialization(true);
    RedissonClient client = Redisson.create(config);
    ExecutorService building = Executors.newSingleThreadExecutor();
    Future<Larder> built = building.submit(() -> builder().redis(client).build());
    try {
      Larder larder = built.get(30, TimeUnit.SECONDS);
      opened.add(0, larder);
      assertThat(larder.health().status()).isEqualTo(Health.Status.DEGRADED);
    } catch (TimeoutException e) {
      fail("build() was still waiting for an unreachable Redis after 30 s");
    } finally {
      proxy.refuse(false);
      if (!built.isDone()) {
        built.get(2, TimeUnit.MINUTES).close();
      }
      building.shutdownNow();
      client.shutdown();
    }
  }

  @Test
  void aBuildFailingOnAMalformedRedissonConfigLeavesNoPoolOrThreadBehind(@TempDir Path directory)
      throws IOException {
    Path yaml = directory.resolve("redisson.yaml");
    Files.writeString(yaml, "singleServerConfig: [\n  address: \"redis://127.0.0.1:1\n");
    String poolName = "leak-check-" + items.namespace();
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    assertThatThrownBy(() -> Larder.builder()
        .jdbcUrl(TestDatabase.get().jdbcUrl())
        .poolName(poolName)
        .maximumPoolSize(2)
        .redissonConfig(yaml)
        .build())
        .isInstanceOf(RuntimeException.class);

    List<String> watched = new ArrayList<>(RUNTIME_THREADS);
    watched.add(poolName);
    assertNoThreadOutlives(before, watched);
  }

  private static RedissonClient redisson() {
    Config config = new Config();
    config.useSingleServer().setAddress(TestRedis.get().url());
    return Redisson.create(config);
  }

  /** A port of 127.0.0.1 that was free a moment ago; nothing listens on it. */
  private static int portWithNothingListening() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until no thread started since {@code before} whose name starts with one of
   * {@code prefixes} is alive; the test fixtures' own threads ({@code larder-test-}) do not count.
   */
  private static void assertNoThreadOutlives(Set<Thread> before, List<String> prefixes) {
    await("threads started by the runtime to end").atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet().stream()
            .filter(thread -> !before.contains(thread))
            .map(Thread::getName)
            .filter(name -> !name.startsWith("larder-test-"))
            .filter(name -> prefixes.stream().anyMatch(name::startsWith)))
            .isEmpty());
  }
}
