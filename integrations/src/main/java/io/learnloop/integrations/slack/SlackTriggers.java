package io.learnloop.integrations.slack;

import java.util.Optional;

/**
 * The trigger of the interaction this thread is answering (a slash command's or a button's {@code
 * trigger_id}): a modal can be opened only with one, within three seconds, once. Set by {@link
 * SlackInbound} around the core's handling, read by {@link SlackGateway}.
 */
final class SlackTriggers {

  /**
   * A trigger, and whether it came from the App Home, whose view is published again once the modal
   * it opened is saved.
   */
  record Trigger(String id, boolean fromHome) {}

  /** Ends the settings modal's {@code private_metadata} when the modal was opened from the Home. */
  static final String FROM_HOME = " home";

  private static final ThreadLocal<Trigger> CURRENT = new ThreadLocal<>();

  private SlackTriggers() {}

  static void during(Optional<Trigger> trigger, Runnable work) {
    if (trigger.isEmpty()) {
      work.run();
      return;
    }
    CURRENT.set(trigger.get());
    try {
      work.run();
    } finally {
      CURRENT.remove();
    }
  }

  /** The trigger, once: a second modal in the same interaction would be refused by Slack. */
  static Optional<Trigger> take() {
    Trigger trigger = CURRENT.get();
    CURRENT.remove();
    return Optional.ofNullable(trigger);
  }
}
