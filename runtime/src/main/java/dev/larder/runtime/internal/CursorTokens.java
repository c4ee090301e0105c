package dev.larder.runtime.internal;

import dev.larder.runtime.Cursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * The token format of a {@link Cursor}, URL-safe base64 without padding of:
 *
 * <pre>
 * format (1 byte: 2 with a plain check, 3 signed) | direction (1 byte)
 * | query fingerprint (modified UTF-8) | number of values (1 byte) | their type tags (1 byte each)
 * | the values | seal: 8 bytes of SHA-256, or 16 bytes of HMAC-SHA256 with the runtime's key
 * </pre>
 *
 * <p>A token is read in the order that costs an attacker most and the server least: the seal
 * first (with a key, nobody else can make a token that passes), then the fingerprint (a token of
 * another query, or of an older version of this one, since the fingerprint covers the SQL, the
 * row type and the order), then the type tags, and only then the values. No length in a token
 * is trusted beyond the bytes that follow it, and every value is checked against what
 * PostgreSQL's column type can hold, so that a token made by hand is refused with a reason,
 * never with an SQL error or an exhausted heap.
 */
final class CursorTokens {
  private static final byte PLAIN = 2;
  private static final byte SIGNED = 3;

  private CursorTokens() {}

  /** What a token holds: its direction and the typed values of the row it points at. */
  record Content(boolean before, Object[] values) {}

  static Cursor encode(CursorKey key, boolean before, String fingerprint, List<SortType> types,
      Object[] values) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(key.signs() ? SIGNED : PLAIN);
      out.writeByte(before ? 1 : 0);
      out.writeUTF(fingerprint);
      out.writeByte(values.length);
      for (SortType type : types) {
        out.writeByte(type.tag());
      }
      for (int i = 0; i < values.length; i++) {
        types.get(i).write(out, values[i]);
      }
      out.write(key.seal(bytes.toByteArray(), bytes.size()));
      return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  /**
   * Decodes a token of the query with this fingerprint and these sort types.
   *
   * @throws MalformedCursorException naming what is wrong with it
   */
  static Content decode(CursorKey key, Cursor cursor, String fingerprint, List<SortType> types)
      throws MalformedCursorException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor.token());
    } catch (IllegalArgumentException e) {
      throw new MalformedCursorException("it is not a cursor token");
    }
    if (bytes.length < 4 + key.sealLength()) {
      throw new MalformedCursorException("it is not a cursor token, or was cut short");
    }
    if (bytes[0] == PLAIN && key.signs()) {
      throw new MalformedCursorException(
          "it is not signed, and this runtime takes only cursors signed with its cursor key");
    }
    if (bytes[0] == SIGNED && !key.signs()) {
      throw new MalformedCursorException(
          "it is signed, and this runtime has no cursor key to check it with");
    }
    if (bytes[0] != PLAIN && bytes[0] != SIGNED) {
      throw new MalformedCursorException("it is not a cursor token, or was made by another"
          + " version of Larder");
    }
    if (!key.sealed(bytes)) {
      throw new MalformedCursorException(key.signs()
          ? "it was cut short, altered, made by hand or signed with another key"
          : "it was cut short or altered");
    }
    DataInputStream in = new DataInputStream(
        new ByteArrayInputStream(bytes, 0, bytes.length - key.sealLength()));
    try {
      in.skipBytes(1); // the format, checked above
      byte direction = in.readByte();
      if (direction != 0 && direction != 1) {
        throw new MalformedCursorException("it is not a cursor token");
      }
      if (!in.readUTF().equals(fingerprint)) {
        throw new MalformedCursorException(
            "it was made by another query, or by another version of this one");
      }
      int count = in.readUnsignedByte();
      boolean sameTypes = count == types.size();
      for (int i = 0; i < count && sameTypes; i++) {
        sameTypes = in.readByte() == types.get(i).tag();
      }
      if (!sameTypes) {
        throw new MalformedCursorException("its sort values do not match the order of this query");
      }
      Object[] values = new Object[count];
      for (int i = 0; i < count; i++) {
        values[i] = types.get(i).read(in);
        if (values[i] == null) {
          throw new MalformedCursorException("it holds a null sort value");
        }
        String refusal = types.get(i).refusal(values[i]);
        if (refusal != null) {
          throw new MalformedCursorException("its sort value " + (i + 1) + " is " + refusal);
        }
      }
      if (in.available() != 0) {
        throw new MalformedCursorException("it is not a cursor token");
      }
      return new Content(direction == 1, values);
    } catch (IOException | RuntimeException e) {
      // The end of the token inside a value, a negative or oversized length, a date past Java's
      // range: a token with a valid seal but not written by Larder; still not an SQL error.
      throw new MalformedCursorException("it is not a cursor token");
    }
  }

  /** Why a token cannot be used; turned into an {@link IllegalArgumentException} by the caller. */
  static final class MalformedCursorException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedCursorException(String reason) {
      super(reason, null, false, false);
    }
  }
}
