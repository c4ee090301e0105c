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

/**
 * Code for values: durations and texts as a reader writes them, and the values that keys, tags and
 * bindings are made from.
 */
final class Expressions {
  /**
   * The widest a piece of a text literal gets, its quotes included: with the deepest indent a
   * text has in generated code (a continuation of an argument of an argument of a constant, 16
   * columns) and the {@code ),} after it, a line stays within 100 characters.
   */
  static final int TEXT_WIDTH = 78;

  private Expressions() {}

  /**
   * A string literal of {@code text} that keeps lines short: one literal per line of the text,
   * a line wider than {@link #TEXT_WIDTH} split before a space (or after punctuation), and the
   * pieces joined by {@code +} at the start of continuation lines, as JavaPoet joins the lines of
   * a text. The value is {@code text}, unchanged: {@code "SELECT a FROM t" + " WHERE id = :id"}.
   */
  static CodeBlock text(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        split(text.substring(start, i + 1), pieces);
        start = i + 1;
      }
    }
    split(text.substring(start), pieces);
    CodeBlock.Builder code = CodeBlock.builder().add("$S$>$>", pieces.get(0));
    for (String piece : pieces.subList(1, pieces.size())) {
      code.add("\n+ $S", piece);
    }
    return code.add("$<$<").build();
  }

  /**
   * Splits one line of a text into pieces as wide as {@link #TEXT_WIDTH}: before a space, or,
   * in a run without one (a long key template), after a punctuation character.
   */
  private static void split(String line, List<String> pieces) {
    int start = 0;
    while (literalWidth(line, start, line.length()) > TEXT_WIDTH) {
      int space = -1;
      int punctuation = -1;
      for (int i = start + 1; i < line.length()
          && literalWidth(line, start, i) <= TEXT_WIDTH; i++) {
        if (line.charAt(i) == ' ') {
          space = i;
        }
        char before = line.charAt(i - 1);
        if (!Character.isLetterOrDigit(before) && before != '_' && before != ' ') {
          punctuation = i;
        }
      }
      int cut = space > 0 ? space : punctuation;
      if (cut < 0) {
        break; // a word wider than a line stays whole
      }
      pieces.add(line.substring(start, cut));
      start = cut;
    }
    pieces.add(line.substring(start));
  }

  /** The width of {@code "line[from, to)"} as a Java literal: quotes and escapes included. */
  private static int literalWidth(String line, int from, int to) {
    int width = 2;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      width += c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' || c == '\b'
          || c == '\f' ? 2 : Character.isISOControl(c) ? 6 : 1;
    }
    return width;
  }

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
