package dev.larder.runtime.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

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

  public static double getDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    if (value == 0 && rs.wasNull()) {
      throw nullIntoPrimitive(rs, column, "double", "Double");
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

  public static Long getBoxedLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  public static Integer getBoxedInt(ResultSet rs, int column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  public static Double getBoxedDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  public static Boolean getBoxedBoolean(ResultSet rs, int column) throws SQLException {
    boolean value = rs.getBoolean(column);
    return rs.wasNull() ? null : value;
  }

  public static String getString(ResultSet rs, int column) throws SQLException {
    return rs.getString(column);
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

  public static LocalDateTime getLocalDateTime(ResultSet rs, int column) throws SQLException {
    return rs.getObject(column, LocalDateTime.class);
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
