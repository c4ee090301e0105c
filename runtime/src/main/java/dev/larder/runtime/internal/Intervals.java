package dev.larder.runtime.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.util.PGInterval;

/**
 * PostgreSQL {@code interval} to and from {@link Duration}. A {@code Duration} is an exact amount
 * of time; an interval also has months and years, whose length depends on the date they are
 * added to. So:
 *
 * <ul>
 *   <li>a {@code Duration} is sent as hours, minutes and seconds, never as days: added to a
 *       {@code timestamptz} it moves it by exactly that time, across a daylight saving change
 *       too; PostgreSQL keeps microseconds, so nanoseconds below one are dropped;
 *   <li>an interval is read with each of its days as 24 hours (as {@code EXTRACT(EPOCH ...)}
 *       counts them);
 *   <li>an interval with months or years is refused, naming the column and the value, rather
 *       than given a length it does not have.
 * </ul>
 */
public final class Intervals {
  private static final long MICROS_PER_HOUR = 3_600_000_000L;
  private static final long MICROS_PER_MINUTE = 60_000_000L;

  private Intervals() {}

  /**
   * The interval of exactly {@code duration}.
   *
   * @throws IllegalArgumentException if it is longer than PostgreSQL's interval holds
   */
  public static PGInterval of(Duration duration) {
    long micros;
    int hours;
    try {
      micros = Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L),
          duration.getNano() / 1000);
      hours = Math.toIntExact(micros / MICROS_PER_HOUR);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("the Duration " + duration
          + " is longer than a PostgreSQL interval holds");
    }
    long rest = micros % MICROS_PER_HOUR;
    int minutes = (int) (rest / MICROS_PER_MINUTE);
    double seconds = (rest % MICROS_PER_MINUTE) / 1e6;
    return new PGInterval(0, 0, 0, hours, minutes, seconds);
  }

  /**
   * Reads an {@code interval} column; null for NULL.
   *
   * @throws SQLException if the column is no interval, or holds months or years
   */
  static Duration read(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    String name = rs.getMetaData().getColumnLabel(column);
    if (!(value instanceof PGInterval interval)) {
      throw new SQLException("column " + name + " is of type "
          + rs.getMetaData().getColumnTypeName(column) + ", not an interval, but is read into a"
          + " Duration", "42804");
    }
    if (interval.getYears() != 0 || interval.getMonths() != 0) {
      throw new SQLException("column " + name + " holds the interval '" + rs.getString(column)
          + "', whose months or years have no fixed length, but is read into a Duration; read it"
          + " as a String, or turn it into an exact length in the SQL if an approximation will do"
          + " (EXTRACT(EPOCH FROM " + name + ") * interval '1 second' counts a month as 30 days)",
          "22015");
    }
    return Duration.ofDays(interval.getDays())
        .plusHours(interval.getHours())
        .plusMinutes(interval.getMinutes())
        .plusSeconds(interval.getWholeSeconds())
        .plusNanos(interval.getMicroSeconds() * 1000L);
  }
}
