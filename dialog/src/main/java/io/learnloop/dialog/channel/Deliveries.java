package io.learnloop.dialog.channel;

import java.time.Duration;

/**
 * Inbound deliveries already seen, so that a channel's retry of the same event (Slack's {@code
 * X-Slack-Retry-Num}, a Bot Framework redelivery, a resubmitted web request) runs only once. Shared
 * by every instance when backed by a shared store.
 */
public interface Deliveries {

  /**
   * Claims a delivery for processing: true the first time {@code deliveryKey} is claimed within
   * {@code remember}, false for every later claim of the same key.
   *
   * @param deliveryKey the channel's delivery id, prefixed by the channel, at most 256 characters
   * @throws DeliveriesUnavailableException when the store cannot be reached; the caller decides
   *     whether to run the delivery anyway
   */
  boolean claim(String deliveryKey, Duration remember);

  /**
   * Sends the same claim as {@link #claim} but answers it later, so that the caller can read what
   * it needs while the claim travels. Nothing the caller does before {@link Claim#first()} may
   * change state.
   *
   * @throws DeliveriesUnavailableException from {@link Claim#first()}, never from here
   */
  default Claim claimAhead(String deliveryKey, Duration remember) {
    try {
      boolean first = claim(deliveryKey, remember);
      return () -> first;
    } catch (DeliveriesUnavailableException e) {
      return () -> {
        throw e;
      };
    }
  }

  /** A claim sent and not yet answered. */
  @FunctionalInterface
  interface Claim {

    /**
     * @return true when this was the first claim of the delivery
     * @throws DeliveriesUnavailableException when the store could not be reached
     */
    boolean first();
  }
}
