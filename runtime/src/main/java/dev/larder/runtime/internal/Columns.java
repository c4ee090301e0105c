package dev.larder.runtime.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Null-aware column readers used by generated row mappers, by column index (record mappers look
 * the index up by label once per row with {@link ResultSet#findColumn}). A primitive target refuses NULL with
 * a message that says to use the boxed type, instead of silently reading 0 or false.
 */
public final class Columns {
  private Columns() {}

  public static long getLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "long", "Long");
    }
    return value;
  }

  public static int getInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "int", "Integer");
    }
    return value;
  }

  public static short getShort(ResultSet rs, int column) throws SQLException {
    short value = rs.getShort(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "short", "Short");
    }
    return value;
  }

  public static double getDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "double", "Double");
    }
    return value;
  }

  public static float getFloat(ResultSet rs, int column) throws SQLException {
    float value = rs.getFloat(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "float", "Float");
    }
    return value;
  }

  public static boolean getBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    if (!value && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "boolean", "Boolean");
    }
    return value;
  }

  /**
   * Reads a {@code char(1)} (or any text of one character), naming the column when it is NULL or
   * holds another number of characters.
   */
  public static char getChar(ResultSet rs, int column) throws SQLException {
    Character value = getBoxedChar(rs, column);
    if (value == null) {
      throw nullIntoPrimitive(rs, column, "char", "Character");
    }
    return value;
  }

  /** {@link #getChar}, NULL read as null. */
  public static Character getBoxedChar(ResultSet rs, int column) throws SQLException {
    String value = rs.getString(column);
    if (value == null) {
      return null;
    }
    if (value.length() != 1) {
      throw new SQLException("column " + label(rs, column) + " holds '" + value + "', "
          + value.length() + " chars, but is read into a char; declare it as String, or select"
          + " a char(1)", "22001");
    }
    return value.charAt(0);
  }

  public static Long getBoxedLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  public static Integer getBoxedInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  public static Short getBoxedShort(ResultSet rs, int column) throws SQLException {
    short value = rs.getShort(column);
    return rs.wasNull() ? null : value;
  }

  public static Double getBoxedDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  public static Float getBoxedFloat(ResultSet rs, int column) throws SQLException {
    float value = rs.getFloat(column);
    return rs.wasNull() ? null : value;
  }

  public static Boolean getBoxedBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  public static String getString(ResultSet rs, int column) throws SQLException {
    return rs.getString(column);
  }

  public static byte[] getBytes(ResultSet rs, int column) throws SQLException {
    return rs.getBytes(column);
  }

  public static BigDecimal getBigDecimal(ResultSet rs, int column) throws SQLException {
    return rs.getBigDecimal(column);
  }

  public static UUID getUuid(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, UUID.class);
  }

  public static Instant getInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  public static OffsetDateTime getOffsetDateTime(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }

  public static LocalDate getLocalDate(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  /**
   * Reads a {@code timestamp} column. A {@code timestamptz} is refused, naming the column: it is
   * an instant, and a {@code LocalDateTime} would silently take the session's time zone.
   */
  public static LocalDateTime getLocalDateTime(ResultSet rs, int column) throws SQLException {
    if ("timestamptz".equals(rs.getMetaData().getColumnTypeName(column))) {
      throw new SQLException("column " + label(rs, column) + " is a timestamptz (an instant) but is"
          + " read into a LocalDateTime; declare it as OffsetDateTime or Instant, or select"
          + " it AT TIME ZONE '...' to read the wall-clock time of one zone", "42804");
    }
    return rs.getObject(column, LocalDateTime.class);
  }

  public static LocalTime getLocalTime(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalTime.class);
  }

  public static OffsetTime getOffsetTime(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, OffsetTime.class);
  }

  /** Reads an {@code interval} column: see {@link Intervals} for what it refuses and why. */
  public static Duration getDuration(ResultSet rs, int column) throws SQLException {
    return Intervals.read(rs, column);
  }

  /** Reads a {@code text[]} (or {@code varchar[]}) column; the list may hold nulls. */
  public static List<String> getStringList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, String.class, "List<String>");
  }

  /** Reads an {@code int4[]} column; the list may hold nulls. */
  public static List<Integer> getIntList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, Integer.class, "List<Integer>");
  }

  /** Reads an {@code int8[]} column; the list may hold nulls. */
  public static List<Long> getLongList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, Long.class, "List<Long>");
  }

  /** Reads a {@code uuid[]} column; the list may hold nulls. */
  public static List<UUID> getUuidList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, UUID.class, "List<UUID>");
  }

  /** Reads an {@code int2[]} column; the list may hold nulls. */
  public static List<Short> getShortList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, Short.class, "List<Short>");
  }

  /** Reads a {@code float4[]} column; the list may hold nulls. */
  public static List<Float> getFloatList(ResultSet rs, int column) throws SQLException {
    return getList(rs, column, Float.class, "List<Float>");
  }

  /** Reads a {@code text[]} column into an array; it may hold nulls. */
  public static String[] getStringArray(ResultSet rs, int column) throws SQLException {
    return JavaArrays.array(getList(rs, column, String.class, "String[]"), String[]::new);
  }

  /** Reads a {@code uuid[]} column into an array; it may hold nulls. */
  public static UUID[] getUuidArray(ResultSet rs, int column) throws SQLException {
    return JavaArrays.array(getList(rs, column, UUID.class, "UUID[]"), UUID[]::new);
  }

  /** Reads an {@code int4[]} column, naming it when an element is NULL. */
  public static int[] getIntArray(ResultSet rs, int column) throws SQLException {
    return unboxed(rs, column, getList(rs, column, Integer.class, "int[]"), JavaArrays::intArray,
        "int[]", "List<Integer>");
  }

  /** Reads an {@code int8[]} column, naming it when an element is NULL. */
  public static long[] getLongArray(ResultSet rs, int column) throws SQLException {
    return unboxed(rs, column, getList(rs, column, Long.class, "long[]"), JavaArrays::longArray,
        "long[]", "List<Long>");
  }

  /** Reads an {@code int2[]} column, naming it when an element is NULL. */
  public static short[] getShortArray(ResultSet rs, int column) throws SQLException {
    return unboxed(rs, column, getList(rs, column, Short.class, "short[]"),
        JavaArrays::shortArray, "short[]", "List<Short>");
  }

  /** Reads a {@code float4[]} column, naming it when an element is NULL. */
  public static float[] getFloatArray(ResultSet rs, int column) throws SQLException {
    return unboxed(rs, column, getList(rs, column, Float.class, "float[]"),
        JavaArrays::floatArray, "float[]", "List<Float>");
  }

  /**
   * Reads an array of a PostgreSQL enum type, or a {@code text[]} of labels, into constants;
   * the list may hold nulls.
   */
  public static <E extends Enum<E>> List<E> getEnumList(
      ResultSet rs, int column, EnumLabels<E> labels) throws SQLException {
    return labels.read(rs, column, getList(rs, column, String.class, "List of an enum"));
  }

  /** {@link #getEnumList} into an array. */
  public static <E extends Enum<E>> E[] getEnumArray(ResultSet rs, int column,
      EnumLabels<E> labels, IntFunction<E[]> newArray) throws SQLException {
    return JavaArrays.array(getEnumList(rs, column, labels), newArray);
  }

  private static <L, A> A unboxed(ResultSet rs, int column, List<L> values,
      Function<List<L>, A> unbox, String javaType, String listType) throws SQLException {
    try {
      return unbox.apply(values);
    } catch (NullPointerException e) {
      throw new SQLException("column " + label(rs, column) + " holds an array whose "
          + e.getMessage() + " but is read into a " + javaType + "; declare it as " + listType
          + " to accept NULL elements", "22004");
    }
  }

  /**
   * Reads an array column element by element into an unmodifiable list (a cached value is shared
   * by every reader), naming the column when it holds no array or elements of another type.
   */
  static <T> List<T> getList(ResultSet rs, int column, Class<T> element, String javaType)
      throws SQLException {
    if (rs.getMetaData().getColumnType(column) != Types.ARRAY) {
      throw new SQLException("column " + label(rs, column) + " is of type "
          + rs.getMetaData().getColumnTypeName(column) + ", not an array, but is read into a "
          + javaType, "42804");
    }
    Array array = rs.getArray(column);
    if (array == null) {
      return null;
    }
    try {
      Object[] values = (Object[]) array.getArray();
      List<T> out = new ArrayList<>(values.length);
      for (Object value : values) {
        if (value != null && !element.isInstance(value)) {
          throw new SQLException("column " + label(rs, column) + " is an array of "
              + array.getBaseTypeName() + ", which cannot be read into a " + javaType, "42804");
        }
        out.add(element.cast(value));
      }
      return Collections.unmodifiableList(out);
    } finally {
      array.free();
    }
  }

  /**
   * Reads an enum or text column into the constant with that label, naming the column, the value
   * and the enum when no constant has it.
   */
  public static <E extends Enum<E>> E getEnum(ResultSet rs, int column, EnumLabels<E> labels)
      throws SQLException {
    return labels.read(rs, column);
  }

  private static SQLException nullIntoPrimitive(
      ResultSet rs, int column, String primitive, String box) throws SQLException {
    return new SQLException("column " + label(rs, column) + " is NULL but is read into a "
        + primitive + "; declare it as " + box + " (or Optional) to accept NULL", "22004");
  }

  private static String label(ResultSet rs, int column) throws SQLException {
    return rs.getMetaData().getColumnLabel(column);
  }
}
