package dev.larder.processor.read;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The short hash of a method's SQL and result type that every cache key carries, so that entries
 * written by an older version of a query are never read by a newer one.
 */
final class Fingerprint {
  private Fingerprint() {}

  static String of(String sql, String resultType) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((sql + '\u0000' + resultType).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
