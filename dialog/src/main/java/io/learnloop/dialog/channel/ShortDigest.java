package io.learnloop.dialog.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, stable stand-in for a value that does not fit where it must be kept (an id length, a
 * key's characters): the first bytes of its SHA-256, in hex.
 */
public final class ShortDigest {

  private ShortDigest() {}

  /**
   * @param bytes how many bytes of the digest to keep, 1 to 32 (twice as many hex characters)
   */
  public static String of(String value, int bytes) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
