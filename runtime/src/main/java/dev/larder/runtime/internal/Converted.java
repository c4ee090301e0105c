package dev.larder.runtime.internal;

import dev.larder.runtime.ColumnConverter;
import java.util.Objects;

/**
 * Null-aware calls of a {@link ColumnConverter} from generated code: reading, binding, keying
 * and caching a value of a type annotated {@code @ConvertWith} go through its database form.
 */
public final class Converted {
  private Converted() {}

  /** The column form of {@code value}; null for null. */
  public static <J, S> S toColumn(ColumnConverter<J, S> converter, J value) {
    if (value == null) {
      return null;
    }
    return Objects.requireNonNull(converter.toColumn(value),
        () -> converter.getClass().getName() + ".toColumn returned null for " + value);
  }

  /** The application's value of a column value; null for null. */
  public static <J, S> J fromColumn(ColumnConverter<J, S> converter, S column) {
    if (column == null) {
      return null;
    }
    return Objects.requireNonNull(converter.fromColumn(column),
        () -> converter.getClass().getName() + ".fromColumn returned null for " + column);
  }

  /** The codec of a converted value: its column form, written by {@code column}. */
  public static <J, S> ValueCodec<J> codec(ColumnConverter<J, S> converter, ValueCodec<S> column) {
    return ValueCodec.of((out, value) -> column.write(out, toColumn(converter, value)),
        in -> fromColumn(converter, column.read(in)));
  }
}
