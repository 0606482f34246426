package io.learnloop.dialog.channel;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;

/** Input the core refuses, with an explanation in the person's language. */
public final class InvalidInputException extends IllegalArgumentException {

  /** Why input was refused. */
  public enum Reason {
    EMPTY,
    TOO_LONG,
    BAD_ACTION
  }

  private final Reason reason;
  private final int length;

  public InvalidInputException(Reason reason, int length) {
    super(reason + " input (" + length + " characters)");
    this.reason = reason;
    this.length = length;
  }

  public Reason reason() {
    return reason;
  }

  /** The explanation shown to the person. */
  public String explanation(Language language) {
    return switch (reason) {
      case EMPTY -> Messages.get(language, "chat.empty-message");
      case TOO_LONG -> Messages.get(language, "chat.message-too-long", length, Input.MAX_TEXT);
      case BAD_ACTION -> Messages.get(language, "chat.unknown-action");
    };
  }
}
