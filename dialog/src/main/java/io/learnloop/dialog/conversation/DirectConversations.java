package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.learning.Learner;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds a learner's direct conversation on a channel so that the core can write first (daily quiz,
 * nudges): the one remembered from their last interaction, else one the channel opens and that is
 * remembered from then on.
 */
public final class DirectConversations {

  private static final Logger log = Logger.getLogger(DirectConversations.class.getName());

  private final ConversationReferences references;

  public DirectConversations(ConversationReferences references) {
    this.references = Objects.requireNonNull(references, "references");
  }

  /**
   * @return empty when the learner has no identity on the gateway's channel or the channel cannot
   *     open a conversation with them (logged)
   */
  public Optional<ConversationRef> with(Learner learner, ChatGateway gateway) {
    Optional<ConversationRef> direct = references.direct(learner.id(), gateway.channel());
    if (direct.isPresent()) {
      return direct;
    }
    Optional<ChannelUser> user = channelUser(learner, gateway.channel());
    if (user.isEmpty()) {
      return Optional.empty();
    }
    ConversationRef where;
    try {
      where = gateway.openDirect(user.get());
    } catch (DeliveryFailedException e) {
      log.log(Level.WARNING, "Cannot open a conversation with " + learner.id(), e);
      return Optional.empty();
    }
    references.remember(learner.id(), where);
    return Optional.of(where);
  }

  /** The learner as {@code channel} knows them; empty when they have no identity there. */
  public static Optional<ChannelUser> channelUser(Learner learner, String channel) {
    String identity = learner.identities().get(channel);
    if (identity == null || !identity.contains(":")) {
      return Optional.empty();
    }
    String[] parts = identity.split(":", 2);
    return Optional.of(new ChannelUser(channel, parts[0], parts[1]));
  }
}
