package dev.larder.runtime;

import static dev.larder.runtime.ScriptHolds.Point.AFTER_REDIS;
import static dev.larder.runtime.ScriptHolds.Point.BEFORE_REDIS;
import static dev.larder.runtime.ScriptHolds.Script.BUMP;
import static dev.larder.runtime.ScriptHolds.Script.ROTATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.ScriptHolds.Hold;
import dev.larder.runtime.internal.CachePolicy;
import dev.larder.runtime.internal.CachedRead;
import dev.larder.runtime.internal.Codecs;
import dev.larder.runtime.internal.RepositoryMethod;
import dev.larder.testing.FaultProxy;
import dev.larder.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The races two adversarial reviews found in the cache protocol, each replayed in one fixed
 * order. Each {@link Process} (its own link, generation table and two-level cache, on a real
 * Redis) stands for one process; {@link ScriptHolds} holds one thread's bump or rotation where
 * the race needs it, and a {@link FaultProxy} cuts a process off Redis. The database is one row
 * held in memory: the races are in the cache, and the row only shows what a read returned.
 */
class ProtocolRaceTest {
  private static final CircuitBreaker.Listener QUIET = new CircuitBreaker.Listener() {
    @Override
    public void opened() {}

    @Override
    public void closed() {}
  };
  private static final CachedRead<String> NEAR = read(false);
  private static final CachedRead<String> STRICT = read(true);
  private static final String ITEM = "item:1";
  private static final Duration EVENTUALLY = Duration.ofSeconds(20);

  private final String namespace =
      "race" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final ScriptHolds holds = new ScriptHolds();
  /** The row every read loads, and how many times it was loaded. */
  private final AtomicReference<String> row = new AtomicReference<>("v0");
  private final AtomicInteger loads = new AtomicInteger();
  private final List<RedissonClient> clients = new ArrayList<>();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final ExecutorService refresher = Executors.newSingleThreadExecutor();
  private RedissonClient redisson;

  /** One process of the runtime. {@code lastBumpSeen} is the newest bump number it was told of. */
  private record Process(RedisLink link, TagGenerations generations, TwoLevelCache cache,
      AtomicLong lastBumpSeen) {}

  private static CachedRead<String> read(boolean strict) {
    return new CachedRead<>(new RepositoryMethod("ItemRepository", "name", "SELECT", "fp"),
        new CachePolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ZERO, strict),
        Codecs.STRING);
  }

  @BeforeEach
  void connect() {
    redisson = client(TestRedis.get().url(), false);
  }

  @AfterEach
  void close() throws Exception {
    holds.releaseAll();
    for (AutoCloseable each : closing) {
      each.close();
    }
    refresher.shutdownNow();
    redisson.getKeys().deleteByPattern(namespace + "*");
    clients.forEach(RedissonClient::shutdown);
  }

  /**
   * First review, masking: a bump made its token current in its own process before Redis had
   * it. A read there in between stored the new value stamped with that token; a write of
   * another process landing in Redis before the late bump was then masked by it, and every
   * process, strict reads included, validated the older value.
   */
  @Test
  void anotherProcessesWriteLandingBeforeALateBumpIsNotMaskedForStrictReads() throws Exception {
    Process x = process(holds.wrap(redisson), 100);
    Process w = process(redisson, 100);
    Process p = process(redisson, 100);
    x.generations().stamps(List.of(ITEM));
    w.generations().stamps(List.of(ITEM));
    Hold late = holds.hold(BUMP, "X1", BEFORE_REDIS);
    Thread x1 = start("X1", () -> write(x, "v1", ITEM));
    late.awaitReached();
    String readInX = read(x, NEAR, ITEM); // stamped while X's bump is on its way
    write(w, "v2", ITEM); // W's write returns here
    late.release();
    join(x1);

    assertThat(readInX).isEqualTo("v1");
    assertThat(read(p, STRICT, ITEM))
        .as("a strict read in a third process, started after W's write returned")
        .isEqualTo("v2");
  }

  /**
   * Issue 10, CPU-saturated runs: a bump that ran out of its budget while Redis answered (the
   * writer waited for a core) was left to the resend, a heartbeat later; meanwhile every process
   * that asked Redis, strict reads included, was told the replaced generation was current. The
   * bump is now sent again before the write returns.
   */
  @Test
  void aBumpThatRanOutOfItsBudgetIsSentAgainBeforeTheWriteReturns() throws Exception {
    Process x = process(holds.wrap(redisson), 100, Duration.ofSeconds(1));
    Process q = process(redisson, 100);
    assertThat(read(q, STRICT, ITEM)).isEqualTo("v0");
    holds.failNext(BUMP, "X1");
    join(start("X1", () -> write(x, "v1", ITEM)));

    assertThat(x.generations().pendingCount()).isZero();
    assertThat(read(q, STRICT, ITEM))
        .as("a strict read in another process, started after the write returned")
        .isEqualTo("v1");
  }

  /**
   * The resend ends when Redis has been unreachable for the window: a write in an outage still
   * returns, its bump kept for the heartbeat's resend.
   */
  @Test
  void aWriteCutOffFromRedisStillReturnsWithItsBumpKept() {
    try (FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port())) {
      Process p = process(client("redis://127.0.0.1:" + proxy.port(), true), 100,
          Duration.ofMillis(200));
      cutOff(proxy);
      write(p, "v1", ITEM);
      assertThat(p.generations().pendingCount()).isEqualTo(1);
      assertThat(read(p, NEAR, ITEM)).isEqualTo("v1");
    }
  }

  /**
   * First review: a bump Redis refused lived only in its tag's state, so clearing the table (a
   * breaker opening, a re-subscription, a detected gap) forgot it; the next read took Redis's
   * pre-bump generation and served another process's older entry to the writer's own process.
   */
  @Test
  void aBumpRedisRefusedSurvivesClearingTheTable() {
    Process q = process(redisson, 100);
    assertThat(read(q, NEAR, ITEM)).isEqualTo("v0"); // in Redis, stamped before the write
    try (FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port())) {
      Process p = process(client("redis://127.0.0.1:" + proxy.port(), true), 100);
      cutOff(proxy);
      write(p, "v1", ITEM);
      assertThat(p.generations().pendingCount()).isEqualTo(1);
      assertThat(read(p, NEAR, ITEM)).isEqualTo("v1");
      p.cache().dropLocal();
      reconnect(proxy, p);

      assertThat(read(p, NEAR, ITEM))
          .as("the writer's own read once Redis answers, before its bump is sent again")
          .isEqualTo("v1");
    }
  }

  /**
   * Second review: the answer to one bump applied a remote bump announced meanwhile although
   * another bump of the process was still in flight; that later bump's answer then left the
   * remote generation current, and the writer's own process kept serving the older value
   * another process had stored under it.
   */
  @Test
  void aRemoteBumpArrivingWhileTwoLocalBumpsAreInFlightDoesNotOutliveTheLaterOne()
      throws Exception {
    Process x = process(holds.wrap(redisson), 100);
    Process r = process(redisson, 100);
    Process q = process(redisson, 100);
    listen(x);
    listen(q);
    for (Process each : List.of(x, r, q)) {
      each.generations().stamps(List.of(ITEM));
    }
    Hold firstAnswer = holds.hold(BUMP, "X1", AFTER_REDIS);
    Thread x1 = start("X1", () -> write(x, "v1", ITEM));
    firstAnswer.awaitReached(); // in Redis; its answer has not reached X
    write(r, "v2", ITEM);
    long remote = lastSequence(r);
    awaitSeen(x, remote);
    awaitSeen(q, remote);
    assertThat(read(q, NEAR, ITEM)).isEqualTo("v2"); // in Redis, stamped with R's generation
    Hold second = holds.hold(BUMP, "X2", BEFORE_REDIS);
    Thread x2 = start("X2", () -> write(x, "v3", ITEM));
    second.awaitReached();
    firstAnswer.release();
    join(x1);
    second.release();
    join(x2); // X's write of v3 returns here
    awaitSeen(x, lastSequence(r));

    assertThat(read(x, NEAR, ITEM)).as("a read in the writer's own process").isEqualTo("v3");
  }

  /**
   * Second review: when a read learned of a new epoch, the bump numbers had no baseline until
   * the next heartbeat took one without forgetting anything, so a bump published in between
   * that never reached this process was never detected as missed.
   */
  @Test
  void aBumpLostRightAfterANewEpochIsDetectedByTheHeartbeat() {
    Process x = process(redisson, 100); // never subscribed: every bump message to it is lost
    Process w = process(redisson, 100);
    x.generations().subscriptionChanged(x.link().marker(TagGenerations.newToken()));
    redisson.getBucket(namespace + ":{g}:epoch").delete(); // the data set changes
    x.generations().stamps(List.of("other:9")); // a read learns of the new epoch
    assertThat(read(x, NEAR, ITEM)).isEqualTo("v0");
    write(w, "v2", ITEM);
    for (int beat = 0; beat < 4; beat++) {
      x.generations().onHeartbeat(x.link().marker(TagGenerations.newToken()));
    }

    assertThat(read(x, NEAR, ITEM)).as("a read after four heartbeats").isEqualTo("v2");
  }

  /**
   * Second review: the resend of refused bumps lowered the overflow flag before its ROTATE
   * reached Redis, so during that round trip a tag whose refused bump only the flag stood for
   * looked settled, and a strict read in the writer's own process trusted Redis's old word.
   */
  @Test
  void aTagOnlyTheOverflowFlagCoversStaysPendingWhileTheRotationIsOnItsWay() throws Exception {
    String overflowed = "item:2";
    Process q = process(redisson, 1);
    assertThat(read(q, STRICT, overflowed)).isEqualTo("v0");
    try (FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port())) {
      Process p = process(holds.wrap(client("redis://127.0.0.1:" + proxy.port(), true)), 1);
      cutOff(proxy);
      row.set("v1");
      p.generations().bump(List.of(ITEM, overflowed)); // refused: one kept, one past the bound
      p.cache().dropLocal();
      reconnect(proxy, p);
      Hold rotation = holds.hold(ROTATE, "RETRY", BEFORE_REDIS);
      Thread retry = start("RETRY", p.generations()::retryPending);
      rotation.awaitReached();

      assertThat(read(p, STRICT, overflowed))
          .as("a strict read in the writer's own process while the rotation is on its way")
          .isEqualTo("v1");
      rotation.release();
      join(retry);
      assertThat(read(p, STRICT, overflowed)).isEqualTo("v1");
    }
  }

  /**
   * Second review: clearing the table while a bump was in flight killed the state holding its
   * provisional generation; a read meanwhile took Redis's pre-bump generation into a new state,
   * and the bump's answer skipped the dead one, so the writer's own process served the older
   * value after its write returned, until its echo came (here: never).
   */
  @Test
  void clearingTheTableWhileABumpIsInFlightDoesNotBringBackThePreBumpGeneration()
      throws Exception {
    Process q = process(redisson, 100);
    assertThat(read(q, NEAR, ITEM)).isEqualTo("v0");
    Process x = process(holds.wrap(redisson), 100);
    Hold bump = holds.hold(BUMP, "X1", BEFORE_REDIS);
    Thread x1 = start("X1", () -> write(x, "v1", ITEM));
    bump.awaitReached();
    x.generations().clear(); // a gap detected, a re-subscription, a new epoch
    read(x, NEAR, ITEM); // started before the write returned: either value is right
    bump.release();
    join(x1);

    assertThat(read(x, NEAR, ITEM)).as("a read after the write returned").isEqualTo("v1");
  }

  /**
   * Second review: two bumps of one tag reaching Redis in the other order than they made their
   * provisional generations current left the earlier one's token current in the process, never
   * Redis's, so every strict read of the tag reloaded, for good.
   */
  @Test
  void twoBumpsAnsweredOutOfOrderLeaveTheTagCacheableForStrictReads() throws Exception {
    Process x = process(holds.wrap(redisson), 100);
    listen(x);
    x.generations().stamps(List.of(ITEM));
    Hold first = holds.hold(BUMP, "X1", BEFORE_REDIS);
    Thread x1 = start("X1", () -> x.generations().bump(List.of(ITEM)));
    first.awaitReached();
    Thread x2 = start("X2", () -> x.generations().bump(List.of(ITEM)));
    join(x2);
    first.release();
    join(x1);
    awaitSeen(x, lastSequence(x));

    for (int i = 0; i < 5; i++) {
      assertThat(read(x, STRICT, ITEM)).isEqualTo("v0");
    }
    assertThat(loads).as("loads for five strict reads after both bumps").hasValue(1);
  }

  private RedissonClient client(String url, boolean failFast) {
    Config config = new Config();
    config.useSingleServer().setAddress(url);
    if (failFast) {
      // Cut off, a call fails within the link's budget instead of retrying.
      config.useSingleServer().setConnectTimeout(500).setTimeout(500).setRetryAttempts(0);
      config.setLazyInitialization(true);
    }
    RedissonClient client = Redisson.create(config);
    clients.add(client);
    return client;
  }

  private Process process(RedissonClient client, int maximumPending) {
    return process(client, maximumPending, Duration.ZERO);
  }

  private Process process(RedissonClient client, int maximumPending, Duration resendFor) {
    RedisLink link = new RedisLink(client, false, namespace, Duration.ofMillis(500),
        Duration.ofDays(1), Duration.ofMillis(100), QUIET);
    closing.add(link);
    TagGenerations generations = new TagGenerations(link, 1_000, maximumPending, Duration.ZERO,
        resendFor);
    // An hour of trust in what the process holds: these races test the messages alone, which a
    // short maxStaleness would paper over by asking Redis.
    TwoLevelCache cache = new TwoLevelCache(true, 1_000, link, generations, new EntryEncoding(1024),
        refresher, System::currentTimeMillis, 0, Duration.ofSeconds(5), () -> false,
        Duration.ofHours(1));
    return new Process(link, generations, cache, new AtomicLong(-1));
  }

  /** Subscribes a process to the bump channel, with a baseline of bump numbers. */
  private static void listen(Process process) {
    assertThat(process.link().subscribe(message -> {
      process.generations().onMessage(message);
      if (message.startsWith("B ")) {
        long sequence = Long.parseLong(message.lines().findFirst().orElseThrow().split(" ")[2]);
        process.lastBumpSeen().accumulateAndGet(sequence, Math::max);
      }
    }, () -> {})).isTrue();
    process.generations().subscriptionChanged(process.link().marker(TagGenerations.newToken()));
  }

  private static long lastSequence(Process any) {
    return any.link().marker(TagGenerations.newToken()).sequence();
  }

  private static void awaitSeen(Process process, long sequence) {
    await().atMost(EVENTUALLY).until(() -> process.lastBumpSeen().get() >= sequence);
  }

  private String read(Process process, CachedRead<String> read, String tag) {
    return process.cache().get(read, tag, () -> List.of(tag), () -> {
      loads.incrementAndGet();
      return row.get();
    });
  }

  private void write(Process process, String value, String tag) {
    row.set(value);
    process.generations().bump(List.of(tag));
  }

  private static void cutOff(FaultProxy proxy) {
    proxy.refuse(true);
    proxy.cutAll();
  }

  private static void reconnect(FaultProxy proxy, Process process) {
    proxy.refuse(false);
    await().atMost(EVENTUALLY)
        .until(() -> process.link().marker(TagGenerations.newToken()) != null);
  }

  private static Thread start(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void join(Thread thread) throws InterruptedException {
    thread.join(EVENTUALLY.toMillis());
    assertThat(thread.isAlive()).as(thread.getName() + " finished").isFalse();
  }
}
