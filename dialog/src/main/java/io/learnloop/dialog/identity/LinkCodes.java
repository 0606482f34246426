package io.learnloop.dialog.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * One-time codes that let a person attach another channel's identity to the learner they already
 * are: issued on one channel, redeemed once on another, forgotten when they expire.
 *
 * <p>Every method may throw {@link LinkCodesUnavailableException} when the store cannot be reached.
 */
public interface LinkCodes {

  /**
   * Remembers {@code code} for {@code request} during {@code valid}.
   *
   * @return false when the code is already held by an unexpired request; nothing changes then
   * @throws IllegalArgumentException when {@code valid} is not positive or the code is not 1 to 32
   *     letters and digits
   */
  boolean issue(String code, LinkRequest request, Duration valid);

  /**
   * Takes the code's request and forgets the code, in one atomic step: of two redeems racing for
   * one code, exactly one gets the request.
   *
   * @return empty for a code never issued, expired or already redeemed
   */
  Optional<LinkRequest> redeem(String code);

  /** Whether {@code code} can be a code at all: 1 to 32 letters and digits. */
  static boolean wellFormed(String code) {
    return code != null && code.matches("[A-Za-z0-9]{1,32}");
  }

  /** The checks every store applies to what it is given. */
  static void check(String code, Duration valid) {
    if (!wellFormed(code)) {
      throw new IllegalArgumentException("a link code is 1 to 32 letters and digits");
    }
    if (valid == null || valid.isNegative() || valid.isZero()) {
      throw new IllegalArgumentException("a link code must be valid for a positive duration");
    }
  }
}
