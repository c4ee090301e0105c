package dev.larder.processor.validate;

import dev.larder.processor.model.Converter;
import dev.larder.processor.model.EnumTypes;
import dev.larder.processor.model.JavaType;
import dev.larder.processor.model.Repository;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks the converters of the {@code @ConvertWith} types a repository uses: each implements
 * {@code ColumnConverter<J, S>}, itself or through a base class or interface, with the annotated type as {@code J} and a column type
 * Larder maps as {@code S}, and generated code can create it. A type used by several
 * repositories of a round is reported once, on its {@code @ConvertWith}, and makes each of them
 * invalid.
 */
final class ConverterValidator {
  private final Diagnostics diagnostics;
  private final Map<String, Boolean> checked = new HashMap<>();

  ConverterValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Reports the problems of the repository's converters; returns true when there are none. */
  boolean validate(Repository repository) {
    boolean valid = true;
    for (JavaType.Scalar type : EnumTypes.converted(repository.methods())) {
      valid &= checked.computeIfAbsent(type.typeName().toString(), name -> check(type));
    }
    return valid;
  }

  private boolean check(JavaType.Scalar type) {
    Converter c = type.converter();
    String converter = c.converter().simpleName();
    String annotated = type.display();
    if (c.javaType() == null) {
      diagnostics.report(Message.CONVERTER_NOT_A_COLUMN_CONVERTER, c.source(), annotated,
          converter, annotated, annotated, columnTypes(), annotated);
      return false;
    }
    if (!c.javaType().equals(type.typeName())) {
      diagnostics.report(Message.CONVERTER_TYPE_MISMATCH, c.source(), annotated, converter,
          simple(c.javaType().toString()), simple(c.javaType().toString()), annotated, annotated);
      return false;
    }
    if (c.databaseScalar() == null) {
      diagnostics.report(Message.CONVERTER_UNSUPPORTED_COLUMN, c.source(), converter, annotated,
          c.database().display(), annotated, columnTypes());
      return false;
    }
    if (!c.instantiable()) {
      diagnostics.report(Message.CONVERTER_NOT_INSTANTIABLE, c.source(), converter, annotated,
          converter);
      return false;
    }
    return true;
  }

  /** The column types a converter may store into, for messages. */
  private static String columnTypes() {
    return "String, Long, Integer, Short, Double, Float, Boolean, BigDecimal, UUID, Instant,"
        + " OffsetDateTime, LocalDate, LocalDateTime, LocalTime, OffsetTime, Duration, Character or"
        + " byte[]";
  }

  private static String simple(String qualified) {
    return qualified.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }
}
