package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replies to a learner's message and keeps both sides in the history. Channel-neutral: Slack, Teams
 * and the web chat all come through here.
 */
public final class Conversation {

  private static final Set<String> HELP_WORDS = Set.of("help", "/help", "bantuan", "/bantuan", "?");
  private static final Set<String> QUIZ_WORDS =
      Set.of("quiz", "quiz me", "/quiz", "kuis", "kuis saya", "/kuis");

  private final ConversationHistory history;
  private final KnowledgeBase knowledge;
  private final Optional<Quiz> quiz;
  private final Clock clock;

  public Conversation(ConversationHistory history, KnowledgeBase knowledge, Clock clock) {
    this(history, knowledge, Optional.empty(), clock);
  }

  /**
   * @param quiz quiz questions on "quiz" / "kuis"; empty when there is no quiz content
   */
  public Conversation(
      ConversationHistory history, KnowledgeBase knowledge, Optional<Quiz> quiz, Clock clock) {
    this.history = Objects.requireNonNull(history, "history");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.quiz = Objects.requireNonNull(quiz, "quiz");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Answers one message. Never fails because the history store is down: the reply says so. */
  public BotReply reply(IncomingMessage message) {
    Language language = Language.detect(message.text());
    boolean saved = save(message.conversation(), Speaker.LEARNER, message.text());
    BotReply reply = compose(message, language);
    saved &= save(message.conversation(), Speaker.BOT, reply.text());
    return reply.withHistorySaved(saved);
  }

  /**
   * Answers a quiz card's button: the message's text is the choice number, {@code quizId} the
   * card's id. A double click is counted once.
   *
   * @throws IllegalArgumentException when there is no quiz or the quiz id is malformed
   */
  public BotReply answerQuiz(IncomingMessage message, String quizId) {
    Quiz q = quiz.orElseThrow(() -> new IllegalArgumentException("there is no quiz content"));
    boolean saved = save(message.conversation(), Speaker.LEARNER, message.text());
    BotReply reply = q.answer(message, quizId);
    saved &= save(message.conversation(), Speaker.BOT, reply.text());
    return reply.withHistorySaved(saved);
  }

  /**
   * The latest turns of a conversation, oldest first.
   *
   * @throws HistoryUnavailableException when the history store is down
   */
  public List<ChatTurn> history(ConversationId conversation, int limit) {
    return history.latest(conversation, limit);
  }

  private BotReply compose(IncomingMessage message, Language language) {
    String lower = message.text().toLowerCase(Locale.ROOT);
    if (HELP_WORDS.contains(lower)) {
      return text(Messages.get(language, "help.text"), language);
    }
    if (quiz.isPresent()) {
      if (QUIZ_WORDS.contains(lower)) {
        return quiz.get().next(message, lower.contains("kuis") ? Language.INDONESIAN : language);
      }
      Optional<BotReply> answered = quiz.get().answerTyped(message);
      if (answered.isPresent()) {
        return answered.get();
      }
    }
    Optional<KnowledgeAnswer> answer = knowledge.answer(message.text(), message.sender(), language);
    if (answer.isEmpty()) {
      return text(Messages.get(language, "answering.not-ready"), language);
    }
    KnowledgeAnswer a = answer.get();
    if (!a.abstained() && !a.citations().isEmpty()) {
      quiz.ifPresent(q -> q.asked(message, a.citations()));
    }
    return new BotReply(a.text(), language, a.citations(), a.abstained(), true);
  }

  private static BotReply text(String text, Language language) {
    return new BotReply(text, language, List.of(), false, true);
  }

  private boolean save(ConversationId conversation, Speaker speaker, String text) {
    try {
      history.append(conversation, new ChatTurn(speaker, text, clock.instant()));
      return true;
    } catch (HistoryUnavailableException e) {
      return false;
    }
  }
}
