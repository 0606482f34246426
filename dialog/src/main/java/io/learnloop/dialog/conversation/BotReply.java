package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says back, before a channel adapter renders it (Block Kit, Adaptive Card, web).
 *
 * @param historySaved false when the exchange could not be written to the history (store down)
 * @param quiz a quiz question to show under the text, with a button per choice
 */
public record BotReply(
    String text,
    Language language,
    List<Citation> citations,
    boolean abstained,
    boolean historySaved,
    Optional<QuizCard> quiz) {

  public BotReply {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    citations = List.copyOf(citations);
    Objects.requireNonNull(quiz, "quiz");
  }

  public BotReply(
      String text,
      Language language,
      List<Citation> citations,
      boolean abstained,
      boolean historySaved) {
    this(text, language, citations, abstained, historySaved, Optional.empty());
  }

  /** The same reply, saved to the history or not. */
  public BotReply withHistorySaved(boolean saved) {
    return new BotReply(text, language, citations, abstained, saved, quiz);
  }
}
