package io.learnloop.dialog.conversation;

import java.util.Objects;

/**
 * A message a learner sent to the bot, validated: non-blank and at most {@link #MAX_LENGTH}
 * characters.
 *
 * @param sender the learner's id in the channel, used for access control on documents
 */
public record IncomingMessage(ConversationId conversation, String sender, String text) {

  public static final int MAX_LENGTH = 2000;

  public IncomingMessage {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(text, "text");
    text = text.strip();
    if (text.isEmpty()) {
      throw new InvalidMessageException(InvalidMessageException.Reason.EMPTY, 0);
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidMessageException(InvalidMessageException.Reason.TOO_LONG, text.length());
    }
  }
}
