package io.learnloop.dialog.conversation;

/** The conversation history store could not be reached. */
public class HistoryUnavailableException extends RuntimeException {

  public HistoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
