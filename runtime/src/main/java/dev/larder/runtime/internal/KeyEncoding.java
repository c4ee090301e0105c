package dev.larder.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodes argument values into cache key and tag parts so that no two different arguments give
 * the same text: {@code null} is {@code ~}, the empty string is {@code ""} (so that {@code [""]}
 * and {@code []} differ), characters that keys use as structure or that cannot be seen are
 * percent-encoded, and a part longer than {@value #MAX_PART_LENGTH} code points is replaced by a
 * hash. Other text, unicode included, stays readable.
 *
 * <p>The rule, which the SQL function of {@code InvalidationTriggers} follows to the letter so that
 * tags sent by database triggers equal the tags built here:
 * <ul>
 *   <li>A text is taken code point by code point. These are escaped, as {@code %} and two
 *       upper-case hex digits for each byte of their UTF-8 encoding: the reserved characters
 *       {@code : , [ ] ( ) @ ~ # * % { } "}; U+0000 to U+0020 (controls and the space); U+007F
 *       to U+00A0 (delete, the C1 controls and the no-break space); U+1680; U+2000 to U+200A;
 *       U+2028; U+2029; U+202F; U+205F; U+3000. That is every control and every Unicode space or
 *       line or paragraph separator, listed once and for all rather than asked of a locale or of
 *       a Unicode version. All other code points are kept as they are.
 *   <li>An encoded part longer than {@value #MAX_PART_LENGTH} code points (not UTF-16 chars: an
 *       emoji counts once) becomes {@code #} and the SHA-256 of its UTF-8 bytes in base64url
 *       without padding.
 *   <li>A {@code BigDecimal} is written as PostgreSQL sees it, in space bounded by its digits
 *       (see {@code decimal}); a {@code byte[]} by its bytes as PostgreSQL prints a
 *       {@code bytea}, {@code \x} and two lower-case hex digits a byte (hashed past the limit
 *       like any part); an array of another type ({@code int[]}, {@code String[]}...) as the
 *       list of its elements; other values by {@code toString()}, escaped as text.
 * </ul>
 */
public final class KeyEncoding {
  /** Encoded parts of more code points than this are hashed so that keys stay short. */
  static final int MAX_PART_LENGTH = 64;

  private static final String RESERVED = ":,[]()@~#*%{}\"";
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final String EMPTY_STRING = "\"\"";
  private static final String BYTEA_PREFIX = "\\x";
  private static final HexFormat BYTEA_HEX = HexFormat.of();

  private KeyEncoding() {}

  /**
   * Encodes one value: a scalar, an enum, a collection of those, or null. A collection is any
   * {@link Iterable}, iterated in its order (so a {@code List} and an {@code Iterable} lambda of
   * the same elements give one key); an {@code Iterable} argument must therefore be one that
   * can be iterated again, as the statement binds it after the key is built.
   */
  public static String part(Object value) {
    return limited(encode(value));
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
    return limited(out.append(')').toString());
  }

  private static String encode(Object value) {
    if (value == null) {
      return "~";
    }
    if (value instanceof Iterable<?> values) {
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
      return decimal(decimal);
    }
    if (value instanceof byte[] bytes) {
      return BYTEA_PREFIX + BYTEA_HEX.formatHex(bytes);
    }
    // A Java array is keyed as the list of its elements, as a collection is.
    if (value instanceof Object[] values) {
      return encode(JavaArrays.list(values));
    }
    if (value instanceof int[] values) {
      return encode(JavaArrays.list(values));
    }
    if (value instanceof long[] values) {
      return encode(JavaArrays.list(values));
    }
    if (value instanceof short[] values) {
      return encode(JavaArrays.list(values));
    }
    if (value instanceof float[] values) {
      return encode(JavaArrays.list(values));
    }
    return escape(value.toString());
  }

  /**
   * A decimal as PostgreSQL sees it once bound: its value and {@code max(scale, 0)} digits after
   * the point ({@code 1E+3} arrives as {@code 1000}, while {@code 1.0} and {@code 1.00} stay
   * apart as they do in SQL, where {@code SELECT :x} shows the difference). Plain notation while
   * that is at most {@value #MAX_PART_LENGTH} characters, as before; past it, in space bounded by
   * the argument's own digits, never by its exponent: a fraction by {@link BigDecimal#toString()}
   * (one-to-one with value and scale, {@code E-} when it has an exponent), an integer by its
   * digits without trailing zeros and {@code E+} their count. {@code 1E+999999999} is 12
   * characters, not the gigabyte {@link BigDecimal#toPlainString()} would build.
   */
  private static String decimal(BigDecimal decimal) {
    long scale = decimal.scale();
    long integerDigits = decimal.signum() == 0 ? 1 : Math.max(1, decimal.precision() - scale);
    long plainLength = (decimal.signum() < 0 ? 1 : 0) + integerDigits + (scale > 0 ? 1 + scale : 0);
    if (plainLength <= MAX_PART_LENGTH) {
      return decimal.toPlainString();
    }
    if (scale > 0) {
      return decimal.toString();
    }
    BigInteger digits = decimal.unscaledValue();
    long exponent = -scale;
    BigInteger[] quotientAndRemainder = digits.divideAndRemainder(BigInteger.TEN);
    while (quotientAndRemainder[1].signum() == 0) {
      digits = quotientAndRemainder[0];
      exponent++;
      quotientAndRemainder = digits.divideAndRemainder(BigInteger.TEN);
    }
    return exponent == 0 ? digits.toString() : digits + "E+" + exponent;
  }

  private static String escape(String text) {
    if (text.isEmpty()) {
      return EMPTY_STRING;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      int next = i + Character.charCount(codePoint);
      if (mustEscape(codePoint)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(HEX.toHexDigits(b));
        }
      } else if (out != null) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
  }

  /**
   * The code points of the class Javadoc. U+00A0, U+2007 and U+202F are escaped although
   * {@link Character#isWhitespace} leaves them out (it excludes no-break spaces): they are
   * spaces users cannot tell from U+0020, so a key that shows them would mislead.
   */
  private static boolean mustEscape(int codePoint) {
    if (codePoint < 0x7F) {
      return codePoint <= 0x20 || RESERVED.indexOf(codePoint) >= 0;
    }
    if (codePoint < 0x1680) {
      return codePoint <= 0xA0;
    }
    return codePoint == 0x1680
        || (codePoint >= 0x2000 && codePoint <= 0x200A)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || codePoint == 0x202F
        || codePoint == 0x205F
        || codePoint == 0x3000;
  }

  /** Hashes a part longer than the limit; {@code length()} first, as it is never smaller. */
  private static String limited(String encoded) {
    return encoded.length() > MAX_PART_LENGTH
        && encoded.codePointCount(0, encoded.length()) > MAX_PART_LENGTH ? hash(encoded) : encoded;
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
