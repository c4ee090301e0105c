package dev.larder.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Random argument lists, 10^5 for each method shape from a fixed seed (plain JUnit): two lists
 * that differ give two keys. Keys are built as generated key builders build them, a template's
 * literal text and {@link KeyEncoding#part} of each argument. The arguments come from small
 * alphabets rich in the characters keys use as structure, so that near misses are frequent.
 * Decimals "differ" as PostgreSQL sees them once bound (value and {@code max(scale, 0)}), the
 * rule {@code KeyEncoding} documents: {@code 1E+3} and {@code 1000} are one argument.
 */
class RandomKeyArgumentsTest {
  private static final int LISTS = 100_000;
  private final Random random = new Random(20_260_103L);

  enum Color { RED, GREEN }

  private String text() {
    if (random.nextInt(8) == 0) {
      return null;
    }
    String alphabet = "ab:,[]()~\"%#*@{} ~\u0000é";
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(20) == 0 ? 60 + random.nextInt(10) : random.nextInt(5);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private BigDecimal decimal() {
    return random.nextInt(8) == 0 ? null
        : new BigDecimal(BigInteger.valueOf(random.nextInt(2001) - 1000).multiply(
            random.nextBoolean() ? BigInteger.TEN.pow(random.nextInt(70)) : BigInteger.ONE),
            random.nextInt(9) - 4);
  }

  private List<String> texts() {
    if (random.nextInt(8) == 0) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      out.add(text());
    }
    return out;
  }

  /**
   * What SQL sees of an argument: decimals by value and non-negative scale, any Iterable as the
   * list of its elements.
   */
  private static Object asSqlSees(Object argument) {
    if (argument instanceof BigDecimal decimal) {
      return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
    if (argument instanceof Iterable<?> iterable) {
      List<Object> elements = new ArrayList<>();
      iterable.forEach(element -> elements.add(asSqlSees(element)));
      return elements;
    }
    return argument;
  }

  private void assertNoTwoListsShareAKey(Function<Object[], String> keyOf,
      List<java.util.function.Supplier<Object>> arguments) {
    Map<String, List<Object>> seen = new HashMap<>();
    for (int i = 0; i < LISTS; i++) {
      Object[] list = arguments.stream().map(java.util.function.Supplier::get).toArray();
      List<Object> sqlSees = Arrays.stream(list).map(RandomKeyArgumentsTest::asSqlSees).toList();
      String key = keyOf.apply(list);
      List<Object> before = seen.putIfAbsent(key, sqlSees);
      if (before != null && !Objects.equals(before, sqlSees)) {
        throw new AssertionError("key " + key + " for both " + before + " and " + sqlSees);
      }
    }
    assertThat(seen.size()).as("distinct argument lists tried").isGreaterThan(LISTS / 10);
  }

  @Test
  void twoTextsSeparatedByAColon() {
    assertNoTwoListsShareAKey(
        a -> "search:" + KeyEncoding.part(a[0]) + ":" + KeyEncoding.part(a[1]),
        List.of(this::text, this::text));
  }

  @Test
  void aNumberAndAListOfTexts() {
    assertNoTwoListsShareAKey(
        a -> "tagged:" + KeyEncoding.part(a[0]) + ":" + KeyEncoding.part(a[1]),
        List.of(() -> random.nextInt(5) == 0 ? null : (long) random.nextInt(50), this::texts));
  }

  @Test
  void aDecimalAnInstantAUuidAnEnumAndAnIterable() {
    assertNoTwoListsShareAKey(
        a -> "m:" + KeyEncoding.part(a[0]) + ":" + KeyEncoding.part(a[1]) + ":"
            + KeyEncoding.part(a[2]) + ":" + KeyEncoding.part(a[3]) + ":" + KeyEncoding.part(a[4]),
        List.of(this::decimal,
            () -> Instant.ofEpochSecond(random.nextInt(3), random.nextInt(3)),
            () -> new UUID(0, random.nextInt(3)),
            () -> random.nextBoolean() ? null : Color.values()[random.nextInt(2)],
            () -> {
              List<Double> values = new ArrayList<>();
              for (int i = random.nextInt(3); i > 0; i--) {
                values.add(random.nextBoolean() ? -0.0 : random.nextInt(3) / 2.0);
              }
              return random.nextBoolean() ? values : new IterableOf<>(values);
            }));
  }

  @Test
  void aRecordUsedWholeAsATuple() {
    assertNoTwoListsShareAKey(
        a -> "r:" + KeyEncoding.tuple(a[0], a[1], a[2]),
        List.of(this::text, () -> random.nextInt(4) == 0 ? null : random.nextInt(3),
            this::texts));
  }

  /** An Iterable that is no Collection. */
  private record IterableOf<T>(List<T> elements) implements Iterable<T> {
    @Override
    public java.util.Iterator<T> iterator() {
      return elements.iterator();
    }
  }
}
