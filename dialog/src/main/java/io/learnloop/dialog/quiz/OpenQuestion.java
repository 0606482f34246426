package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A question put to a learner and not answered yet, with everything recording the answer needs, so
 * that recording depends on no other store.
 *
 * @param conversation the conversation the card was posted in ({@link
 *     io.learnloop.dialog.channel.ConversationRef#key()}): a typed number there answers it
 * @param learner the only learner who may answer the card
 * @param team the learner's team, empty for none
 * @param context where the answer counts: the daily quiz, just-in-time practice, a pre-test
 * @param messageId the posted card as its channel identifies it, once the channel said; empty
 *     before
 */
public record OpenQuestion(
    String conversation,
    LearnerId learner,
    RoleId role,
    String team,
    ZoneId zone,
    ItemId item,
    Instant askedAt,
    Language language,
    AnswerContext context,
    Optional<String> messageId) {

  public OpenQuestion {
    Objects.requireNonNull(conversation, "conversation");
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(askedAt, "askedAt");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(messageId, "messageId");
  }

  /** The same question, posted as {@code message}. */
  public OpenQuestion postedAs(String message) {
    return new OpenQuestion(
        conversation,
        learner,
        role,
        team,
        zone,
        item,
        askedAt,
        language,
        context,
        Optional.of(message));
  }
}
