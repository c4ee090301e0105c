package dev.larder.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LagSamplesTest {

  @Test
  void percentilesOverEveryReadCountFreshReadsAsNoLag() {
    LagSamples stale = new LagSamples();
    for (long lag = 1; lag <= 5; lag++) {
      stale.add(lag * 1_000_000);
    }
    // 5 stale reads among 1 000: the 99th percentile is a fresh read, the 99.9th the 4th lag.
    assertThat(stale.percentileOf(1_000, 0.99)).isZero();
    assertThat(stale.percentileOf(1_000, 0.999)).isEqualTo(4_000_000);
    assertThat(stale.percentileOf(1_000, 1.0)).isEqualTo(5_000_000);
    assertThat(stale.percentile(0.5)).isEqualTo(3_000_000);
    assertThat(new LagSamples().percentileOf(1_000, 0.999)).isZero();
  }
}
