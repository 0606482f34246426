package io.learnloop.dialog.escalation;

/** The store of escalations cannot be reached. */
public final class EscalationsUnavailableException extends RuntimeException {
  public EscalationsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
