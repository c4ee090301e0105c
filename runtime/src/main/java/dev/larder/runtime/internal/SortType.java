package dev.larder.runtime.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The type of a keyset sort column: how its value is written into a cursor token, read back, and
 * bound to the seek predicate. Each has a fixed tag in the token, so a token made for a column of
 * another type is refused. Enums travel as their label (generated code gives the label, see
 * {@code EnumLabels}), the text the column holds, and bind untyped so that PostgreSQL casts it.
 */
public enum SortType {
  LONG('J', Long.class),
  INT('I', Integer.class),
  SHORT('s', Short.class),
  BOOLEAN('Z', Boolean.class),
  DOUBLE('D', Double.class),
  FLOAT('F', Float.class),
  STRING('S', String.class),
  BIG_DECIMAL('N', BigDecimal.class),
  UUID('U', java.util.UUID.class),
  INSTANT('T', Instant.class),
  LOCAL_DATE('d', LocalDate.class),
  LOCAL_DATE_TIME('t', LocalDateTime.class),
  OFFSET_DATE_TIME('o', OffsetDateTime.class),
  LOCAL_TIME('h', LocalTime.class),
  OFFSET_TIME('O', OffsetTime.class),
  ENUM('E', String.class);

  private final char tag;
  private final Class<?> bound;

  SortType(char tag, Class<?> bound) {
    this.tag = tag;
    this.bound = bound;
  }

  /** The byte that marks a value of this type in a token. */
  byte tag() {
    return (byte) tag;
  }

  /** The Java type the value is bound as. */
  Class<?> boundType() {
    return bound;
  }

  void write(DataOutput out, Object value) throws IOException {
    switch (this) {
      case LONG -> out.writeLong((Long) value);
      case INT -> out.writeInt((Integer) value);
      case SHORT -> out.writeShort((Short) value);
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case DOUBLE -> out.writeDouble((Double) value);
      case FLOAT -> out.writeFloat((Float) value);
      case STRING, ENUM -> Codecs.writeString(out, (String) value);
      case BIG_DECIMAL -> Codecs.writeBigDecimal(out, (BigDecimal) value);
      case UUID -> Codecs.writeUuid(out, (java.util.UUID) value);
      case INSTANT -> Codecs.writeInstant(out, (Instant) value);
      case LOCAL_DATE -> Codecs.writeLocalDate(out, (LocalDate) value);
      case LOCAL_DATE_TIME -> Codecs.writeLocalDateTime(out, (LocalDateTime) value);
      case OFFSET_DATE_TIME -> Codecs.writeOffsetDateTime(out, (OffsetDateTime) value);
      case LOCAL_TIME -> Codecs.writeLocalTime(out, (LocalTime) value);
      case OFFSET_TIME -> Codecs.writeOffsetTime(out, (OffsetTime) value);
    }
  }

  /**
   * Why PostgreSQL could not take a value read from a token, or null when it can: a token made
   * by hand may hold values in Java's range but outside the column type's, which must be refused
   * here rather than fail as an SQL error. Values a real row had are always accepted, the
   * {@code infinity} timestamps and dates included (the driver reads them as the MIN and MAX
   * constants, and binds those back as {@code infinity}).
   */
  String refusal(Object value) {
    return switch (this) {
      case STRING, ENUM -> textRefusal((String) value);
      case BIG_DECIMAL -> numericRefusal((BigDecimal) value);
      case INSTANT -> ((Instant) value).equals(OffsetDateTime.MAX.toInstant())
          || ((Instant) value).equals(OffsetDateTime.MIN.toInstant())
          ? null : timestampRefusal((Instant) value);
      case LOCAL_DATE_TIME -> value.equals(LocalDateTime.MAX) || value.equals(LocalDateTime.MIN)
          ? null : timestampRefusal(((LocalDateTime) value).toInstant(ZoneOffset.UTC));
      case OFFSET_DATE_TIME -> value.equals(OffsetDateTime.MAX) || value.equals(OffsetDateTime.MIN)
          ? null : Math.abs(((OffsetDateTime) value).getOffset().getTotalSeconds()) >= MAX_OFFSET
          ? "a time zone offset of " + ((OffsetDateTime) value).getOffset()
              + ", beyond the 15:59:59 either way that PostgreSQL takes"
          : timestampRefusal(((OffsetDateTime) value).toInstant());
      case LOCAL_DATE -> value.equals(LocalDate.MAX) || value.equals(LocalDate.MIN)
          || (!((LocalDate) value).isBefore(FIRST_DAY) && !((LocalDate) value).isAfter(LAST_DATE))
          ? null : "a date outside the years 4713 BC to 5874897 AD that PostgreSQL stores";
      case OFFSET_TIME -> Math.abs(((OffsetTime) value).getOffset().getTotalSeconds()) >= MAX_OFFSET
          ? "a time zone offset of " + ((OffsetTime) value).getOffset()
              + ", beyond the 15:59:59 either way that PostgreSQL takes"
          : null;
      case LONG, INT, SHORT, BOOLEAN, DOUBLE, FLOAT, UUID, LOCAL_TIME -> null;
    };
  }

  /** PostgreSQL's first day (4713 BC is year -4712 in ISO years) and its last days. */
  private static final LocalDate FIRST_DAY = LocalDate.of(-4712, 1, 1);
  private static final LocalDate LAST_DATE = LocalDate.of(5_874_897, 12, 31);
  /** One day short of the last timestamp, so that rounding nanoseconds cannot pass it. */
  private static final Instant FIRST_TIMESTAMP = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant LAST_TIMESTAMP =
      LocalDateTime.of(294_276, 12, 30, 0, 0).toInstant(ZoneOffset.UTC);
  /** PostgreSQL takes time zone offsets of less than 16 hours; Java up to 18. */
  private static final int MAX_OFFSET = 16 * 3600;
  /** PostgreSQL's numeric: up to 131072 digits before the decimal point, 16383 after. */
  private static final int MAX_INTEGER_DIGITS = 131_072;
  private static final int MAX_SCALE = 16_383;

  private static String timestampRefusal(Instant instant) {
    return instant.isBefore(FIRST_TIMESTAMP) || instant.isAfter(LAST_TIMESTAMP)
        ? "a timestamp outside the years 4713 BC to 294276 AD that PostgreSQL stores" : null;
  }

  private static String numericRefusal(BigDecimal value) {
    if (value.scale() > MAX_SCALE) {
      return "a decimal with " + value.scale() + " digits after the point, more than the "
          + MAX_SCALE + " of PostgreSQL's numeric";
    }
    if ((long) value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return "a decimal with more than the " + MAX_INTEGER_DIGITS
          + " digits before the point of PostgreSQL's numeric";
    }
    return null;
  }

  /** PostgreSQL text holds no U+0000, and UTF-8 no lone surrogate. */
  private static String textRefusal(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        return "a text holding U+0000, which PostgreSQL text cannot hold";
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "a text holding a lone UTF-16 surrogate, which is no character";
      }
    }
    return null;
  }

  /** Reads a value; null when the token holds a null, which no cursor written here does. */
  Object read(DataInput in) throws IOException {
    return switch (this) {
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case SHORT -> in.readShort();
      case BOOLEAN -> in.readBoolean();
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case STRING, ENUM -> Codecs.readString(in);
      case BIG_DECIMAL -> Codecs.readBigDecimal(in);
      case UUID -> Codecs.readUuid(in);
      case INSTANT -> Codecs.readInstant(in);
      case LOCAL_DATE -> Codecs.readLocalDate(in);
      case LOCAL_DATE_TIME -> Codecs.readLocalDateTime(in);
      case OFFSET_DATE_TIME -> Codecs.readOffsetDateTime(in);
      case LOCAL_TIME -> Codecs.readLocalTime(in);
      case OFFSET_TIME -> Codecs.readOffsetTime(in);
    };
  }
}
