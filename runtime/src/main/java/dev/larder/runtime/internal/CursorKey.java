package dev.larder.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What seals a cursor token: an HMAC-SHA256 key (signed cursors, which nobody without the key can
 * make or alter), or {@link #NONE} (a plain SHA-256 check, which catches a token cut short or
 * mangled in transit but not one made by hand). A runtime holds one ({@code
 * LarderBuilder.cursorKey}); it never shows the key's bytes, not even in {@link #toString()}.
 */
public final class CursorKey {
  /** The fewest key bytes accepted: 128 bits. */
  static final int MINIMUM_LENGTH = 16;
  /** No key: tokens carry an unkeyed check. */
  public static final CursorKey NONE = new CursorKey(null);

  private static final String HMAC = "HmacSHA256";
  private static final byte[] DOMAIN = "larder-cursor".getBytes(StandardCharsets.US_ASCII);
  /** 128 bits of HMAC: forging one by chance takes 2^127 tries on average. */
  private static final int MAC_BYTES = 16;
  private static final int CHECK_BYTES = 8;

  private final SecretKeySpec key;

  private CursorKey(SecretKeySpec key) {
    this.key = key;
  }

  /**
   * A key for signed cursors; the bytes are copied.
   *
   * @throws IllegalArgumentException if it has fewer than {@value #MINIMUM_LENGTH} bytes
   */
  public static CursorKey of(byte[] key) {
    if (key == null || key.length < MINIMUM_LENGTH) {
      throw new IllegalArgumentException("cursorKey must have at least " + MINIMUM_LENGTH
          + " bytes (128 bits) but has " + (key == null ? "none" : key.length)
          + "; use random bytes kept as a secret, e.g. 32 from SecureRandom");
    }
    return new CursorKey(new SecretKeySpec(key.clone(), HMAC));
  }

  /** Whether tokens are signed. */
  boolean signs() {
    return key != null;
  }

  /** The length of the seal at the end of a token. */
  int sealLength() {
    return key == null ? CHECK_BYTES : MAC_BYTES;
  }

  /** The seal of the first {@code length} bytes. */
  byte[] seal(byte[] bytes, int length) {
    try {
      if (key == null) {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(DOMAIN);
        sha.update(bytes, 0, length);
        return Arrays.copyOf(sha.digest(), CHECK_BYTES);
      }
      Mac mac = Mac.getInstance(HMAC);
      mac.init(key);
      mac.update(DOMAIN);
      mac.update(bytes, 0, length);
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 and HmacSHA256 are required of every Java platform",
          e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("an HMAC key of raw bytes is always valid", e);
    }
  }

  /** Whether the last {@link #sealLength()} bytes seal the ones before them; in constant time. */
  boolean sealed(byte[] bytes) {
    int payload = bytes.length - sealLength();
    return payload >= 0 && MessageDigest.isEqual(seal(bytes, payload),
        Arrays.copyOfRange(bytes, payload, bytes.length));
  }

  @Override
  public String toString() {
    return key == null ? "CursorKey[none]" : "CursorKey[HmacSHA256, secret]";
  }
}
