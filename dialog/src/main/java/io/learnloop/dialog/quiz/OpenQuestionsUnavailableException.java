package io.learnloop.dialog.quiz;

/** The store of open questions cannot be reached. */
public class OpenQuestionsUnavailableException extends RuntimeException {

  public OpenQuestionsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
