package dev.larder.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Method;
import dev.larder.processor.model.Repository;
import dev.larder.processor.model.Result;
import dev.larder.processor.model.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The codecs of one generated class, which encode cached results for Redis: a pair of private
 * static methods per record ({@code writeProduct}, {@code readProduct}) writing each component
 * in order, and codec expressions for {@code Optional}, {@code List} and scalars.
 */
final class CodecMethods {
  private static final ClassName DATA_OUTPUT = ClassName.get("java.io", "DataOutput");
  private static final ClassName DATA_INPUT = ClassName.get("java.io", "DataInput");
  private static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName CODECS = ClassName.get("dev.larder.runtime.internal", "Codecs");
  static final ClassName VALUE_CODEC = ClassName.get("dev.larder.runtime.internal", "ValueCodec");

  private final ClassName owner;
  private final ClassFields fields;
  private final ConstantNames constants;
  private final Map<String, List<MethodSpec>> byRecord = new LinkedHashMap<>();
  private final Map<String, String> names = new LinkedHashMap<>();

  CodecMethods(ClassName owner, ClassFields fields, ConstantNames constants) {
    this.owner = owner;
    this.fields = fields;
    this.constants = constants;
  }

  /** The type {@code ValueCodec<R>} of a method's result. */
  static TypeName codecType(Result result) {
    return ParameterizedTypeName.get(VALUE_CODEC, result.typeName().box());
  }

  private CodeBlock codecOf(JavaType.Record record) {
    String name = nameFor(record);
    return CodeBlock.of("$T.of($T::write$L, $T::read$L)", VALUE_CODEC, owner, name, owner, name);
  }

  /**
   * The codec constants of the records cached reads return, one per record:
   * {@code PRODUCT_CODEC = ValueCodec.of(Impl::writeProduct, Impl::readProduct)}; declared before
   * the read constants, which use them while they are initialised.
   */
  List<FieldSpec> codecFields(Repository repository) {
    Map<ClassName, FieldSpec> out = new LinkedHashMap<>();
    for (Method method : repository.methods()) {
      if (method.result().element() instanceof JavaType.Record record) {
        String name = constants.codecs().get(record.typeName());
        if (name != null && !out.containsKey(record.typeName())) {
          out.put(record.typeName(), FieldSpec.builder(
                  ParameterizedTypeName.get(VALUE_CODEC, record.typeName()), name,
                  Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
              .initializer("$T.of(\n$>$>$T::write$L,\n$T::read$L)$<$<", VALUE_CODEC,
                  owner, nameFor(record), owner, nameFor(record))
              .build());
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The expression building the codec of a read's whole result. */
  CodeBlock forResult(Result result) {
    CodeBlock element = forElement(result.element());
    return switch (result.shape()) {
      case OPTIONAL -> CodeBlock.of("$T.optional($L)", CODECS, element);
      case LIST -> CodeBlock.of("$T.list($L)", CODECS, element);
      case PAGE -> CodeBlock.of("$T.page($L)", RuntimeTypes.PAGING_CODECS, element);
      case CURSOR_PAGE -> CodeBlock.of("$T.cursorPage($L)", RuntimeTypes.PAGING_CODECS, element);
      default -> element;
    };
  }

  private CodeBlock forElement(JavaType type) {
    if (type instanceof JavaType.Record record) {
      String constant = constants.codecs().get(record.typeName());
      if (constant != null) {
        return CodeBlock.of("$N", constant);
      }
      return codecOf(record);
    }
    JavaType.Scalar scalar = (JavaType.Scalar) type;
    return switch (scalar.kind()) {
      case LONG, BOXED_LONG -> CodeBlock.of("$T.LONG", CODECS);
      case INT, BOXED_INT -> CodeBlock.of("$T.INT", CODECS);
      case SHORT, BOXED_SHORT -> CodeBlock.of("$T.SHORT", CODECS);
      case FLOAT, BOXED_FLOAT -> CodeBlock.of("$T.FLOAT", CODECS);
      case BOOLEAN, BOXED_BOOLEAN -> CodeBlock.of("$T.BOOLEAN", CODECS);
      case DOUBLE, BOXED_DOUBLE -> CodeBlock.of("$T.DOUBLE", CODECS);
      case STRING -> CodeBlock.of("$T.STRING", CODECS);
      case BIG_DECIMAL -> CodeBlock.of("$T.BIG_DECIMAL", CODECS);
      case UUID -> CodeBlock.of("$T.UUID_CODEC", CODECS);
      case INSTANT -> CodeBlock.of("$T.INSTANT", CODECS);
      case LOCAL_DATE -> CodeBlock.of("$T.LOCAL_DATE", CODECS);
      case LOCAL_DATE_TIME -> CodeBlock.of("$T.LOCAL_DATE_TIME", CODECS);
      case OFFSET_DATE_TIME -> CodeBlock.of("$T.OFFSET_DATE_TIME", CODECS);
      case LOCAL_TIME -> CodeBlock.of("$T.LOCAL_TIME", CODECS);
      case OFFSET_TIME -> CodeBlock.of("$T.OFFSET_TIME", CODECS);
      case STRING_LIST, INT_LIST, LONG_LIST, UUID_LIST, SHORT_LIST, FLOAT_LIST, STRING_ARRAY,
          INT_ARRAY, LONG_ARRAY, SHORT_ARRAY, FLOAT_ARRAY, UUID_ARRAY, ENUM_LIST, ENUM_ARRAY ->
          arrayCodec(scalar);
      case BYTES -> CodeBlock.of("$T.BYTES", CODECS);
      case CHAR, BOXED_CHAR -> CodeBlock.of("$T.CHAR", CODECS);
      case DURATION -> CodeBlock.of("$T.DURATION", CODECS);
      case ENUM -> fields.codec(scalar);
      case CONVERTED -> fields.convertedCodec(scalar,
          forElement(scalar.converter().databaseScalar()));
    };
  }

  /**
   * The codec of an array column's value, which may be null: {@code Codecs.STRING_LIST},
   * {@code Codecs.INT_ARRAY}..., named as its kind; that of its enum's labels for enums.
   */
  private CodeBlock arrayCodec(JavaType.Scalar scalar) {
    return scalar.kind().enumLike() ? fields.codec(scalar)
        : CodeBlock.of("$T.$L", CODECS, scalar.kind().name());
  }

  /** The codec of a component written whole by a codec: an array column or a converted value. */
  private CodeBlock codecOf(JavaType.Scalar scalar) {
    return scalar.kind() == ScalarKind.CONVERTED ? forElement(scalar) : arrayCodec(scalar);
  }

  private String nameFor(JavaType.Record record) {
    String key = record.typeName().toString();
    String name = names.get(key);
    if (name == null) {
      String base = String.join("", record.typeName().simpleNames());
      name = base;
      for (int i = 2; names.containsValue(name); i++) {
        name = base + i;
      }
      names.put(key, name);
      byRecord.put(key, List.of(writer(name, record), reader(name, record)));
    }
    return name;
  }

  List<MethodSpec> methods() {
    List<MethodSpec> out = new ArrayList<>();
    byRecord.values().forEach(out::addAll);
    return out;
  }

  private MethodSpec writer(String name, JavaType.Record record) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("write" + name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(DATA_OUTPUT, "out")
        .addParameter(record.typeName(), "value")
        .addException(IO_EXCEPTION);
    for (JavaType.Component c : record.components()) {
      ScalarKind kind = ((JavaType.Scalar) c.type()).kind();
      String suffix = suffix(kind);
      if (kind.arrayElement() != null || kind == ScalarKind.CONVERTED) {
        method.addStatement("$L.write(out, value.$N())", codecOf((JavaType.Scalar) c.type()),
            c.name());
      } else if (kind.isPrimitive()) {
        method.addStatement("out.write$L(value.$N())", suffix, c.name());
      } else if (kind == ScalarKind.ENUM) {
        method.addStatement("$N.write(out, value.$N())",
            fields.name((JavaType.Scalar) c.type()), c.name());
      } else {
        method.addStatement("$T.write$L(out, value.$N())", CODECS, suffix, c.name());
      }
    }
    return method.build();
  }

  private MethodSpec reader(String name, JavaType.Record record) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (JavaType.Component c : record.components()) {
      JavaType.Scalar scalar = (JavaType.Scalar) c.type();
      String suffix = suffix(scalar.kind());
      if (scalar.kind().arrayElement() != null || scalar.kind() == ScalarKind.CONVERTED) {
        arguments.add(CodeBlock.of("$L.read(in)", codecOf(scalar)));
      } else if (scalar.kind().isPrimitive()) {
        arguments.add(CodeBlock.of("in.read$L()", suffix));
      } else if (scalar.kind() == ScalarKind.ENUM) {
        arguments.add(CodeBlock.of("$N.read(in)", fields.name(scalar)));
      } else {
        arguments.add(CodeBlock.of("$T.read$L(in)", CODECS, suffix));
      }
    }
    return MethodSpec.methodBuilder("read" + name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(record.typeName())
        .addParameter(DATA_INPUT, "in")
        .addException(IO_EXCEPTION)
        .addStatement("return new $T(\n$L)", record.typeName(), CodeBlock.join(arguments, ",\n"))
        .build();
  }

  private static String suffix(ScalarKind kind) {
    return switch (kind) {
      case LONG, BOXED_LONG -> "Long";
      case INT, BOXED_INT -> "Int";
      case SHORT, BOXED_SHORT -> "Short";
      case FLOAT, BOXED_FLOAT -> "Float";
      case BOOLEAN, BOXED_BOOLEAN -> "Boolean";
      case DOUBLE, BOXED_DOUBLE -> "Double";
      case STRING -> "String";
      case BIG_DECIMAL -> "BigDecimal";
      case UUID -> "Uuid";
      case INSTANT -> "Instant";
      case LOCAL_DATE -> "LocalDate";
      case LOCAL_DATE_TIME -> "LocalDateTime";
      case OFFSET_DATE_TIME -> "OffsetDateTime";
      case LOCAL_TIME -> "LocalTime";
      case OFFSET_TIME -> "OffsetTime";
      case STRING_LIST, INT_LIST, LONG_LIST, UUID_LIST, SHORT_LIST, FLOAT_LIST, STRING_ARRAY,
          INT_ARRAY, LONG_ARRAY, SHORT_ARRAY, FLOAT_ARRAY, UUID_ARRAY, ENUM_LIST, ENUM_ARRAY ->
          "Array";
      case BYTES -> "Bytes";
      case CHAR, BOXED_CHAR -> "Char";
      case DURATION -> "Duration";
      case CONVERTED -> "Converted";
      case ENUM -> "Enum";
    };
  }
}
