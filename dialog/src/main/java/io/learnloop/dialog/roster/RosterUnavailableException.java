package io.learnloop.dialog.roster;

/** The roster's store cannot be reached. */
public class RosterUnavailableException extends RuntimeException {

  public RosterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
