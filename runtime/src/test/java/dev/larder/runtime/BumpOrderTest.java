package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

  /**
   * Redisson hands channel messages to its listeners on a pool of threads, so bump 250 can be
   * handled before bump 249: the load run logged "bump 249 to 249 never arrived" and forgot every
   * generation for it. A gap now waits for its messages; the table counts as reflecting a number
   * only once every number up to it was applied.
   */
  @Test
  void messagesHandledOutOfOrderForgetNothingAndReflectOnlyWhatIsContiguous() {
    order.accept(new RedisLink.Marker("e1", 10));
    List<Long> appliedMessages = new ArrayList<>();
    order.onBump("e1", 12, () -> appliedMessages.add(12L));
    assertThat(appliedMessages).containsExactly(12L); // applied at once: it only invalidates sooner
    assertThat(order.reflects(new RedisLink.Marker("e1", 12))).isFalse(); // 11 is not in
    assertThat(order.reflects(new RedisLink.Marker("e1", 10))).isTrue();
    order.onBump("e1", 11, () -> appliedMessages.add(11L));
    assertThat(order.reflects(new RedisLink.Marker("e1", 12))).isTrue();
    assertThat(forgets).hasValue(1);
    assertThat(order.missedDetected.sum()).isZero();
  }

  /** A gap still open a whole heartbeat period after a heartbeat announced it is a loss. */
  @Test
  void aGapStillOpenAHeartbeatPeriodLaterForgetsEverything() {
    order.accept(new RedisLink.Marker("e1", 10));
    order.onBump("e1", 11, () -> { });
    order.onBump("e1", 13, () -> { }); // 12 is not here yet
    order.onHeartbeat(new RedisLink.Marker("e1", 13));
    assertThat(forgets).as("12 may still be on its way").hasValue(1);
    order.onHeartbeat(new RedisLink.Marker("e1", 14)); // a period later, 12 is still missing
    assertThat(forgets).hasValue(2);
    assertThat(order.missedDetected.sum()).isEqualTo(1);
    // Everything up to the newest number known ran before the table was forgotten.
    assertThat(order.reflects(new RedisLink.Marker("e1", 14))).isTrue();
    order.onBump("e1", 12, () -> { }); // late: nothing to count
    order.onBump("e1", 15, () -> { });
    assertThat(order.reflects(new RedisLink.Marker("e1", 15))).isTrue();
    assertThat(forgets).hasValue(2);
  }

  /** Held messages are bounded: past the bound, the gap is a loss at once. */
  @Test
  void tooManyMessagesPastAGapForgetAtOnce() {
    order.accept(new RedisLink.Marker("e1", 0));
    for (long sequence = 2; sequence <= BumpOrder.MAXIMUM_AHEAD + 1; sequence++) {
      order.onBump("e1", sequence, () -> { });
    }
    assertThat(forgets).hasValue(1);
    order.onBump("e1", BumpOrder.MAXIMUM_AHEAD + 2, () -> { });
    assertThat(forgets).hasValue(2);
    assertThat(order.reflects(new RedisLink.Marker("e1", BumpOrder.MAXIMUM_AHEAD + 2))).isTrue();
  }
}
