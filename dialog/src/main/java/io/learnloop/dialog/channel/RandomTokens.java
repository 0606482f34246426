package io.learnloop.dialog.channel;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable, URL-safe tokens: card ids, message ids, session ids. */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RandomTokens() {}

  /**
   * @param bytes how many random bytes; 16 give 128 bits in 22 characters
   */
  public static String of(int bytes) {
    byte[] bits = new byte[bytes];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }
}
