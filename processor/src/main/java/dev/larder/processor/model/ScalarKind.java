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
  STRING_LIST("java.util.List<java.lang.String>", "getStringList", true),
  INT_LIST("java.util.List<java.lang.Integer>", "getIntList", true),
  LONG_LIST("java.util.List<java.lang.Long>", "getLongList", true),
  UUID_LIST("java.util.List<java.util.UUID>", "getUuidList", true),
  SHORT_LIST("java.util.List<java.lang.Short>", "getShortList", true),
  FLOAT_LIST("java.util.List<java.lang.Float>", "getFloatList", true),
  ENUM_LIST("a List of an enum", "getEnumList", true),
  STRING_ARRAY("java.lang.String[]", "getStringArray", true),
  INT_ARRAY("int[]", "getIntArray", true),
  LONG_ARRAY("long[]", "getLongArray", true),
  SHORT_ARRAY("short[]", "getShortArray", true),
  FLOAT_ARRAY("float[]", "getFloatArray", true),
  UUID_ARRAY("java.util.UUID[]", "getUuidArray", true),
  ENUM_ARRAY("an array of an enum", "getEnumArray", true),
  BYTES("byte[]", "getBytes", true),
  CHAR("char", "getChar", false),
  BOXED_CHAR("java.lang.Character", "getBoxedChar", true),
  DURATION("java.time.Duration", "getDuration", true),
  CONVERTED("a type with @ConvertWith", "-", true),
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

  /**
   * The kind of the elements of a PostgreSQL array column this kind reads ({@code text[]} into
   * {@code List<String>} or {@code String[]}), or null when it is no array.
   */
  public ScalarKind arrayElement() {
    return switch (this) {
      case STRING_LIST, STRING_ARRAY -> STRING;
      case INT_LIST -> BOXED_INT;
      case LONG_LIST -> BOXED_LONG;
      case UUID_LIST, UUID_ARRAY -> UUID;
      case SHORT_LIST -> BOXED_SHORT;
      case FLOAT_LIST -> BOXED_FLOAT;
      case ENUM_LIST, ENUM_ARRAY -> ENUM;
      case INT_ARRAY -> INT;
      case LONG_ARRAY -> LONG;
      case SHORT_ARRAY -> SHORT;
      case FLOAT_ARRAY -> FLOAT;
      default -> null;
    };
  }

  /** True for the array columns read into Java arrays ({@code int[]}) rather than lists. */
  public boolean javaArray() {
    return arrayElement() != null && !javaName.startsWith("java.util.List") && this != ENUM_LIST;
  }

  /** True for an enum or an array column of enums. */
  public boolean enumLike() {
    return this == ENUM || this == ENUM_LIST || this == ENUM_ARRAY;
  }

  /**
   * True for the kinds a cursor token cannot hold as a keyset sort column: the array columns and
   * {@code bytea} ({@code byte[]}), which order in SQL but have no bounded token form.
   */
  public boolean isArray() {
    return arrayElement() != null || this == BYTES;
  }

  /**
   * False for the kinds no cursor token holds as a keyset sort column: the arrays (see
   * {@link #isArray}), {@code char} and {@code Duration}, which have no sort type yet.
   */
  public boolean sortable() {
    return !isArray() && this != CHAR && this != BOXED_CHAR && this != DURATION
        && this != CONVERTED;
  }

  /** The PostgreSQL name of an array column's element type, or null when this is no array. */
  public String sqlArrayElement() {
    return switch (this) {
      case STRING_LIST, STRING_ARRAY -> "text";
      case INT_LIST, INT_ARRAY -> "int4";
      case LONG_LIST, LONG_ARRAY -> "int8";
      case UUID_LIST, UUID_ARRAY -> "uuid";
      case SHORT_LIST, SHORT_ARRAY -> "int2";
      case FLOAT_LIST, FLOAT_ARRAY -> "float4";
      default -> null;
    };
  }

  /**
   * The kind of an array column of {@code element}s read into a {@code List} (when
   * {@code javaArray} is false) or a Java array, or null when Larder reads none.
   */
  public static ScalarKind arrayOf(ScalarKind element, boolean javaArray) {
    for (ScalarKind kind : values()) {
      if (kind.arrayElement() == element && kind.javaArray() == javaArray) {
        return kind;
      }
    }
    return null;
  }

  /**
   * Finds the kind of a canonical type name, or null. Enums and converted types are recognised
   * elsewhere.
   */
  public static ScalarKind forName(String canonicalName) {
    for (ScalarKind kind : values()) {
      if (kind.javaName.equals(canonicalName) && kind != ENUM && kind != CONVERTED) {
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
      List.of(BOXED_LONG, BOXED_INT, BOXED_SHORT, BOXED_BOOLEAN, BOXED_DOUBLE, BOXED_FLOAT, STRING,
          BIG_DECIMAL, UUID, ENUM);

  private static String simple(String name) {
    return name.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
  }
}
