package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.Reply;
import java.time.Duration;

/**
 * Hears each reply the core sends, for metrics. Must not throw. Repeated deliveries are counted
 * where they are claimed, by the {@code Deliveries} store.
 */
@FunctionalInterface
public interface InteractionListener {

  /** A reply of this kind was sent; {@code took} is the core's time for the interaction. */
  void replied(Reply reply, Duration took);

  InteractionListener NONE = (reply, took) -> {};
}
