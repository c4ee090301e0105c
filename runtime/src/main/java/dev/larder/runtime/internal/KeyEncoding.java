package dev.larder.runtime.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;

/**
 * Encodes argument values into cache key and tag parts so that no two different arguments give
 * the same text: the characters keys use as structure ({@code : , [ ] ( ) @ ~ # * % { } "}),
 * whitespace and control characters are percent-encoded inside values, {@code null} is
 * {@code ~}, the empty string is {@code ""} (so that {@code [""]} and {@code []} differ), and a part
 * longer than {@value #MAX_PART_LENGTH} characters is replaced by {@code #} and a SHA-256 hash.
 * Other text, unicode included, stays readable.
 */
public final class KeyEncoding {
  /** Longer encoded parts are hashed so that keys stay short. */
  public static final int MAX_PART_LENGTH = 64;

  private static final String RESERVED = ":,[]()@~#*%{}\"";
  private static final String EMPTY_STRING = "\"\"";

  private KeyEncoding() {}

  /** Encodes one value: a scalar, an enum, a collection of those, or null. */
  public static String part(Object value) {
    String encoded = encode(value);
    return encoded.length() > MAX_PART_LENGTH ? hash(encoded) : encoded;
  }

  /**
   * Encodes a {@code long} (or a smaller integral value): its decimal digits, exactly what
   * {@link #part(Object)} gives for the boxed value. Digits and {@code -} never need escaping and
   * at most 20 characters never need hashing, so this skips boxing and the scan: generated key
   * builders call it on every cache read.
   */
  public static String part(long value) {
    return Long.toString(value);
  }

  /** Encodes an {@code int} (or a {@code short} or {@code byte}), as {@link #part(long)} does. */
  public static String part(int value) {
    return Integer.toString(value);
  }

  /**
   * Encodes a {@code char} as {@link #part(Object)} does (the character, escaped if need be),
   * so that it is not widened to {@link #part(int)} and encoded as a number.
   */
  public static String part(char value) {
    return part((Object) value);
  }

  /** Encodes the components of a record argument used whole in a template, in order. */
  public static String tuple(Object... components) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < components.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(encode(components[i]));
    }
    String encoded = out.append(')').toString();
    return encoded.length() > MAX_PART_LENGTH ? hash(encoded) : encoded;
  }

  private static String encode(Object value) {
    if (value == null) {
      return "~";
    }
    if (value instanceof Collection<?> values) {
      StringBuilder out = new StringBuilder("[");
      boolean first = true;
      for (Object element : values) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(encode(element));
      }
      return out.append(']').toString();
    }
    if (value instanceof Enum<?> constant) {
      return escape(constant.name());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return escape(value.toString());
  }

  private static String escape(String text) {
    if (text.isEmpty()) {
      return EMPTY_STRING;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (RESERVED.indexOf(c) >= 0 || Character.isISOControl(c) || Character.isWhitespace(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static String hash(String encoded) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(encoded.getBytes(StandardCharsets.UTF_8));
      return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
