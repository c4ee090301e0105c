package dev.larder.runtime.internal;

import dev.larder.runtime.Cursor;
import dev.larder.runtime.CursorPage;
import dev.larder.runtime.Page;
import java.util.OptionalLong;

/** Codecs of {@link Page} and {@link CursorPage}, for the shared (Redis) level of the cache. */
public final class PagingCodecs {
  private PagingCodecs() {}

  /** A codec for {@code Page<T>}. */
  public static <T> ValueCodec<Page<T>> page(ValueCodec<T> element) {
    ValueCodec<java.util.List<T>> content = Codecs.list(element);
    return ValueCodec.of(
        (out, value) -> {
          content.write(out, value.content());
          out.writeInt(value.page());
          out.writeInt(value.size());
          out.writeBoolean(value.hasNext());
          out.writeBoolean(value.total().isPresent());
          if (value.total().isPresent()) {
            out.writeLong(value.total().getAsLong());
          }
        },
        in -> new Page<>(content.read(in), in.readInt(), in.readInt(), in.readBoolean(),
            in.readBoolean() ? OptionalLong.of(in.readLong()) : OptionalLong.empty()));
  }

  /** A codec for {@code CursorPage<T>}. */
  public static <T> ValueCodec<CursorPage<T>> cursorPage(ValueCodec<T> element) {
    ValueCodec<java.util.List<T>> content = Codecs.list(element);
    return ValueCodec.of(
        (out, value) -> {
          content.write(out, value.content());
          Codecs.writeString(out, value.next() == null ? null : value.next().token());
          Codecs.writeString(out, value.previous() == null ? null : value.previous().token());
        },
        in -> new CursorPage<>(content.read(in), cursor(Codecs.readString(in)),
            cursor(Codecs.readString(in))));
  }

  private static Cursor cursor(String token) {
    return token == null ? null : new Cursor(token);
  }
}
