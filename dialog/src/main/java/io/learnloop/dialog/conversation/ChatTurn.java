package io.learnloop.dialog.conversation;

import java.time.Instant;
import java.util.Objects;

/** One message in a conversation, as it is kept in the history. */
public record ChatTurn(Speaker speaker, String text, Instant at) {

  public ChatTurn {
    Objects.requireNonNull(speaker, "speaker");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
