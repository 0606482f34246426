package io.learnloop.dialog.channel;

/** A channel did not take a message. */
public final class DeliveryFailedException extends RuntimeException {

  private final boolean unreachable;

  /**
   * @param unreachable the channel will never take it (conversation gone, user deactivated): do not
   *     retry
   */
  public DeliveryFailedException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public boolean unreachable() {
    return unreachable;
  }
}
