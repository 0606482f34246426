package io.learnloop.dialog.channel;

import java.util.Objects;

/** Where a reply goes in its conversation. */
public sealed interface Placement {

  /** A new message; in the conversation's thread when the interaction came from one. */
  record NewMessage() implements Placement {}

  /** A new message in a given thread, e.g. under the @mention it answers. */
  record InThread(String thread) implements Placement {
    public InThread {
      Objects.requireNonNull(thread, "thread");
    }
  }

  /**
   * A new message that starts a thread of its own in a shared conversation, whatever thread the
   * interaction came from: a Teams reply chain, a Slack top-level message.
   */
  record NewThread() implements Placement {}

  /** Instead of a message posted before: quiz feedback replaces its question. */
  record Replace(MessageRef message) implements Placement {
    public Replace {
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * The person's home view (Slack's App Home, a Teams personal tab), shown in place of what it
   * showed before; channels without one post it as a new message.
   */
  record Home() implements Placement {}

  static Placement newMessage() {
    return new NewMessage();
  }
}
