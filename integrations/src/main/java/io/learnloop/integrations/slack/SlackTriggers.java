package io.learnloop.integrations.slack;

import java.util.Optional;

/**
 * The trigger of the interaction this thread is answering (a slash command's or a button's {@code
 * trigger_id}): a modal can be opened only with one, within three seconds, once. Set by {@link
 * SlackInbound} around the core's handling, read by {@link SlackGateway}.
 */
final class SlackTriggers {

  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private SlackTriggers() {}

  static void during(Optional<String> trigger, Runnable work) {
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
  static Optional<String> take() {
    String trigger = CURRENT.get();
    CURRENT.remove();
    return Optional.ofNullable(trigger);
  }
}
