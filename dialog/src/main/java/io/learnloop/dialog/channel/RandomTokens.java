package io.learnloop.dialog.channel;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable, URL-safe tokens: card ids, message ids, session ids, codes people type. */
public final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** 32 symbols, so each is 5 bits; no 0/O, 1/I to misread when a person copies a code. */
  static final String READABLE = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private RandomTokens() {}

  /**
   * A code for a person to read and type, e.g. {@code K7QM2XWP}.
   *
   * @param length how many symbols; 8 give 40 bits
   */
  public static String readable(int length) {
    StringBuilder code = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      code.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
    }
    return code.toString();
  }

  /**
   * @param bytes how many random bytes; 16 give 128 bits in 22 characters
   */
  public static String of(int bytes) {
    byte[] bits = new byte[bytes];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }
}
