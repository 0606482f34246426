package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import java.util.Objects;

/** A reply the core sent, and the message the channel made of it. */
public record Sent(MessageRef message, Outgoing outgoing) {
  public Sent {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(outgoing, "outgoing");
  }
}
