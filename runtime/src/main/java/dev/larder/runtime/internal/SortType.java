package dev.larder.runtime.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
  BOOLEAN('Z', Boolean.class),
  DOUBLE('D', Double.class),
  STRING('S', String.class),
  BIG_DECIMAL('N', BigDecimal.class),
  UUID('U', java.util.UUID.class),
  INSTANT('T', Instant.class),
  LOCAL_DATE('d', LocalDate.class),
  LOCAL_DATE_TIME('t', LocalDateTime.class),
  OFFSET_DATE_TIME('o', OffsetDateTime.class),
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

  /** The value as it is bound and stored: an enum constant (not given as its label) its name. */
  Object normalize(Object value) {
    return this == ENUM && value instanceof Enum<?> constant ? constant.name() : value;
  }

  void write(DataOutput out, Object value) throws IOException {
    switch (this) {
      case LONG -> out.writeLong((Long) value);
      case INT -> out.writeInt((Integer) value);
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case DOUBLE -> out.writeDouble((Double) value);
      case STRING, ENUM -> Codecs.writeString(out, (String) value);
      case BIG_DECIMAL -> Codecs.writeBigDecimal(out, (BigDecimal) value);
      case UUID -> Codecs.writeUuid(out, (java.util.UUID) value);
      case INSTANT -> Codecs.writeInstant(out, (Instant) value);
      case LOCAL_DATE -> Codecs.writeLocalDate(out, (LocalDate) value);
      case LOCAL_DATE_TIME -> Codecs.writeLocalDateTime(out, (LocalDateTime) value);
      case OFFSET_DATE_TIME -> Codecs.writeOffsetDateTime(out, (OffsetDateTime) value);
    }
  }

  /** Reads a value; null when the token holds a null, which no cursor written here does. */
  Object read(DataInput in) throws IOException {
    return switch (this) {
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case BOOLEAN -> in.readBoolean();
      case DOUBLE -> in.readDouble();
      case STRING, ENUM -> Codecs.readString(in);
      case BIG_DECIMAL -> Codecs.readBigDecimal(in);
      case UUID -> Codecs.readUuid(in);
      case INSTANT -> Codecs.readInstant(in);
      case LOCAL_DATE -> Codecs.readLocalDate(in);
      case LOCAL_DATE_TIME -> Codecs.readLocalDateTime(in);
      case OFFSET_DATE_TIME -> Codecs.readOffsetDateTime(in);
    };
  }
}
