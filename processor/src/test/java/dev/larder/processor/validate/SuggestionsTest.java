package dev.larder.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  @Test
  void suggestsTheNameOneTypoAway() {
    assertThat(Suggestions.didYouMean("categry", List.of("id", "category", "priceCents")))
        .isEqualTo("; did you mean 'category'?");
  }

  @Test
  void ignoresCase() {
    assertThat(Suggestions.closest("pricecents", List.of("id", "priceCents")))
        .isEqualTo("priceCents");
  }

  @Test
  void suggestsADottedComponentName() {
    assertThat(Suggestions.closest("filter.categry", List.of("filter", "filter.category")))
        .isEqualTo("filter.category");
  }

  @Test
  void suggestsNothingWhenNoNameIsClose() {
    assertThat(Suggestions.didYouMean("warehouse", List.of("id", "category"))).isEmpty();
    assertThat(Suggestions.closest("anything", List.of())).isNull();
  }

  @Test
  void prefersTheClosestOfSeveralCandidates() {
    assertThat(Suggestions.closest("minCent", List.of("maxCents", "minCents")))
        .isEqualTo("minCents");
  }
}
