package io.learnloop.dialog.channel;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Optional;

/**
 * Each learner's direct conversation per channel, remembered from their last interaction, so that
 * the core can start a conversation (daily quiz, nudge, round invitation) without an inbound
 * message.
 *
 * <p>Every method may throw {@link ConversationReferencesUnavailableException} when the store
 * cannot be reached.
 */
public interface ConversationReferences {

  /** Remembers the learner's direct conversation in its channel, replacing an older one. */
  void remember(LearnerId learner, ConversationRef direct);

  /** The learner's direct conversation in {@code channel}; empty if never seen there. */
  Optional<ConversationRef> direct(LearnerId learner, String channel);

  /** Forgets every conversation of the learner (forget-me, or the channel said it is gone). */
  void forget(LearnerId learner);

  /** Forgets the learner's conversation in one channel (the channel said it is gone). */
  void forget(LearnerId learner, String channel);
}
