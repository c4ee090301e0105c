package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.larder.testing.TestRedis;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

class CircuitBreakerTest {
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final CircuitBreaker.Listener listener = new CircuitBreaker.Listener() {
    @Override
    public void opened() {
      opened.incrementAndGet();
    }

    @Override
    public void closed() {
      closed.incrementAndGet();
    }
  };

  @Test
  void opensAfterTheThresholdAndClosesOnASuccessfulProbe() {
    AtomicLong clock = new AtomicLong();
    CircuitBreaker breaker = new CircuitBreaker(3, 100, clock::get, listener);
    breaker.failure();
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    breaker.failure();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(breaker.allow()).isFalse();
    clock.set(100);
    assertThat(breaker.allow()).isTrue(); // the probe
    assertThat(breaker.allow()).isFalse(); // only one
    breaker.success();
    assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(opened).hasValue(1);
    assertThat(closed).hasValue(1);
  }

  @Test
  void anAbandonedProbeLetsTheNextCallProbe() {
    AtomicLong clock = new AtomicLong();
    CircuitBreaker breaker = new CircuitBreaker(1, 100, clock::get, listener);
    breaker.failure();
    clock.set(100);
    assertThat(breaker.allow()).isTrue();
    breaker.abandon();
    assertThat(breaker.allow()).isTrue();
  }

  @Test
  void trippingAnOpenBreakerDoesNotPostponeItsProbe() {
    AtomicLong clock = new AtomicLong();
    CircuitBreaker breaker = new CircuitBreaker(3, 100, clock::get, listener);
    breaker.trip();
    clock.set(60);
    breaker.trip(); // the heartbeat, still failing
    clock.set(100);
    assertThat(breaker.allow()).isTrue();
    assertThat(opened).hasValue(1);
  }

  /**
   * Hole 1: a half-open probe whose caller was interrupted left the breaker half-open for good;
   * every later call was refused and refused bumps piled up. Now the next call probes, and its
   * success closes the breaker.
   */
  @Test
  void anInterruptedProbeDoesNotKeepRedisOffForever() {
    Config config = new Config();
    config.useSingleServer().setAddress(TestRedis.get().url());
    RedissonClient client = Redisson.create(config);
    RedisLink link = new RedisLink(client, false,
        "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
        Duration.ofSeconds(2), Duration.ofDays(1), Duration.ZERO, listener);
    try {
      link.breaker.trip();
      Thread.currentThread().interrupt();
      assertThat(link.get("anything")).isNull(); // the probe, interrupted
      assertThat(Thread.interrupted()).isTrue(); // the interrupt is kept for the caller
      assertThat(link.set("k", new byte[] {1}, Duration.ofMinutes(1))).isTrue();
      assertThat(link.breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
      assertThat(closed).hasValue(1);
    } finally {
      link.close();
      client.shutdown();
    }
  }
}
