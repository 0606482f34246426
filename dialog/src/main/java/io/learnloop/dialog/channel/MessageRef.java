package io.learnloop.dialog.channel;

import java.util.Objects;

/**
 * A message the bot posted, as its channel identifies it (Slack's {@code ts}, a Teams activity id,
 * the web chat's message id), so that it can be replaced later.
 */
public record MessageRef(ConversationRef conversation, String messageId) {

  public MessageRef {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank() || messageId.length() > 256) {
      throw new IllegalArgumentException("a message id is 1 to 256 characters");
    }
  }
}
