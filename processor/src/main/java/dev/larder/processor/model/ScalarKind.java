package dev.larder.processor.model;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The column types Larder maps without reflection. Each kind knows how generated code reads it
 * from a result set ({@code Columns.<reader>}) and whether a NULL can be held.
 */
public enum ScalarKind {
  LONG("long", "getLong", false),
  INT("int", "getInt", false),
  BOOLEAN("boolean", "getBoolean", false),
  DOUBLE("double", "getDouble", false),
  BOXED_LONG("java.lang.Long", "getBoxedLong", true),
  BOXED_INT("java.lang.Integer", "getBoxedInt", true),
  BOXED_BOOLEAN("java.lang.Boolean", "getBoxedBoolean", true),
  BOXED_DOUBLE("java.lang.Double", "getBoxedDouble", true),
  STRING("java.lang.String", "getString", true),
  BIG_DECIMAL("java.math.BigDecimal", "getBigDecimal", true),
  UUID("java.util.UUID", "getUuid", true),
  INSTANT("java.time.Instant", "getInstant", true),
  LOCAL_DATE("java.time.LocalDate", "getLocalDate", true),
  LOCAL_DATE_TIME("java.time.LocalDateTime", "getLocalDateTime", true),
  OFFSET_DATE_TIME("java.time.OffsetDateTime", "getOffsetDateTime", true),
  SHORT("short", "getShort", false),
  BOXED_SHORT("java.lang.Short", "getBoxedShort", true),
  FLOAT("float", "getFloat", false),
  BOXED_FLOAT("java.lang.Float", "getBoxedFloat", true),
  LOCAL_TIME("java.time.LocalTime", "getLocalTime", true),
  OFFSET_TIME("java.time.OffsetTime", "getOffsetTime", true),
  ENUM("an enum", "getEnum", true);

  private final String javaName;
  private final String reader;
  private final boolean nullable;

  ScalarKind(String javaName, String reader, boolean nullable) {
    this.javaName = javaName;
    this.reader = reader;
    this.nullable = nullable;
  }

  /** The canonical Java name, or "an enum". */
  public String javaName() {
    return javaName;
  }

  /** The {@code dev.larder.runtime.internal.Columns} method that reads this kind. */
  public String reader() {
    return reader;
  }

  public boolean nullable() {
    return nullable;
  }

  public boolean isPrimitive() {
    return !nullable;
  }

  /** Finds the kind of a canonical type name, or null. Enums are recognised elsewhere. */
  public static ScalarKind forName(String canonicalName) {
    for (ScalarKind kind : values()) {
      if (kind.javaName.equals(canonicalName)) {
        return kind;
      }
    }
    return null;
  }

  /** The scalar type names for messages: "long, int, ..., an enum". */
  public static String listForMessages() {
    return Stream.of(values()).map(k -> simple(k.javaName)).collect(Collectors.joining(", "));
  }

  /** Scalar types that can be elements of a collection bound as a PostgreSQL array. */
  public static final List<ScalarKind> ARRAY_ELEMENTS =
      List.of(BOXED_LONG, BOXED_INT, BOXED_BOOLEAN, BOXED_DOUBLE, STRING, BIG_DECIMAL, UUID, ENUM);

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
