package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The order's bookkeeping alone: which answers and messages make it forget, and which do not. */
class BumpOrderTest {
  private final AtomicInteger forgets = new AtomicInteger();
  private final BumpOrder order = new BumpOrder(forgets::incrementAndGet);

  /**
   * The load run's instances logged "the bump numbers went back" several times a minute: a
   * heartbeat answer read before messages that were applied while it travelled. Each forgot every
   * generation and moved the count back, so the next message looked like a gap and forgot them
   * again.
   */
  @Test
  void aHeartbeatAnswerOlderThanTheAppliedMessagesForgetsNothing() {
    assertThat(order.accept(new RedisLink.Marker("e1", 10))).isTrue(); // the baseline: 10
    assertThat(forgets).hasValue(1);
    assertThat(order.onBump("e1", 11, () -> { })).isTrue();
    assertThat(order.onBump("e1", 12, () -> { })).isTrue();

    order.onHeartbeat(new RedisLink.Marker("e1", 11)); // asked before message 12 was applied
    assertThat(order.onBump("e1", 13, () -> { })).isTrue();
    assertThat(forgets).as("no gap, no loss").hasValue(1);
    assertThat(order.reflects(new RedisLink.Marker("e1", 13))).isTrue();
    assertThat(order.missedDetected.sum()).isZero();
  }

  /** What still makes it forget: a gap in the messages, and a number announced but never sent. */
  @Test
  void aGapOrABumpAnnouncedButNeverArrivedStillForgets() {
    order.accept(new RedisLink.Marker("e1", 10));
    order.onBump("e1", 11, () -> { });
    order.onBump("e1", 13, () -> { }); // 12 never came
    assertThat(forgets).hasValue(2);

    order.onHeartbeat(new RedisLink.Marker("e1", 15)); // 14 and 15 announced
    assertThat(forgets).hasValue(2);
    order.onHeartbeat(new RedisLink.Marker("e1", 15)); // a whole period later, still not here
    assertThat(forgets).hasValue(3);
    assertThat(order.missedDetected.sum()).isEqualTo(2);
  }
}
