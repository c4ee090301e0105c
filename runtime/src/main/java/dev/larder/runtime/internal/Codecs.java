package dev.larder.runtime.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Compact binary encodings of the scalar types, {@code Optional} and {@code List}, used by the
 * codecs generated code builds. Nullable values start with a presence byte; strings are
 * modified UTF-8 with a length, split in chunks so any length works.
 */
public final class Codecs {
  private Codecs() {}

  public static final ValueCodec<Long> LONG = ValueCodec.of(Codecs::writeLong, Codecs::readLong);
  public static final ValueCodec<Integer> INT = ValueCodec.of(Codecs::writeInt, Codecs::readInt);
  public static final ValueCodec<Short> SHORT = ValueCodec.of(Codecs::writeShort, Codecs::readShort);
  public static final ValueCodec<Boolean> BOOLEAN =
      ValueCodec.of(Codecs::writeBoolean, Codecs::readBoolean);
  public static final ValueCodec<Double> DOUBLE =
      ValueCodec.of(Codecs::writeDouble, Codecs::readDouble);
  public static final ValueCodec<Float> FLOAT = ValueCodec.of(Codecs::writeFloat, Codecs::readFloat);
  public static final ValueCodec<Character> CHAR = ValueCodec.of(Codecs::writeChar, Codecs::readChar);
  public static final ValueCodec<Duration> DURATION =
      ValueCodec.of(Codecs::writeDuration, Codecs::readDuration);
  public static final ValueCodec<String> STRING =
      ValueCodec.of(Codecs::writeString, Codecs::readString);
  public static final ValueCodec<byte[]> BYTES = ValueCodec.of(Codecs::writeBytes, Codecs::readBytes);
  public static final ValueCodec<BigDecimal> BIG_DECIMAL =
      ValueCodec.of(Codecs::writeBigDecimal, Codecs::readBigDecimal);
  public static final ValueCodec<UUID> UUID_CODEC = ValueCodec.of(Codecs::writeUuid, Codecs::readUuid);
  public static final ValueCodec<Instant> INSTANT =
      ValueCodec.of(Codecs::writeInstant, Codecs::readInstant);
  public static final ValueCodec<LocalDate> LOCAL_DATE =
      ValueCodec.of(Codecs::writeLocalDate, Codecs::readLocalDate);
  public static final ValueCodec<LocalDateTime> LOCAL_DATE_TIME =
      ValueCodec.of(Codecs::writeLocalDateTime, Codecs::readLocalDateTime);
  public static final ValueCodec<OffsetDateTime> OFFSET_DATE_TIME =
      ValueCodec.of(Codecs::writeOffsetDateTime, Codecs::readOffsetDateTime);
  public static final ValueCodec<LocalTime> LOCAL_TIME =
      ValueCodec.of(Codecs::writeLocalTime, Codecs::readLocalTime);
  public static final ValueCodec<OffsetTime> OFFSET_TIME =
      ValueCodec.of(Codecs::writeOffsetTime, Codecs::readOffsetTime);

  /** Array columns: a list that may itself be null (a NULL column) and may hold nulls. */
  public static final ValueCodec<List<String>> STRING_LIST = nullable(list(STRING));
  public static final ValueCodec<List<Integer>> INT_LIST = nullable(list(INT));
  public static final ValueCodec<List<Long>> LONG_LIST = nullable(list(LONG));
  public static final ValueCodec<List<UUID>> UUID_LIST = nullable(list(UUID_CODEC));
  public static final ValueCodec<List<Short>> SHORT_LIST = nullable(list(SHORT));
  public static final ValueCodec<List<Float>> FLOAT_LIST = nullable(list(FLOAT));

  /** Array columns read into Java arrays; those of primitives hold no nulls. */
  public static final ValueCodec<String[]> STRING_ARRAY = array(STRING, String[]::new);
  public static final ValueCodec<UUID[]> UUID_ARRAY = array(UUID_CODEC, UUID[]::new);
  public static final ValueCodec<int[]> INT_ARRAY =
      unboxed(INT_LIST, JavaArrays::list, JavaArrays::intArray);
  public static final ValueCodec<long[]> LONG_ARRAY =
      unboxed(LONG_LIST, JavaArrays::list, JavaArrays::longArray);
  public static final ValueCodec<short[]> SHORT_ARRAY =
      unboxed(SHORT_LIST, JavaArrays::list, JavaArrays::shortArray);
  public static final ValueCodec<float[]> FLOAT_ARRAY =
      unboxed(FLOAT_LIST, JavaArrays::list, JavaArrays::floatArray);

  /** A codec for an array that may be null and hold nulls, written as a list. */
  public static <T> ValueCodec<T[]> array(ValueCodec<T> element, IntFunction<T[]> newArray) {
    ValueCodec<List<T>> list = nullable(list(element));
    return ValueCodec.of((out, value) -> list.write(out, JavaArrays.list(value)),
        in -> JavaArrays.array(list.read(in), newArray));
  }

  private static <A, L> ValueCodec<A> unboxed(ValueCodec<List<L>> list,
      Function<A, List<L>> box, Function<List<L>, A> unbox) {
    return ValueCodec.of((out, value) -> list.write(out, box.apply(value)), in -> {
      try {
        return unbox.apply(list.read(in));
      } catch (NullPointerException e) {
        throw new IOException("an array of primitives with a NULL " + e.getMessage());
      }
    });
  }

  /** A codec for a value that may be null, from one for values that are not. */
  static <T> ValueCodec<T> nullable(ValueCodec<T> codec) {
    return ValueCodec.of(
        (out, value) -> {
          if (present(out, value)) {
            codec.write(out, value);
          }
        },
        in -> in.readBoolean() ? codec.read(in) : null);
  }

  /** A codec for {@code Optional<T>}. */
  public static <T> ValueCodec<Optional<T>> optional(ValueCodec<T> element) {
    return ValueCodec.of(
        (out, value) -> {
          out.writeBoolean(value.isPresent());
          if (value.isPresent()) {
            element.write(out, value.get());
          }
        },
        in -> in.readBoolean() ? Optional.of(element.read(in)) : Optional.empty());
  }

  /**
   * A codec for {@code List<T>}. The list read back is unmodifiable and may hold nulls (a list of
   * a nullable scalar column): every reader of a cached list gets the same instance, so none may
   * change it under the others.
   */
  public static <T> ValueCodec<List<T>> list(ValueCodec<T> element) {
    return ValueCodec.of(
        (out, value) -> {
          out.writeInt(value.size());
          for (T t : value) {
            element.write(out, t);
          }
        },
        in -> {
          int size = readLength(in, 0);
          List<T> out = new ArrayList<>(Math.min(size, 1 << 16));
          for (int i = 0; i < size; i++) {
            out.add(element.read(in));
          }
          return Collections.unmodifiableList(out);
        });
  }

  public static void writeLong(DataOutput out, Long value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value);
    }
  }

  public static Long readLong(DataInput in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  public static void writeInt(DataOutput out, Integer value) throws IOException {
    if (present(out, value)) {
      out.writeInt(value);
    }
  }

  public static Integer readInt(DataInput in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  public static void writeShort(DataOutput out, Short value) throws IOException {
    if (present(out, value)) {
      out.writeShort(value);
    }
  }

  public static Short readShort(DataInput in) throws IOException {
    return in.readBoolean() ? in.readShort() : null;
  }

  public static void writeBoolean(DataOutput out, Boolean value) throws IOException {
    if (present(out, value)) {
      out.writeBoolean(value);
    }
  }

  public static Boolean readBoolean(DataInput in) throws IOException {
    return in.readBoolean() ? in.readBoolean() : null;
  }

  public static void writeDouble(DataOutput out, Double value) throws IOException {
    if (present(out, value)) {
      out.writeDouble(value);
    }
  }

  public static Double readDouble(DataInput in) throws IOException {
    return in.readBoolean() ? in.readDouble() : null;
  }

  public static void writeFloat(DataOutput out, Float value) throws IOException {
    if (present(out, value)) {
      out.writeFloat(value);
    }
  }

  public static Float readFloat(DataInput in) throws IOException {
    return in.readBoolean() ? in.readFloat() : null;
  }

  public static void writeChar(DataOutput out, Character value) throws IOException {
    if (present(out, value)) {
      out.writeChar(value);
    }
  }

  public static Character readChar(DataInput in) throws IOException {
    return in.readBoolean() ? in.readChar() : null;
  }

  public static void writeDuration(DataOutput out, Duration value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.getSeconds());
      out.writeInt(value.getNano());
    }
  }

  public static Duration readDuration(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    long seconds = in.readLong();
    int nanos = in.readInt();
    if (nanos < 0 || nanos > 999_999_999) {
      throw new IOException("a duration of " + nanos + " nanoseconds past its seconds");
    }
    return Duration.ofSeconds(seconds, nanos);
  }

  public static void writeString(DataOutput out, String value) throws IOException {
    if (!present(out, value)) {
      return;
    }
    // writeUTF takes at most 65535 bytes; chunks of 16384 chars always fit.
    int chunks = (value.length() + 16383) / 16384;
    out.writeInt(chunks);
    for (int i = 0; i < chunks; i++) {
      out.writeUTF(value.substring(i * 16384, Math.min(value.length(), (i + 1) * 16384)));
    }
  }

  public static String readString(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    // Each chunk takes at least its two length bytes.
    int chunks = readLength(in, 2);
    if (chunks == 1) {
      return in.readUTF();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < chunks; i++) {
      out.append(in.readUTF());
    }
    return out.toString();
  }

  public static void writeBytes(DataOutput out, byte[] value) throws IOException {
    if (present(out, value)) {
      out.writeInt(value.length);
      out.write(value);
    }
  }

  public static byte[] readBytes(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] value = new byte[readLength(in, 1)];
    in.readFully(value);
    return value;
  }

  public static void writeBigDecimal(DataOutput out, BigDecimal value) throws IOException {
    if (present(out, value)) {
      byte[] unscaled = value.unscaledValue().toByteArray();
      out.writeInt(value.scale());
      out.writeInt(unscaled.length);
      out.write(unscaled);
    }
  }

  public static BigDecimal readBigDecimal(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    int scale = in.readInt();
    byte[] unscaled = readBytes(in, readLength(in, 1));
    if (unscaled.length == 0) {
      throw new IOException("a decimal without digits");
    }
    return new BigDecimal(new BigInteger(unscaled), scale);
  }

  public static void writeUuid(DataOutput out, UUID value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.getMostSignificantBits());
      out.writeLong(value.getLeastSignificantBits());
    }
  }

  public static UUID readUuid(DataInput in) throws IOException {
    return in.readBoolean() ? new UUID(in.readLong(), in.readLong()) : null;
  }

  public static void writeInstant(DataOutput out, Instant value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.getEpochSecond());
      out.writeInt(value.getNano());
    }
  }

  public static Instant readInstant(DataInput in) throws IOException {
    return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
  }

  public static void writeLocalDate(DataOutput out, LocalDate value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.toEpochDay());
    }
  }

  public static LocalDate readLocalDate(DataInput in) throws IOException {
    return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
  }

  public static void writeLocalDateTime(DataOutput out, LocalDateTime value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.toEpochSecond(ZoneOffset.UTC));
      out.writeInt(value.getNano());
    }
  }

  public static LocalDateTime readLocalDateTime(DataInput in) throws IOException {
    return in.readBoolean()
        ? LocalDateTime.ofEpochSecond(in.readLong(), in.readInt(), ZoneOffset.UTC) : null;
  }

  public static void writeOffsetDateTime(DataOutput out, OffsetDateTime value) throws IOException {
    if (present(out, value)) {
      writeInstant(out, value.toInstant());
      out.writeInt(value.getOffset().getTotalSeconds());
    }
  }

  public static OffsetDateTime readOffsetDateTime(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    Instant instant = readInstant(in);
    return OffsetDateTime.ofInstant(instant, ZoneOffset.ofTotalSeconds(in.readInt()));
  }

  public static void writeLocalTime(DataOutput out, LocalTime value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.toNanoOfDay());
    }
  }

  public static LocalTime readLocalTime(DataInput in) throws IOException {
    return in.readBoolean() ? LocalTime.ofNanoOfDay(in.readLong()) : null;
  }

  public static void writeOffsetTime(DataOutput out, OffsetTime value) throws IOException {
    if (present(out, value)) {
      out.writeLong(value.toLocalTime().toNanoOfDay());
      out.writeInt(value.getOffset().getTotalSeconds());
    }
  }

  public static OffsetTime readOffsetTime(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    LocalTime time = LocalTime.ofNanoOfDay(in.readLong());
    return OffsetTime.of(time, ZoneOffset.ofTotalSeconds(in.readInt()));
  }

  /**
   * Reads a length (or a count), refusing a negative one and, when the input says how many bytes
   * it has left, one that those bytes cannot hold at {@code minimumBytesEach}: a length forged in
   * a cursor token or a damaged entry must end in an exception, not in a huge allocation.
   */
  static int readLength(DataInput in, int minimumBytesEach) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      throw new IOException("a negative length " + length);
    }
    if (in instanceof InputStream stream && (long) length * minimumBytesEach > stream.available()) {
      throw new EOFException("a length of " + length + " where " + stream.available()
          + " bytes are left");
    }
    return length;
  }

  /**
   * Reads {@code length} bytes in slices of growing size, so that an input shorter than the
   * length fails at its end before more than twice what it holds is allocated.
   */
  private static byte[] readBytes(DataInput in, int length) throws IOException {
    byte[] out = new byte[Math.min(length, 1 << 16)];
    int filled = 0;
    while (true) {
      in.readFully(out, filled, out.length - filled);
      filled = out.length;
      if (filled == length) {
        return out;
      }
      out = Arrays.copyOf(out, (int) Math.min(length, 2L * filled));
    }
  }

  private static boolean present(DataOutput out, Object value) throws IOException {
    out.writeBoolean(value != null);
    return value != null;
  }
}
