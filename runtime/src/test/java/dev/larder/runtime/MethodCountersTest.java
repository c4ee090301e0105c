package dev.larder.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodCountersTest {

  @Test
  void tagsWithoutAFamilyPrefixKeepTheNumberOfSeriesBounded() {
    MethodCounters counters = new MethodCounters();
    List<String> tags = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      tags.add("user" + i); // no ':': each would be a family of its own
    }
    counters.invalidated(tags);
    counters.invalidated(List.of("product:1", "product:2"));

    assertThat(counters.invalidationsByFamily()).hasSizeLessThanOrEqualTo(
        MethodCounters.MAXIMUM_FAMILIES + 1);
    assertThat(counters.invalidationsByFamily().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(10_002);
    assertThat(counters.invalidationsByFamily()).containsKey(MethodCounters.OTHER_FAMILY);
  }
}
