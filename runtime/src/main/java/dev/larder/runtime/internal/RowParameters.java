package dev.larder.runtime.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The parameters of a multi-row insert, set straight on the JDBC statement: one typed
 * {@code bind} per column type Larder maps, positions from 0. A batch binds thousands of values
 * per statement, where going through JDBI's argument factories costs as much as the insert
 * itself; the mapping here is the one JDBI applies to the same types (enums by label, an
 * {@code Instant} as a {@code timestamptz}).
 */
public final class RowParameters {
  private final PreparedStatement statement;

  RowParameters(PreparedStatement statement) {
    this.statement = statement;
  }

  public RowParameters bind(int at, long value) throws SQLException {
    statement.setLong(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, int value) throws SQLException {
    statement.setInt(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, short value) throws SQLException {
    statement.setShort(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, boolean value) throws SQLException {
    statement.setBoolean(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, double value) throws SQLException {
    statement.setDouble(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, float value) throws SQLException {
    statement.setFloat(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, Long value) throws SQLException {
    return value == null ? none(at, Types.BIGINT) : bind(at, value.longValue());
  }

  public RowParameters bind(int at, Integer value) throws SQLException {
    return value == null ? none(at, Types.INTEGER) : bind(at, value.intValue());
  }

  public RowParameters bind(int at, Short value) throws SQLException {
    return value == null ? none(at, Types.SMALLINT) : bind(at, value.shortValue());
  }

  public RowParameters bind(int at, Boolean value) throws SQLException {
    return value == null ? none(at, Types.BOOLEAN) : bind(at, value.booleanValue());
  }

  public RowParameters bind(int at, Double value) throws SQLException {
    return value == null ? none(at, Types.DOUBLE) : bind(at, value.doubleValue());
  }

  public RowParameters bind(int at, Float value) throws SQLException {
    return value == null ? none(at, Types.REAL) : bind(at, value.floatValue());
  }

  public RowParameters bind(int at, char value) throws SQLException {
    statement.setString(at + 1, String.valueOf(value));
    return this;
  }

  public RowParameters bind(int at, Character value) throws SQLException {
    return value == null ? none(at, Types.CHAR) : bind(at, value.charValue());
  }

  /** A duration binds as an interval of exactly that time ({@link Intervals#of}). */
  public RowParameters bind(int at, Duration value) throws SQLException {
    return value == null ? none(at, Types.OTHER) : object(at, Intervals.of(value));
  }

  public RowParameters bind(int at, String value) throws SQLException {
    statement.setString(at + 1, value);
    return this;
  }

  /**
   * Text of no declared type (JSON from a {@code JsonConverter}): PostgreSQL takes it as the
   * type of the column or operator it meets, json or jsonb, without a cast in the SQL.
   */
  public RowParameters bindUntyped(int at, String value) throws SQLException {
    statement.setObject(at + 1, value, Types.OTHER);
    return this;
  }

  public RowParameters bind(int at, byte[] value) throws SQLException {
    statement.setBytes(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, BigDecimal value) throws SQLException {
    statement.setBigDecimal(at + 1, value);
    return this;
  }

  public RowParameters bind(int at, UUID value) throws SQLException {
    return value == null ? none(at, Types.OTHER) : object(at, value);
  }

  public RowParameters bind(int at, Instant value) throws SQLException {
    return value == null ? none(at, Types.TIMESTAMP_WITH_TIMEZONE)
        : object(at, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  public RowParameters bind(int at, LocalDate value) throws SQLException {
    return value == null ? none(at, Types.DATE) : object(at, value);
  }

  public RowParameters bind(int at, LocalDateTime value) throws SQLException {
    return value == null ? none(at, Types.TIMESTAMP) : object(at, value);
  }

  public RowParameters bind(int at, OffsetDateTime value) throws SQLException {
    return value == null ? none(at, Types.TIMESTAMP_WITH_TIMEZONE) : object(at, value);
  }

  public RowParameters bind(int at, LocalTime value) throws SQLException {
    return value == null ? none(at, Types.TIME) : object(at, value);
  }

  public RowParameters bind(int at, OffsetTime value) throws SQLException {
    return value == null ? none(at, Types.OTHER) : object(at, value);
  }

  /** A list binds as an array of {@code elementType} ({@code "text"}), null as a NULL array. */
  public RowParameters bindArray(int at, String elementType, List<?> values) throws SQLException {
    if (values == null) {
      return none(at, Types.ARRAY);
    }
    statement.setArray(at + 1, statement.getConnection().createArrayOf(elementType, values.toArray()));
    return this;
  }

  /** Enums bind as the array literal of their labels, untyped, as one enum binds. */
  public <E extends Enum<E>> RowParameters bindArray(int at, Iterable<E> values,
      EnumLabels<E> labels) throws SQLException {
    statement.setObject(at + 1, labels.arrayLiteral(values), Types.OTHER);
    return this;
  }

  /**
   * An enum binds as its label, its type left to PostgreSQL ({@code unknown}), which casts it to
   * the column's type: an enum type as well as {@code text}.
   */
  public <E extends Enum<E>> RowParameters bind(int at, E value, EnumLabels<E> labels)
      throws SQLException {
    statement.setObject(at + 1, labels.label(value), Types.OTHER);
    return this;
  }

  private RowParameters object(int at, Object value) throws SQLException {
    statement.setObject(at + 1, value);
    return this;
  }

  private RowParameters none(int at, int sqlType) throws SQLException {
    statement.setNull(at + 1, sqlType);
    return this;
  }
}
