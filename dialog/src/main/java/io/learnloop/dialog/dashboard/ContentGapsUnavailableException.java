package io.learnloop.dialog.dashboard;

/** The content gap store cannot be reached. */
public class ContentGapsUnavailableException extends RuntimeException {
  public ContentGapsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
