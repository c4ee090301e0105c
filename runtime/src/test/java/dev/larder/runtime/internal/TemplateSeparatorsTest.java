package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The characters the processor accepts between two placeholders of a key or tag template
 * ({@code Template.SEPARATORS} and the spaces {@link KeyEncoding} escapes) keep keys apart, and
 * {@code %}, which it refuses, does not.
 */
class TemplateSeparatorsTest {
  /** As the processor's {@code Template.SEPARATORS}, with a space and a tab. */
  private static final String SEPARATORS = ":,[]()@~#*\" \t";
  private static final int LISTS = 20_000;
  private final Random random = new Random(20_261_106L);

  private String text() {
    if (random.nextInt(8) == 0) {
      return null;
    }
    String alphabet = "ab25:,[]()~\"%#*@ é";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(20) == 0 ? 60 + random.nextInt(10) : random.nextInt(5);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private List<String> texts() {
    if (random.nextInt(8) == 0) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      out.add(text());
    }
    return out;
  }

  private void assertNoTwoPairsShareAKey(String separator, Supplier<Object> first,
      Supplier<Object> second, boolean tuple) {
    Map<String, List<Object>> seen = new HashMap<>();
    for (int i = 0; i < LISTS; i++) {
      Object a = first.get();
      Object b = second.get();
      String left = tuple ? KeyEncoding.tuple(a, b) : KeyEncoding.part(a);
      String key = "t:" + left + separator + KeyEncoding.part(b);
      List<Object> pair = Arrays.asList(a, b);
      List<Object> before = seen.putIfAbsent(key, pair);
      if (before != null && !Objects.equals(before, pair)) {
        throw new AssertionError("separator '" + separator + "': key " + key + " for both "
            + before + " and " + pair);
      }
    }
    assertThat(seen.size()).as("distinct pairs tried").isGreaterThan(LISTS / 10);
  }

  @Test
  void everyAcceptedSeparatorKeepsTwoTextsApart() {
    for (char c : SEPARATORS.toCharArray()) {
      assertNoTwoPairsShareAKey(String.valueOf(c), this::text, this::text, false);
    }
  }

  @Test
  void everyAcceptedSeparatorKeepsListsAndRecordsApartFromTexts() {
    for (char c : SEPARATORS.toCharArray()) {
      assertNoTwoPairsShareAKey(String.valueOf(c), this::texts, this::text, false);
      assertNoTwoPairsShareAKey(String.valueOf(c), this::text, this::texts, false);
      assertNoTwoPairsShareAKey(String.valueOf(c), this::text, this::text, true);
    }
  }

  @Test
  void separatorsWithOtherTextAroundThemKeepTextsApart() {
    assertNoTwoPairsShareAKey("-:", this::text, this::text, false);
    assertNoTwoPairsShareAKey("by:", this::text, this::text, false);
  }

  @Test
  void percentSignHyphenAndNothingAtAllLetTwoPairsShareAKey() {
    assertThat(KeyEncoding.part("x") + "%" + KeyEncoding.part("25%"))
        .isEqualTo(KeyEncoding.part("x%") + "%" + KeyEncoding.part("25"));
    assertThat(KeyEncoding.part("a-b") + "-" + KeyEncoding.part("c"))
        .isEqualTo(KeyEncoding.part("a") + "-" + KeyEncoding.part("b-c"));
    assertThat(KeyEncoding.part("ab") + KeyEncoding.part("c"))
        .isEqualTo(KeyEncoding.part("a") + KeyEncoding.part("bc"));
  }
}
