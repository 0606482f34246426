package io.learnloop.dialog.identity;

/** The store of link codes cannot be reached. */
public final class LinkCodesUnavailableException extends RuntimeException {
  public LinkCodesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
