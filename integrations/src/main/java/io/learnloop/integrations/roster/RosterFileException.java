package io.learnloop.integrations.roster;

/** The roster file cannot be read at all; the message is {@code file:line: problem}. */
public class RosterFileException extends Exception {

  public RosterFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
