package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.larder.processor.model.EnumConstant;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.ParameterKind;
import dev.larder.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * The labels of an enum in generated code: a private constant per enum a class uses,
 * {@code MPAA_RATING_LABELS}, an {@code EnumLabels} whose two directions are switches over the
 * constants and their {@code @EnumLabel}s, and the expressions that bind, read, cache and key
 * enum values through it. Nothing is looked up by reflection or {@code valueOf}.
 */
final class EnumLabelFields {
  static final ClassName ENUM_LABELS = ClassName.get("dev.larder.runtime.internal", "EnumLabels");
  static final ClassName TYPES = ClassName.get("java.sql", "Types");

  private EnumLabelFields() {}

  /** The constant holding the labels of {@code type}: {@code MPAA_RATING_LABELS}. */
  static String name(JavaType.Scalar type) {
    ClassName name = (ClassName) type.typeName();
    return ConstantNames.constantCase(String.join("", name.simpleNames())) + "_LABELS";
  }

  /** The constants for {@code types}, to come before any field that uses them. */
  static List<FieldSpec> fields(List<JavaType.Scalar> types) {
    List<FieldSpec> out = new ArrayList<>();
    for (JavaType.Scalar type : types) {
      out.add(field(type));
    }
    return out;
  }

  private static FieldSpec field(JavaType.Scalar type) {
    CodeBlock.Builder toConstant = CodeBlock.builder().add("label -> switch (label) {\n$>");
    for (EnumConstant c : type.constants()) {
      toConstant.add("case $S -> $T.$N;\n", c.label(), type.typeName(), c.name());
    }
    toConstant.add("default -> null;\n$<}");
    CodeBlock toLabel;
    if (type.relabelled()) {
      CodeBlock.Builder cases = CodeBlock.builder().add("constant -> switch (constant) {\n$>");
      for (EnumConstant c : type.constants()) {
        if (!c.label().equals(c.name())) {
          cases.add("case $N -> $S;\n", c.name(), c.label());
        }
      }
      // Also a constant added to the enum after this was compiled: it stands for its name.
      toLabel = cases.add("default -> constant.name();\n$<}").build();
    } else {
      toLabel = CodeBlock.of("$T::name", type.typeName());
    }
    return FieldSpec.builder(ParameterizedTypeName.get(ENUM_LABELS, type.typeName()), name(type),
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T<>($S,\n$>$>$L,\n$L)$<$<", ENUM_LABELS, type.display(), toLabel,
            toConstant.build())
        .build();
  }

  /** {@code Columns.getEnum(rs, column, MPAA_RATING_LABELS)}. */
  static CodeBlock read(JavaType.Scalar type, CodeBlock column) {
    return CodeBlock.of("$T.getEnum(rs, $L, $N)", RuntimeTypes.COLUMNS, column, name(type));
  }

  /** A {@code .bindBySqlType} of the label, untyped so that PostgreSQL casts it. */
  static CodeBlock bind(String sqlName, JavaType.Scalar type, CodeBlock value) {
    return CodeBlock.of("\n.bindBySqlType($S, $N.label($L), $T.OTHER)", sqlName, name(type), value,
        TYPES);
  }

  /** A {@code .bindBySqlType} of the labels as an untyped array literal. */
  static CodeBlock bindArray(String sqlName, JavaType.Scalar type, CodeBlock values) {
    return CodeBlock.of("\n.bindBySqlType($S, $N.arrayLiteral($L), $T.OTHER)", sqlName,
        name(type), values, TYPES);
  }

  /**
   * The value a key part encodes: the label (or labels) of an enum with labels other than its
   * names; any other value as it is, since {@code KeyEncoding} encodes a constant by its name,
   * which is then its label.
   */
  static CodeBlock keyValue(JavaType type, ParameterKind kind, CodeBlock value) {
    if (!(type instanceof JavaType.Scalar scalar) || !scalar.relabelled()) {
      return value;
    }
    return CodeBlock.of(kind == ParameterKind.ARRAY ? "$N.labels($L)" : "$N.label($L)",
        name(scalar), value);
  }

  static boolean isEnum(JavaType type) {
    return type instanceof JavaType.Scalar s && s.kind() == ScalarKind.ENUM;
  }
}
