package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The row mappers of one generated class: a private static method per row type, referenced as
 * {@code ProductRepositoryImpl::mapProduct}. Records are built by calling their canonical
 * constructor with each column read by name; no reflection.
 */
final class RowMappers {
  private final ClassName owner;
  private final ClassFields fields;
  private final Map<String, MethodSpec> byType = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  RowMappers(ClassName owner, ClassFields fields) {
    this.owner = owner;
    this.fields = fields;
  }

  /** The method reference mapping a row to {@code type}, creating the mapper on first use. */
  CodeBlock mapperFor(JavaType type) {
    String key = type instanceof JavaType.Scalar s && !s.kind().enumLike()
        ? boxed(s).toString() : type.typeName().toString();
    String name = names.get(key);
    if (name == null) {
      name = uniqueName("map" + simpleName(type));
      names.put(key, name);
      byType.put(key, type instanceof JavaType.Record record ? recordMapper(name, record)
          : scalarMapper(name, (JavaType.Scalar) type));
    }
    return CodeBlock.of("$T::$N", owner, name);
  }

  List<MethodSpec> methods() {
    return new ArrayList<>(byType.values());
  }

  private MethodSpec recordMapper(String name, JavaType.Record record) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (JavaType.Component c : record.components()) {
      arguments.add(read((JavaType.Scalar) c.type(), CodeBlock.of("rs.findColumn($S)", c.column())));
    }
    return signature(name, record.typeName())
        .addStatement("return new $T(\n$L)", record.typeName(),
            CodeBlock.join(arguments, ",\n"))
        .build();
  }

  private MethodSpec scalarMapper(String name, JavaType.Scalar scalar) {
    JavaType.Scalar read = scalar.kind().isPrimitive()
        ? new JavaType.Scalar(boxedKind(scalar.kind()), boxed(scalar), scalar.display())
        : scalar;
    return signature(name, boxed(scalar))
        .addStatement("return $L", read(read, CodeBlock.of("1")))
        .build();
  }

  private CodeBlock read(JavaType.Scalar scalar, CodeBlock column) {
    if (scalar.kind().enumLike()) {
      return fields.read(scalar, column);
    }
    if (scalar.kind() == ScalarKind.CONVERTED) {
      return fields.fromColumn(scalar, read(scalar.converter().databaseScalar(), column));
    }
    return CodeBlock.of("$T.$N(rs, $L)", RuntimeTypes.COLUMNS, scalar.kind().reader(), column);
  }

  private MethodSpec.Builder signature(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(returns)
        .addParameter(RuntimeTypes.RESULT_SET, "rs")
        .addParameter(RuntimeTypes.STATEMENT_CONTEXT, "context")
        .addException(RuntimeTypes.SQL_EXCEPTION);
  }

  private String uniqueName(String base) {
    String name = base;
    for (int i = 2; names.containsValue(name); i++) {
      name = base + i;
    }
    return name;
  }

  private static String simpleName(JavaType type) {
    TypeName name = boxedOrSelf(type);
    if (name instanceof ClassName className) {
      return String.join("", className.simpleNames());
    }
    return "Row";
  }

  private static TypeName boxedOrSelf(JavaType type) {
    return type instanceof JavaType.Scalar s ? boxed(s) : type.typeName();
  }

  private static TypeName boxed(JavaType.Scalar scalar) {
    return scalar.typeName().isPrimitive() ? scalar.typeName().box() : scalar.typeName();
  }

  private static ScalarKind boxedKind(ScalarKind kind) {
    return switch (kind) {
      case LONG -> ScalarKind.BOXED_LONG;
      case INT -> ScalarKind.BOXED_INT;
      case SHORT -> ScalarKind.BOXED_SHORT;
      case FLOAT -> ScalarKind.BOXED_FLOAT;
      case BOOLEAN -> ScalarKind.BOXED_BOOLEAN;
      case DOUBLE -> ScalarKind.BOXED_DOUBLE;
      case CHAR -> ScalarKind.BOXED_CHAR;
      default -> kind;
    };
  }
}
