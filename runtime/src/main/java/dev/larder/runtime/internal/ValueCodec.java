package dev.larder.runtime.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes a cached value to bytes and reads it back, for the shared (Redis) level of the cache.
 * Generated code builds one per method result type from static methods, so nothing is
 * reflective; {@link Codecs} has the scalar, {@code Optional} and {@code List} codecs.
 *
 * @param <T> the value type
 */
public interface ValueCodec<T> {

  void write(DataOutput out, T value) throws IOException;

  T read(DataInput in) throws IOException;

  /** A writer half of a codec, usually a method reference to generated code. */
  @FunctionalInterface
  interface Writer<T> {
    void write(DataOutput out, T value) throws IOException;
  }

  /** A reader half of a codec, usually a method reference to generated code. */
  @FunctionalInterface
  interface Reader<T> {
    T read(DataInput in) throws IOException;
  }

  /** A codec from its two halves. */
  static <T> ValueCodec<T> of(Writer<T> writer, Reader<T> reader) {
    return new ValueCodec<>() {
      @Override
      public void write(DataOutput out, T value) throws IOException {
        writer.write(out, value);
      }

      @Override
      public T read(DataInput in) throws IOException {
        return reader.read(in);
      }
    };
  }
}
