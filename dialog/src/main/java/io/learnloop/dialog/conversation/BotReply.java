package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Objects;

/**
 * What the bot says back, before a channel adapter renders it (Block Kit, Adaptive Card, web).
 *
 * @param historySaved false when the exchange could not be written to the history (store down)
 */
public record BotReply(
    String text,
    Language language,
    List<Citation> citations,
    boolean abstained,
    boolean historySaved) {

  public BotReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    citations = List.copyOf(citations);
  }
}
