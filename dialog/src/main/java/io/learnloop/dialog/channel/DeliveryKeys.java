package io.learnloop.dialog.channel;

import java.time.Duration;
import java.util.Objects;

/** The limits every {@link Deliveries} enforces on a claim, in one place. */
public final class DeliveryKeys {

  /** Long enough for a channel prefix and any platform's event id. */
  public static final int MAX_LENGTH = 256;

  private DeliveryKeys() {}

  /**
   * @throws IllegalArgumentException when the key is empty or too long, or remember is not positive
   */
  public static void check(String deliveryKey, Duration remember) {
    Objects.requireNonNull(deliveryKey, "deliveryKey");
    Objects.requireNonNull(remember, "remember");
    if (deliveryKey.isEmpty() || deliveryKey.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a delivery key is 1 to " + MAX_LENGTH + " characters but had " + deliveryKey.length());
    }
    if (remember.toMillis() <= 0) {
      throw new IllegalArgumentException("remember must be positive but was " + remember);
    }
  }
}
