package io.learnloop.dialog.learning;

/** The store of adopted response models cannot be reached. */
public class ResponseModelsUnavailableException extends RuntimeException {

  public ResponseModelsUnavailableException(String message) {
    super(message);
  }

  public ResponseModelsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
