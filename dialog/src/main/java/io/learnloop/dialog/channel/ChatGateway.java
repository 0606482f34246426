package io.learnloop.dialog.channel;

import java.util.Optional;

/**
 * Sends the core's replies into one chat channel. Each adapter (Slack, Teams, the web chat) renders
 * {@link Reply} in its own format; the core never writes channel formatting.
 *
 * <p>Implementations retry what the channel asks them to retry (rate limits) and honour its limits
 * (message size, posts per second).
 */
public interface ChatGateway {

  /** The channel this gateway serves, e.g. {@code slack}. */
  String channel();

  /**
   * Sends one reply.
   *
   * @return the message as the channel identifies it; for a {@link Placement.Replace} the replaced
   *     message
   * @throws DeliveryFailedException when the channel refused the message or stayed unreachable
   */
  MessageRef send(ConversationRef where, Outgoing message);

  /**
   * Opens (or finds) the direct conversation with a person, so the core can write first: a daily
   * quiz, a nudge.
   *
   * @throws DeliveryFailedException when the channel cannot open it; {@link
   *     DeliveryFailedException#unreachable()} when it never will (the person left)
   */
  ConversationRef openDirect(ChannelUser user);

  /**
   * A web address that opens a message for those who may read it (Slack's permalink), so that a
   * reply can point at it.
   *
   * @return empty where the channel has none or cannot give it now
   */
  default Optional<String> linkTo(MessageRef message) {
    return Optional.empty();
  }
}
