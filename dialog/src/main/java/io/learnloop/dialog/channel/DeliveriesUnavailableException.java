package io.learnloop.dialog.channel;

/** The store of seen deliveries cannot be reached. */
public final class DeliveriesUnavailableException extends RuntimeException {
  public DeliveriesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
