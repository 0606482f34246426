package io.learnloop.dialog.channel;

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
}
