package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.i18n.Language;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A team quiz round: one question posted in a shared conversation, answered by everyone there until
 * it closes, then revealed in the same message.
 *
 * @param conversation the conversation it was posted in ({@code ConversationRef#key()})
 * @param messageId the posted card, once the channel said
 */
public record Round(
    String id,
    String conversation,
    ItemId item,
    Language language,
    Instant closesAt,
    Optional<String> messageId) {

  public Round {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(closesAt, "closesAt");
    Objects.requireNonNull(messageId, "messageId");
  }

  public Round postedAs(String message) {
    return new Round(id, conversation, item, language, closesAt, Optional.of(message));
  }
}
