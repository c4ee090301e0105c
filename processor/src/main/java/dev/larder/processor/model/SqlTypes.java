package dev.larder.processor.model;

import java.util.Set;

/**
 * The compile-time schema check's table of Java and PostgreSQL types, in one place: the type
 * Larder binds each Java parameter as, the column types each Java type reads without loss, and
 * the Java type to suggest for a column type. A kind missing here is not checked (so a new kind
 * compiles and runs before its row is written); types are named as {@code pg_type.typname} names
 * them ({@code int8}, {@code _text} for {@code text[]}).
 */
public final class SqlTypes {
  private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8");
  private static final Set<String> TEXTS = Set.of("text", "varchar", "bpchar", "name", "citext");

  private SqlTypes() {}

  /**
   * The type the generated code and the runtime bind a value of {@code kind} as, or null when
   * they leave it to PostgreSQL ({@code Types.OTHER}: enums, {@code OffsetTime}) or it is not
   * tabled here, so that PostgreSQL's own inference stands.
   */
  public static String bindType(ScalarKind kind) {
    return switch (kind) {
      case LONG, BOXED_LONG -> "int8";
      case INT, BOXED_INT -> "int4";
      case SHORT, BOXED_SHORT -> "int2";
      case BOOLEAN, BOXED_BOOLEAN -> "bool";
      case DOUBLE, BOXED_DOUBLE -> "float8";
      case FLOAT, BOXED_FLOAT -> "float4";
      case STRING -> "varchar";
      case BIG_DECIMAL -> "numeric";
      case BYTES -> "bytea";
      case UUID -> "uuid";
      case LOCAL_DATE -> "date";
      case LOCAL_DATE_TIME -> "timestamp";
      case OFFSET_DATE_TIME -> "timestamptz";
      case LOCAL_TIME -> "time";
      case STRING_LIST -> "_text";
      case INT_LIST -> "_int4";
      case LONG_LIST -> "_int8";
      case UUID_LIST -> "_uuid";
      default -> null;
    };
  }

  /**
   * The array type a collection parameter of {@code element}s binds as ({@code = ANY(:ids)}), or
   * null when it is left to PostgreSQL.
   */
  public static String arrayBindType(ScalarKind element) {
    return switch (element) {
      case BOXED_LONG -> "_int8";
      case BOXED_INT -> "_int4";
      case BOXED_BOOLEAN -> "_bool";
      case BOXED_DOUBLE -> "_float8";
      case STRING -> "_text"; // registered by LarderBuilder: text[] compares with varchar[] too
      case BIG_DECIMAL -> "_numeric";
      case UUID -> "_uuid";
      default -> null;
    };
  }

  /**
   * Whether a column of type {@code type} reads into {@code kind} without loss; null when the
   * kind is not tabled here and the check says nothing.
   *
   * @param enumType whether {@code type} is an enum type
   */
  public static Boolean reads(ScalarKind kind, String type, boolean enumType) {
    return switch (kind) {
      case LONG, BOXED_LONG -> INTEGERS.contains(type);
      case INT, BOXED_INT -> type.equals("int4") || type.equals("int2");
      case SHORT, BOXED_SHORT -> type.equals("int2");
      case BOOLEAN, BOXED_BOOLEAN -> type.equals("bool");
      case DOUBLE, BOXED_DOUBLE -> Set.of("float8", "float4", "int4", "int2").contains(type);
      case FLOAT, BOXED_FLOAT -> type.equals("float4") || type.equals("int2");
      // Any value has a text form; arrays and bytea have Java types of their own.
      case STRING -> !type.startsWith("_") && !type.equals("bytea");
      case BIG_DECIMAL -> type.equals("numeric") || INTEGERS.contains(type);
      case UUID -> type.equals("uuid");
      case INSTANT, OFFSET_DATE_TIME -> type.equals("timestamptz");
      case LOCAL_DATE_TIME -> type.equals("timestamp");
      case LOCAL_DATE -> type.equals("date");
      case LOCAL_TIME -> type.equals("time");
      case OFFSET_TIME -> type.equals("timetz");
      case STRING_LIST -> Set.of("_text", "_varchar", "_bpchar", "_name", "_citext").contains(type);
      case INT_LIST -> type.equals("_int4") || type.equals("_int2");
      case LONG_LIST -> Set.of("_int8", "_int4", "_int2").contains(type);
      case UUID_LIST -> type.equals("_uuid");
      case BYTES -> type.equals("bytea");
      case ENUM -> enumType || TEXTS.contains(type);
      default -> null;
    };
  }

  /** The Java types that read a column of {@code type}, for messages; null when none is known. */
  public static String javaTypesFor(String type, boolean enumType) {
    if (enumType) {
      return "an enum with its labels, or String";
    }
    if (TEXTS.contains(type) || Set.of("json", "jsonb", "xml", "tsvector").contains(type)) {
      return "String";
    }
    return switch (type) {
      case "int8" -> "long, Long or BigDecimal";
      case "int4" -> "int, Integer or long";
      case "int2" -> "short, Short or int";
      case "numeric" -> "BigDecimal";
      case "float8" -> "double or Double";
      case "float4" -> "float, Float or double";
      case "bool" -> "boolean or Boolean";
      case "timestamptz" -> "Instant or OffsetDateTime";
      case "timestamp" -> "LocalDateTime";
      case "date" -> "LocalDate";
      case "time" -> "LocalTime";
      case "timetz" -> "OffsetTime";
      case "uuid" -> "UUID";
      case "bytea" -> "byte[]";
      case "_text", "_varchar" -> "List<String>";
      case "_int4" -> "List<Integer>";
      case "_int8" -> "List<Long>";
      case "_uuid" -> "List<UUID>";
      default -> null;
    };
  }
}
