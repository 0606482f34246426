package io.learnloop.dialog.learning;

/** The learner profile store could not be reached; nothing was changed by the failed call. */
public class LearnersUnavailableException extends RuntimeException {

  public LearnersUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
