package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.larder.processor.model.EnumConstant;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The constants of one generated class that values go through: a converter per type annotated
 * {@code @ConvertWith} ({@code EMAIL_CONVERTER = new EmailConverter()}), and the labels of each
 * enum. For enums: a private constant per enum a class uses,
 * {@code MPAA_RATING_LABELS}, an {@code EnumLabels} whose two directions are switches over the
 * constants and their {@code @EnumLabel}s, and the expressions that bind, read, cache and key
 * enum values through it. Nothing is looked up by reflection or {@code valueOf}.
 *
 * <p>One instance per generated class names the constants of the enums it uses: after the enum's
 * simple name, or, for enums of different packages that share one, after its qualified name
 * ({@code COM_SHOP_STATUS_LABELS} and {@code COM_SHOP_BILLING_STATUS_LABELS}), so that the names
 * depend on the set of enums only, never on the order of methods.
 */
final class ClassFields {
  static final ClassName ENUM_LABELS = ClassName.get("dev.larder.runtime.internal", "EnumLabels");
  static final ClassName TYPES = ClassName.get("java.sql", "Types");
  static final ClassName CONVERTED = ClassName.get("dev.larder.runtime.internal", "Converted");

  private final Map<ClassName, String> names;
  private final Map<ClassName, String> converterNames;

  /**
   * @param used every enum the generated class binds, reads, caches or keys
   * @param converted every type with a converter it binds, reads, caches or keys
   */
  ClassFields(List<JavaType.Scalar> used, List<JavaType.Scalar> converted) {
    names = uniqueNames(used.stream().map(t -> (ClassName) t.typeName()).toList(), "_LABELS");
    converterNames = uniqueNames(
        converted.stream().map(t -> t.converter().converter()).distinct().toList(), "");
  }

  /**
   * Constant names for {@code types}: the simple name in constant case, or the qualified name
   * for types of different packages that share a simple name; then {@code suffix}.
   */
  private static Map<ClassName, String> uniqueNames(List<ClassName> types, String suffix) {
    Map<String, Integer> bySimpleName = new HashMap<>();
    for (ClassName name : types) {
      bySimpleName.merge(simpleName(name), 1, Integer::sum);
    }
    Map<ClassName, String> out = new HashMap<>();
    for (ClassName name : types) {
      String simple = simpleName(name);
      String qualified = name.packageName().isEmpty() ? simple
          : name.packageName().replace('.', '_') + "_" + simple;
      out.put(name, constantCase(
          bySimpleName.get(simple) > 1 ? qualified : simple) + suffix);
    }
    return out;
  }

  /** The constant holding the converter of {@code type}: {@code EMAIL_CONVERTER}. */
  String converterName(JavaType.Scalar type) {
    return converterNames.get(type.converter().converter());
  }

  /** The converter constants for {@code converted}, each converter once. */
  List<FieldSpec> converterFields(List<JavaType.Scalar> converted) {
    List<FieldSpec> out = new ArrayList<>();
    converted.stream().map(t -> t.converter().converter()).distinct().forEach(c ->
        out.add(FieldSpec.builder(c, converterNames.get(c), Modifier.PRIVATE, Modifier.STATIC,
                Modifier.FINAL)
            .initializer("new $T()", c)
            .build()));
    return out;
  }

  /** {@code Converted.toColumn(EMAIL_CONVERTER, value)}: the database form of a value. */
  CodeBlock toColumn(JavaType.Scalar type, CodeBlock value) {
    return CodeBlock.of("$T.toColumn($N, $L)", CONVERTED, converterName(type), value);
  }

  /** {@code Converted.fromColumn(EMAIL_CONVERTER, column)}: the value of its database form. */
  CodeBlock fromColumn(JavaType.Scalar type, CodeBlock column) {
    return CodeBlock.of("$T.fromColumn($N, $L)", CONVERTED, converterName(type), column);
  }

  /** {@code Converted.codec(EMAIL_CONVERTER, Codecs.STRING)}: cached as its database form. */
  CodeBlock convertedCodec(JavaType.Scalar type, CodeBlock columnCodec) {
    return CodeBlock.of("$T.codec($N, $L)", CONVERTED, converterName(type), columnCodec);
  }

  /**
   * A Java name in constant case, as every constant of a generated class is named:
   * {@code FIND_BY_ID} for {@code findById}, {@code TITLE_INT_STRING} for {@code title_int_String}.
   */
  static String constantCase(String camel) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      char previous = i > 0 ? camel.charAt(i - 1) : '_';
      if (Character.isUpperCase(c) && !Character.isUpperCase(previous) && previous != '_') {
        out.append('_');
      }
      out.append(Character.toUpperCase(c));
    }
    return out.toString();
  }

  private static String simpleName(ClassName name) {
    return String.join("", name.simpleNames());
  }

  /**
   * The constant holding the labels of {@code type}, an enum or an array column of one:
   * {@code MPAA_RATING_LABELS}.
   */
  String name(JavaType.Scalar type) {
    String name = names.get((ClassName) type.element().typeName());
    if (name == null) {
      throw new IllegalStateException("enum not among the used ones: " + type.typeName());
    }
    return name;
  }

  /** The constants for {@code types}, to come before any field that uses them. */
  List<FieldSpec> fields(List<JavaType.Scalar> types) {
    List<FieldSpec> out = new ArrayList<>();
    for (JavaType.Scalar type : types) {
      out.add(field(type));
    }
    return out;
  }

  private FieldSpec field(JavaType.Scalar type) {
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
        .initializer("new $T<>($Z$S,\n$>$>$L,\n$L)$<$<", ENUM_LABELS, type.display(), toLabel,
            toConstant.build())
        .build();
  }

  /**
   * {@code Columns.getEnum(rs, column, MPAA_RATING_LABELS)}, or {@code getEnumList} or
   * {@code getEnumArray} of an array column.
   */
  CodeBlock read(JavaType.Scalar type, CodeBlock column) {
    if (type.kind() == ScalarKind.ENUM_ARRAY) {
      return CodeBlock.of("$T.getEnumArray(rs, $L,$W$N,$W$T[]::new)", RuntimeTypes.COLUMNS, column,
          name(type), type.element().typeName());
    }
    return CodeBlock.of("$T.$N(rs, $L, $N)", RuntimeTypes.COLUMNS, type.kind().reader(), column,
        name(type));
  }

  /** The codec of a cached enum, or of an array column of enums. */
  CodeBlock codec(JavaType.Scalar type) {
    return switch (type.kind()) {
      case ENUM_LIST -> CodeBlock.of("$N.listCodec()", name(type));
      case ENUM_ARRAY -> CodeBlock.of("$N.arrayCodec($T[]::new)", name(type),
          type.element().typeName());
      default -> CodeBlock.of("$N.codec()", name(type));
    };
  }

  /** A {@code .bindBySqlType} of the label, untyped so that PostgreSQL casts it. */
  CodeBlock bind(String sqlName, JavaType.Scalar type, CodeBlock value) {
    return CodeBlock.of("\n.bindBySqlType($S,$W$N.label($L),$W$T.OTHER)", sqlName, name(type),
        value, TYPES);
  }

  /** A {@code .bindBySqlType} of the labels as an untyped array literal. */
  CodeBlock bindArray(String sqlName, JavaType.Scalar type, CodeBlock values) {
    return CodeBlock.of("\n.bindBySqlType($S,$W$N.arrayLiteral($L),$W$T.OTHER)", sqlName,
        name(type), values, TYPES);
  }

  static boolean isEnum(JavaType type) {
    return type instanceof JavaType.Scalar s && s.kind() == ScalarKind.ENUM;
  }

  /** True for an enum or an array column of enums. */
  static boolean isEnumLike(JavaType type) {
    return type instanceof JavaType.Scalar s && s.kind().enumLike();
  }
}
