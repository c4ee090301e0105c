package dev.larder.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Parameter;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ScalarKind;
import dev.larder.processor.model.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Code for the values that keys, tags and bindings are made from. */
final class Expressions {
  private Expressions() {}

  /**
   * A duration as a reader writes it: {@code Duration.ZERO}, {@code Duration.ofMinutes(30)}, in the
   * largest whole unit.
   */
  static CodeBlock duration(Duration value) {
    if (value.isZero()) {
      return CodeBlock.of("$T.ZERO", Duration.class);
    }
    if (value.toNanos() % 1_000_000 != 0) {
      return CodeBlock.of("$T.ofNanos($LL)", Duration.class, value.toNanos());
    }
    long millis = value.toMillis();
    String[] units = {"ofDays", "ofHours", "ofMinutes", "ofSeconds"};
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    for (int i = 0; i < units.length; i++) {
      if (millis % sizes[i] == 0) {
        return CodeBlock.of("$T.$N($L)", Duration.class, units[i], millis / sizes[i]);
      }
    }
    return CodeBlock.of("$T.ofMillis($L)", Duration.class, millis);
  }

  /**
   * The Java expression for a parameter or one of its components: {@code id},
   * {@code filter.category()}, or {@code each.category()} inside a batch loop.
   */
  static CodeBlock value(Parameter parameter, JavaType.Component component, String batchElement) {
    String base = batchElement != null ? batchElement : parameter.name();
    if (component != null) {
      return CodeBlock.of("$N.$N()", base, component.name());
    }
    // An int[] parameter binds and is keyed as the List<Integer> it holds.
    return parameter.kind() == ParameterKind.ARRAY && parameter.typeName() instanceof ArrayTypeName
        ? CodeBlock.of("$T.list($N)", RuntimeTypes.JAVA_ARRAYS, base) : CodeBlock.of("$N", base);
  }

  /** {@code JavaArrays.list(value)} of an array column read into a Java array, else the value. */
  static CodeBlock asList(JavaType.Scalar type, CodeBlock value) {
    return type.kind().javaArray()
        ? CodeBlock.of("$T.list($L)", RuntimeTypes.JAVA_ARRAYS, value) : value;
  }

  /** {@code KeyEncoding.part(x)}, or {@code KeyEncoding.tuple(...)} for a whole record. */
  static CodeBlock keyPart(ClassFields fields, Parameter parameter, JavaType.Component component,
      String batchElement) {
    if (component == null && parameter.record() != null) {
      List<CodeBlock> parts = new ArrayList<>();
      for (JavaType.Component c : parameter.record().components()) {
        parts.add(keyValue(fields, c.type(), null, value(parameter, c, batchElement)));
      }
      return CodeBlock.of("$T.tuple($L)", RuntimeTypes.KEY_ENCODING, CodeBlock.join(parts, ", "));
    }
    CodeBlock value = value(parameter, component, batchElement);
    return CodeBlock.of("$T.part($L)", RuntimeTypes.KEY_ENCODING, component != null
        ? keyValue(fields, component.type(), null, value)
        : keyValue(fields, parameter.element(), parameter.kind(), value));
  }

  /**
   * The value a key part encodes: the label (or labels) of an enum with labels other than its
   * names; any other value as it is, since {@code KeyEncoding} encodes a constant by its name,
   * which is then its label.
   */
  private static CodeBlock keyValue(
      ClassFields fields, JavaType type, ParameterKind kind, CodeBlock value) {
    if (type instanceof JavaType.Scalar scalar && scalar.kind() == ScalarKind.CONVERTED) {
      return fields.toColumn(scalar, value); // keyed by its database form, as a trigger would
    }
    if (!(type instanceof JavaType.Scalar scalar) || !scalar.relabelled()) {
      return value;
    }
    boolean many = kind == ParameterKind.ARRAY || scalar.kind() != ScalarKind.ENUM;
    return CodeBlock.of(many ? "$N.labels($L)" : "$N.label($L)", fields.name(scalar),
        asList(scalar, value));
  }

  /**
   * The concatenation that renders a template, literals merged: {@code "product:" +
   * KeyEncoding.part(id)}; {@code suffix} is appended as a literal.
   */
  static CodeBlock render(
      ClassFields fields, Template template, String suffix, String batchElement) {
    List<Object> pieces = new ArrayList<>();
    for (Template.Segment segment : template.segments()) {
      if (segment instanceof Template.Literal literal) {
        appendLiteral(pieces, literal.text());
      } else {
        Template.Placeholder p = (Template.Placeholder) segment;
        pieces.add(keyPart(fields, p.parameter(), p.component(), p.perElement() ? batchElement : null));
      }
    }
    appendLiteral(pieces, suffix);
    return concat(pieces);
  }

  static void appendLiteral(List<Object> pieces, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!pieces.isEmpty() && pieces.get(pieces.size() - 1) instanceof String previous) {
      pieces.set(pieces.size() - 1, previous + text);
    } else {
      pieces.add(text);
    }
  }

  /** Joins strings (as literals) and code blocks with {@code +}. */
  static CodeBlock concat(List<Object> pieces) {
    if (pieces.isEmpty()) {
      return CodeBlock.of("$S", "");
    }
    List<CodeBlock> blocks = new ArrayList<>();
    for (Object piece : pieces) {
      blocks.add(piece instanceof String s ? CodeBlock.of("$S", s) : (CodeBlock) piece);
    }
    // "$W" wraps a long concatenation after a "+" instead of running past the margin.
    return CodeBlock.join(blocks, " +$W");
  }
}
