package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;

/** A learner's message that the bot refuses, with an explanation in the learner's language. */
public class InvalidMessageException extends IllegalArgumentException {

  /** Why a message was refused. */
  public enum Reason {
    EMPTY,
    TOO_LONG
  }

  private final Reason reason;
  private final int length;

  public InvalidMessageException(Reason reason, int length) {
    super(reason + " message (" + length + " characters)");
    this.reason = reason;
    this.length = length;
  }

  public Reason reason() {
    return reason;
  }

  /** The explanation shown to the learner. */
  public String explanation(Language language) {
    return switch (reason) {
      case EMPTY -> Messages.get(language, "chat.empty-message");
      case TOO_LONG ->
          Messages.get(language, "chat.message-too-long", length, IncomingMessage.MAX_LENGTH);
    };
  }
}
