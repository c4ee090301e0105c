package dev.larder.runtime.internal;

import dev.larder.runtime.Cursor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The token format of a {@link Cursor}, URL-safe base64 without padding of:
 *
 * <pre>
 * version (1 byte) | direction (1 byte) | query fingerprint (modified UTF-8)
 * | number of values (1 byte) | per value: type tag (1 byte), value
 * | check: the first 8 bytes of SHA-256 over everything before it and a domain string
 * </pre>
 *
 * <p>The check catches a token cut short, mangled in transit or edited by hand; the fingerprint
 * catches a token of another query, or of an older version of this one (the fingerprint covers
 * the SQL, the row type and the order).
 */
final class CursorTokens {
  private static final byte VERSION = 1;
  private static final int CHECK_BYTES = 8;
  private static final byte[] DOMAIN = "larder-cursor".getBytes(StandardCharsets.US_ASCII);

  private CursorTokens() {}

  /** What a token holds. */
  record Content(boolean before, String fingerprint, List<SortType> types, Object[] values) {}

  static Cursor encode(boolean before, String fingerprint, List<SortType> types, Object[] values) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeByte(VERSION);
      out.writeByte(before ? 1 : 0);
      out.writeUTF(fingerprint);
      out.writeByte(values.length);
      for (int i = 0; i < values.length; i++) {
        out.writeByte(types.get(i).tag());
        types.get(i).write(out, values[i]);
      }
      out.write(check(bytes.toByteArray(), bytes.size()));
      return new Cursor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
  }

  /**
   * Decodes a token; the caller checks that its fingerprint and types are the ones it expects.
   *
   * @throws MalformedCursorException naming what is wrong with it
   */
  static Content decode(Cursor cursor) throws MalformedCursorException {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor.token());
    } catch (IllegalArgumentException e) {
      throw new MalformedCursorException("it is not a cursor token");
    }
    int payload = bytes.length - CHECK_BYTES;
    if (payload < 4) {
      throw new MalformedCursorException("it is not a cursor token, or was cut short");
    }
    byte[] expected = check(bytes, payload);
    if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, payload, bytes.length))) {
      throw new MalformedCursorException("it was cut short or altered");
    }
    try {
      DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, payload));
      if (in.readByte() != VERSION) {
        throw new MalformedCursorException("it was made by another version of Larder");
      }
      byte direction = in.readByte();
      if (direction != 0 && direction != 1) {
        throw new MalformedCursorException("it is not a cursor token");
      }
      String fingerprint = in.readUTF();
      int count = in.readUnsignedByte();
      Object[] values = new Object[count];
      SortType[] found = new SortType[count];
      for (int i = 0; i < count; i++) {
        byte tag = in.readByte();
        found[i] = typeOf(tag);
        values[i] = found[i].read(in);
        if (values[i] == null) {
          throw new MalformedCursorException("it holds a null sort value");
        }
      }
      if (in.available() != 0) {
        throw new MalformedCursorException("it is not a cursor token");
      }
      return new Content(direction == 1, fingerprint, List.of(found), values);
    } catch (IOException | RuntimeException e) {
      // EOF inside a value, a negative length, a bad enum tag: a token with a valid check was
      // written by someone who knew the format; still not an SQL error.
      throw new MalformedCursorException("it is not a cursor token");
    }
  }

  private static SortType typeOf(byte tag) {
    for (SortType type : SortType.values()) {
      if (type.tag() == tag) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown type tag " + tag);
  }

  private static byte[] check(byte[] bytes, int length) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(DOMAIN);
      sha.update(bytes, 0, length);
      return Arrays.copyOf(sha.digest(), CHECK_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
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
