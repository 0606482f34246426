package io.learnloop.dialog.learning;

/**
 * The answer store could not be reached. The answer may or may not have been applied; recording it
 * again with the same id is safe.
 */
public class AnswerLogUnavailableException extends RuntimeException {

  public AnswerLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
