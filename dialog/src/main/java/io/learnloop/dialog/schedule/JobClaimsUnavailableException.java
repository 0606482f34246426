package io.learnloop.dialog.schedule;

/** The store of job claims cannot be reached. */
public final class JobClaimsUnavailableException extends RuntimeException {

  public JobClaimsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
