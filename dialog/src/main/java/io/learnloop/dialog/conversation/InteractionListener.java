package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.Reply;
import java.time.Duration;

/** Hears what the core does with each interaction, for metrics. Must not throw. */
public interface InteractionListener {

  /** A delivery seen before was dropped. */
  void duplicate(Interaction interaction);

  /** A reply of this kind was sent; {@code took} is the core's time for the interaction. */
  void replied(Reply reply, Duration took);

  InteractionListener NONE =
      new InteractionListener() {
        @Override
        public void duplicate(Interaction interaction) {}

        @Override
        public void replied(Reply reply, Duration took) {}
      };
}
