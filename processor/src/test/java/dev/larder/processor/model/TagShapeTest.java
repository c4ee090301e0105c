package dev.larder.processor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagShapeTest {

  @Test
  void parseSplitsTheLiteralsAroundEachPlaceholder() {
    assertThat(TagShape.parse("product:{id}").literals()).containsExactly("product:", "");
    assertThat(TagShape.parse("{a}:{b.c}").literals()).containsExactly("", ":", "");
    assertThat(TagShape.parse("products").literals()).containsExactly("products");
    assertThat(TagShape.parse("").literals()).containsExactly("");
  }

  @Test
  void constantTemplatesAreTheOnesWithoutPlaceholders() {
    assertThat(TagShape.parse("products").isConstant()).isTrue();
    assertThat(TagShape.parse("product:{id}").isConstant()).isFalse();
  }

  @Test
  void parseRejectsBracesThatDoNotPair() {
    assertThatThrownBy(() -> TagShape.parse("product:{id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("position 8");
    assertThatThrownBy(() -> TagShape.parse("product:id}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'}'");
    assertThatThrownBy(() -> TagShape.parse("a{b{c}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested");
  }

  @ParameterizedTest(name = "{0} and {1} overlap: {2}")
  @CsvSource(delimiter = '|', value = {
      "product:{id}        | product:{row.id}    | true",
      "product:{id}        | product:7           | true",
      "product:{id}        | products            | false",
      "product:{id}        | product             | false",
      "products            | products            | true",
      "products            | product             | false",
      "category:{c}        | product:{id}        | false",
      "{a}:x               | y:{b}               | true",
      "a{x}b               | {y}c                | false",
      "a{x}b{y}c           | a{z}c               | true",
      "{x}                 | anything:at:all     | true",
      "order:{id}:status   | order:{id}:items    | false",
      "order:{id}:status   | order:{o}:{what}    | true",
  })
  void overlapsWhenSomeValuesMakeTheTemplatesEqual(String a, String b, boolean expected) {
    assertThat(TagShape.parse(a).overlaps(TagShape.parse(b))).isEqualTo(expected);
    assertThat(TagShape.parse(b).overlaps(TagShape.parse(a))).isEqualTo(expected);
  }

  @Test
  void emptyTemplatesOverlapOnlyWhatCanBeEmpty() {
    assertThat(TagShape.parse("").overlaps(TagShape.parse(""))).isTrue();
    assertThat(TagShape.parse("").overlaps(TagShape.parse("{id}"))).isTrue();
    assertThat(TagShape.parse("").overlaps(TagShape.parse("x"))).isFalse();
  }

  @Test
  void aTemplateShapeIsItsLiteralsAroundItsPlaceholders() {
    Template template = new Template("cart:{id}:lines", List.of(
        new Template.Literal("cart:"),
        new Template.Placeholder("id", null, null, false),
        new Template.Literal(":lines")), null, null);

    assertThat(template.shape()).isEqualTo(TagShape.parse("cart:{id}:lines"));
    assertThat(template.shape()).hasToString("cart:{}:lines");
  }
}
