package io.learnloop.app.chat;

import io.learnloop.dialog.conversation.BotReply;
import io.learnloop.dialog.conversation.ChatTurn;
import io.learnloop.dialog.conversation.Citation;
import io.learnloop.dialog.conversation.Conversation;
import io.learnloop.dialog.conversation.ConversationId;
import io.learnloop.dialog.conversation.HistoryUnavailableException;
import io.learnloop.dialog.conversation.IncomingMessage;
import io.learnloop.dialog.conversation.InvalidMessageException;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerLogUnavailableException;
import io.learnloop.dialog.learning.LearnersUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The local web chat's JSON endpoint: it behaves like a DM with the bot. Each browser keeps its own
 * conversation, identified by a random id the page stores.
 */
@RestController
class ChatController {

  static final int MAX_HISTORY = 100;

  private final Conversation conversation;

  ChatController(Conversation conversation) {
    this.conversation = conversation;
  }

  /**
   * @param quizId set when a quiz card's button sends the choice number in {@code text}
   */
  record ChatRequest(String user, String text, String quizId) {}

  record QuizView(
      String quizId, String item, String question, List<String> choices, String reason) {}

  record ReplyView(
      String text, String language, boolean abstained, List<Citation> citations, QuizView quiz) {}

  record ChatResponse(ReplyView reply, boolean historySaved) {}

  record TurnView(String speaker, String text, Instant at) {}

  record HistoryResponse(List<TurnView> turns) {}

  record ErrorResponse(String error) {}

  @PostMapping("/api/chat")
  ChatResponse send(@RequestBody ChatRequest request) {
    IncomingMessage message =
        new IncomingMessage(
            webConversation(request.user()), request.user(), nullToEmpty(request.text()));
    BotReply reply =
        request.quizId() == null
            ? conversation.reply(message)
            : conversation.answerQuiz(message, request.quizId());
    QuizView quiz =
        reply
            .quiz()
            .map(
                card ->
                    new QuizView(
                        card.quizId(),
                        card.item().value(),
                        card.question(),
                        card.choices(),
                        card.reason()))
            .orElse(null);
    return new ChatResponse(
        new ReplyView(
            reply.text(), reply.language().code(), reply.abstained(), reply.citations(), quiz),
        reply.historySaved());
  }

  @GetMapping("/api/chat/history")
  HistoryResponse history(@RequestParam String user, @RequestParam(defaultValue = "50") int limit) {
    int bounded = Math.max(1, Math.min(limit, MAX_HISTORY));
    List<ChatTurn> turns = conversation.history(webConversation(user), bounded);
    return new HistoryResponse(
        turns.stream()
            .map(
                turn ->
                    new TurnView(
                        turn.speaker().name().toLowerCase(Locale.ROOT), turn.text(), turn.at()))
            .toList());
  }

  @ExceptionHandler(InvalidMessageException.class)
  ResponseEntity<ErrorResponse> invalidMessage(InvalidMessageException e, Locale locale) {
    return ResponseEntity.badRequest().body(new ErrorResponse(e.explanation(languageOf(locale))));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ErrorResponse> invalidRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(new ErrorResponse(e.getMessage()));
  }

  @ExceptionHandler({AnswerLogUnavailableException.class, LearnersUnavailableException.class})
  ResponseEntity<ErrorResponse> learnerStoreUnavailable(RuntimeException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorResponse("The learner store is unavailable right now: " + e.getMessage()));
  }

  @ExceptionHandler(HistoryUnavailableException.class)
  ResponseEntity<ErrorResponse> historyUnavailable(HistoryUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorResponse("The message history is unavailable right now: " + e.getMessage()));
  }

  private static ConversationId webConversation(String user) {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException(
          "'user' is required: the id the web chat page keeps for this browser");
    }
    return new ConversationId("web:" + user);
  }

  private static Language languageOf(Locale locale) {
    return "id".equals(locale.getLanguage()) || "in".equals(locale.getLanguage())
        ? Language.INDONESIAN
        : Language.ENGLISH;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
