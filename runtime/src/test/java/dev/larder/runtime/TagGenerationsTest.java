package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.larder.runtime.TagGenerations.Stamps;
import dev.larder.testing.FaultProxy;
import dev.larder.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/** The generation table against a real Redis, with the circuit breaker driven by hand. */
class TagGenerationsTest {
  private final List<RedissonClient> clients = new ArrayList<>();
  private RedissonClient client;
  private RedisLink link;
  private String namespace;

  private static final CircuitBreaker.Listener QUIET = new CircuitBreaker.Listener() {
    @Override
    public void opened() {}

    @Override
    public void closed() {}
  };

  @BeforeEach
  void connect() {
    Config config = new Config();
    config.useSingleServer().setAddress(TestRedis.get().url());
    client = Redisson.create(config);
    namespace = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    // A breaker tripped by a test stays open until the test closes it.
    link = new RedisLink(client, false, namespace, Duration.ofSeconds(2), Duration.ofDays(1),
        Duration.ofHours(1), QUIET);
  }

  @AfterEach
  void close() {
    link.close();
    client.shutdown();
    clients.forEach(RedissonClient::shutdown);
  }

  /**
   * Hole 2: a state evicted or cleared while its generation is fetched from Redis must not be
   * adopted detached from the table, or later bumps land on a new state and entries stamped
   * with the old one stay valid. Races stamps() with clear() many times; after the bump that
   * follows, no stamp taken before it may still be current.
   */
  @Test
  void noStampTakenBeforeABumpSurvivesItEvenWhenTheTableIsClearedMeanwhile() throws Exception {
    TagGenerations generations = new TagGenerations(link, 1_000, 100);
    List<Stamps> survivors = new ArrayList<>();
    for (int round = 0; round < 300; round++) {
      String tag = "race:" + round;
      AtomicBoolean stop = new AtomicBoolean();
      CountDownLatch started = new CountDownLatch(1);
      Thread clearer = new Thread(() -> {
        started.countDown();
        while (!stop.get()) {
          generations.clear();
        }
      });
      clearer.start();
      started.await();
      List<Stamps> taken = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        taken.add(generations.stamps(List.of(tag)));
      }
      stop.set(true);
      clearer.join();
      generations.bump(List.of(tag));
      for (Stamps stamps : taken) {
        if (TagGenerations.current(stamps)) {
          survivors.add(stamps);
        }
      }
    }
    assertThat(survivors).isEmpty();
  }

  /**
   * Hole 3: Redis still holds the generation that a bump made in this process replaced, while
   * that bump waits to be sent again. A strict read must not take Redis's word for it then.
   */
  @Test
  void redisIsNotTrustedForATagWhoseBumpIsStillPending() {
    try (FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port())) {
      RedisLink cut = linkThrough(proxy);
      TagGenerations generations = new TagGenerations(cut, 1_000, 100);
      List<String> tags = List.of("item:1");
      assertThat(generations.fromRedis(tags)).isNotNull();
      proxy.refuse(true);
      proxy.cutAll();
      generations.bump(tags); // cannot reach Redis: pending
      assertThat(generations.pendingCount()).isEqualTo(1);
      proxy.refuse(false); // Redis answers again; the bump has not been resent yet
      await().atMost(Duration.ofSeconds(20)).until(() -> cut.marker("e") != null);
      assertThat(generations.fromRedis(tags)).isNull();
      assertThat(generations.retryPending()).isTrue();
      assertThat(generations.fromRedis(tags)).isNotNull();
    }
  }

  /** A link through a proxy, with a short budget, so that a cut Redis fails calls quickly. */
  private RedisLink linkThrough(FaultProxy proxy) {
    Config config = new Config();
    config.useSingleServer().setAddress("redis://127.0.0.1:" + proxy.port())
        .setConnectTimeout(500).setTimeout(500).setRetryAttempts(0);
    config.setLazyInitialization(true);
    RedissonClient proxied = Redisson.create(config);
    clients.add(proxied);
    return new RedisLink(proxied, false, namespace, Duration.ofMillis(300), Duration.ofDays(1),
        Duration.ofMillis(100), QUIET);
  }

  /** Hole 9: a tag that cannot be announced is refused before any tag is bumped. */
  @Test
  void aBadTagIsRefusedBeforeAnythingIsBumped() {
    TagGenerations generations = new TagGenerations(link, 1_000, 100);
    Stamps before = generations.stamps(List.of("good"));
    try {
      generations.bump(List.of("good", "bad\ntag"));
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageContaining("line break");
    }
    assertThat(TagGenerations.current(before)).isTrue();
  }

  /**
   * Hole 10: bumps refused during an outage are bounded; past the bound, recovery starts a new
   * epoch, which invalidates every entry instead of resending each tag.
   */
  @Test
  void refusedBumpsAreBoundedAndAnOverflowInvalidatesEverythingOnRecovery() {
    try (FaultProxy proxy = FaultProxy.start(TestRedis.get().host(), TestRedis.get().port())) {
      RedisLink cut = linkThrough(proxy);
      TagGenerations generations = new TagGenerations(cut, 1_000, 3);
      Stamps unrelated = generations.stamps(List.of("unrelated"));
      proxy.refuse(true);
      proxy.cutAll();
      for (int i = 0; i < 20; i++) {
        generations.bump(List.of("outage:" + i));
      }
      assertThat(generations.pendingCount()).isLessThanOrEqualTo(4);
      proxy.refuse(false);
      await().atMost(Duration.ofSeconds(20)).until(() -> cut.marker("e") != null);
      assertThat(generations.retryPending()).isTrue();
      assertThat(generations.pendingCount()).isZero();
      assertThat(TagGenerations.current(unrelated)).isFalse();
    }
  }

  /**
   * The late echo of this process's own earlier bump must not put the older token back: entries
   * stamped with it are still in Redis, and would validate again by their token.
   */
  @Test
  void aLateEchoOfAnOlderBumpDoesNotBringItsTokenBack() {
    TagGenerations generations = new TagGenerations(link, 1_000, 100);
    List<String> tag = List.of("item:1");
    generations.stamps(tag);
    generations.bump(tag);
    String first = generations.stamps(tag).generations()[0].token();
    generations.bump(tag);
    String second = generations.stamps(tag).generations()[0].token();
    assertThat(second).isNotEqualTo(first);
    RedisLink.Marker now = link.marker(TagGenerations.newToken());
    String epoch = first.substring(0, first.indexOf('/'));
    String firstToken = first.substring(first.indexOf('/') + 1);
    // The first bump's message, numbered before the second, arrives only now.
    generations.onMessage(
        "B " + epoch + " " + (now.sequence() - 1) + " test\n" + firstToken + " item:1");
    assertThat(generations.stamps(tag).generations()[0].token()).isEqualTo(second);
  }
}
