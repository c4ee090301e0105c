package dev.larder.processor.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Source;
import dev.larder.processor.model.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateParserTest {
  private static final JavaType.Scalar LONG =
      new JavaType.Scalar(ScalarKind.LONG, TypeName.LONG, "long");
  private static final JavaType.Scalar STRING =
      new JavaType.Scalar(ScalarKind.STRING, ClassName.get(String.class), "String");
  private static final JavaType.Record FILTER = new JavaType.Record(
      ClassName.get("test", "ProductFilter"), "ProductFilter",
      List.of(new JavaType.Component("category", "category", STRING)));
  private static final JavaType.Record NEW_PRODUCT = new JavaType.Record(
      ClassName.get("test", "NewProduct"), "NewProduct",
      List.of(new JavaType.Component("category", "category", STRING)));

  private static final Parameter ID =
      new Parameter("id", TypeName.LONG, ParameterKind.SCALAR, LONG, Source.of(null));
  private static final Parameter FILTER_PARAMETER = new Parameter(
      "filter", FILTER.typeName(), ParameterKind.RECORD, FILTER, Source.of(null));
  private static final Parameter ROWS = new Parameter(
      "rows", ClassName.get(List.class), ParameterKind.BATCH, NEW_PRODUCT, Source.of(null));

  private static Template parse(String text, Parameter... parameters) {
    return TemplateParser.parse(text, new NameResolver(List.of(parameters)), Source.of(null));
  }

  @Test
  void splitsLiteralsAndPlaceholders() {
    Template template = parse("product:{id}:{filter.category}", ID, FILTER_PARAMETER);

    assertThat(template.syntaxError()).isNull();
    assertThat(template.segments()).hasSize(4);
    assertThat(template.segments().get(0)).isEqualTo(new Template.Literal("product:"));
    assertThat(template.segments().get(2)).isEqualTo(new Template.Literal(":"));
    assertThat(template.placeholders()).extracting(Template.Placeholder::path)
        .containsExactly("id", "filter.category");
    assertThat(template.placeholders().get(0).parameter()).isSameAs(ID);
    assertThat(template.placeholders().get(1).component().name()).isEqualTo("category");
  }

  @Test
  void templateWithoutPlaceholdersIsOneLiteral() {
    Template template = parse("products", ID);

    assertThat(template.segments()).containsExactly(new Template.Literal("products"));
  }

  @Test
  void bareComponentNameResolvesToTheOnlyRecordHavingIt() {
    Template template = parse("category:{category}", ID, FILTER_PARAMETER);

    Template.Placeholder placeholder = template.placeholders().get(0);
    assertThat(placeholder.parameter()).isSameAs(FILTER_PARAMETER);
    assertThat(placeholder.component().name()).isEqualTo("category");
  }

  @Test
  void placeholderOnABatchElementIsPerElement() {
    Template template = parse("category:{rows.category}", ROWS);

    assertThat(template.placeholders().get(0).perElement()).isTrue();
    assertThat(template.placeholders().get(0).parameter()).isSameAs(ROWS);
  }

  @Test
  void unknownPlaceholderIsKeptUnresolved() {
    Template template = parse("product:{ix}", ID);

    assertThat(template.syntaxError()).isNull();
    assertThat(template.placeholders()).singleElement()
        .satisfies(p -> assertThat(p.resolved()).isFalse());
  }

  @Test
  void unclosedBraceIsASyntaxError() {
    assertThat(parse("product:{id", ID).syntaxError())
        .isEqualTo("has a '{' at position 8 that is never closed");
  }

  @Test
  void strayClosingBraceIsASyntaxError() {
    assertThat(parse("product:id}", ID).syntaxError())
        .isEqualTo("has a '}' at position 10 with no '{' before it");
  }

  @Test
  void emptyAndNestedPlaceholdersAreSyntaxErrors() {
    assertThat(parse("product:{}", ID).syntaxError())
        .isEqualTo("has an empty or nested placeholder at position 8");
    assertThat(parse("product:{{id}}", ID).syntaxError())
        .isEqualTo("has an empty or nested placeholder at position 8");
  }
}
