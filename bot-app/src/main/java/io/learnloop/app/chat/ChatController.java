package io.learnloop.app.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.InvalidInputException;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.ChatTurn;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.HistoryUnavailableException;
import io.learnloop.dialog.conversation.Sent;
import io.learnloop.dialog.conversation.Speaker;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web chat, the first adapter of the conversation port: it behaves like a DM with the bot.
 * Requests become {@link Interaction interactions}; what the core sends comes back rendered, and is
 * kept in the history for the next page load.
 */
@RestController
class ChatController {

  static final int MAX_HISTORY = 100;

  private static final Logger log = LoggerFactory.getLogger(ChatController.class);

  private final Assistant assistant;
  private final ConversationHistory history;
  private final WebCallers callers;
  private final ObjectMapper json;
  private final Clock clock;

  ChatController(
      Assistant assistant,
      ConversationHistory history,
      WebCallers callers,
      ObjectMapper json,
      Clock clock) {
    this.assistant = assistant;
    this.history = history;
    this.callers = callers;
    this.json = json;
    this.clock = clock;
  }

  /**
   * One thing the person did: exactly one of {@code text}, {@code action} and {@code command}.
   *
   * @param deliveryId the page's id for this request; a retry with the same id runs once
   * @param user the user a caller with the API token acts for; ignored otherwise
   */
  record ChatRequest(
      String text,
      ActionRequest action,
      String command,
      String argument,
      String deliveryId,
      String user) {}

  /**
   * @param message the id of the message the button is on
   */
  record ActionRequest(String id, String value, String message) {}

  record ChatResponse(List<PostedMessage> messages, boolean historySaved, boolean duplicate) {}

  /** A rendered message and whether it replaces one the page already shows. */
  record PostedMessage(boolean replaces, WebMessage message) {}

  record TurnView(String speaker, String text, WebMessage message, Instant at) {}

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record HistoryResponse(List<TurnView> turns, WebMessage welcome) {}

  record ErrorResponse(String error) {}

  @PostMapping(path = "/api/chat", consumes = "application/json")
  ChatResponse send(
      @RequestBody ChatRequest request, HttpServletRequest http, HttpServletResponse response) {
    WebCallers.Caller caller = callers.of(http, response, request.user());
    Input input = input(request, caller);
    if (request.deliveryId() != null && request.deliveryId().length() > 160) {
      throw new IllegalArgumentException("'deliveryId' is at most 160 characters");
    }
    // The page chooses its delivery ids, so they are only unique within its own session.
    String delivery =
        caller.user().user()
            + "/"
            + (request.deliveryId() == null || request.deliveryId().isBlank()
                ? UUID.randomUUID().toString()
                : request.deliveryId());

    boolean saved = true;
    String said =
        input instanceof Input.Typed typed
            ? typed.text()
            : input instanceof Input.CommandInvoked c
                ? (c.command().word() + " " + c.argument()).strip()
                : null;
    if (said != null) {
      saved = save(caller, said);
    }
    List<Sent> sent =
        assistant.handle(
            new Interaction(
                delivery,
                caller.user(),
                caller.conversation(),
                clock.instant(),
                locale(http),
                ProfileHints.none(),
                input));
    List<PostedMessage> messages =
        sent.stream()
            .map(
                s ->
                    new PostedMessage(
                        s.outgoing().placement() instanceof Placement.Replace,
                        WebRenderer.render(s.message().messageId(), s.outgoing())))
            .toList();
    return new ChatResponse(messages, saved, sent.isEmpty());
  }

  @GetMapping("/api/chat/history")
  HistoryResponse history(
      @RequestParam(defaultValue = "50") int limit,
      @RequestParam(required = false) String user,
      HttpServletRequest http,
      HttpServletResponse response) {
    WebCallers.Caller caller = callers.of(http, response, user);
    int bounded = Math.max(1, Math.min(limit, MAX_HISTORY));
    List<ChatTurn> turns = history.latest(WebChatGateway.historyOf(caller.conversation()), bounded);
    // A later turn with a message's id replaces it where it stood.
    Map<String, Integer> positions = new LinkedHashMap<>();
    List<TurnView> views = new ArrayList<>();
    for (ChatTurn turn : turns) {
      if (turn.speaker() == Speaker.LEARNER) {
        views.add(new TurnView("learner", turn.text(), null, turn.at()));
        continue;
      }
      Optional<WebMessage> message = parse(turn.text());
      if (message.isEmpty()) {
        continue;
      }
      Integer at = positions.get(message.get().id());
      TurnView view = new TurnView("bot", null, message.get(), turn.at());
      if (at == null) {
        positions.put(message.get().id(), views.size());
        views.add(view);
      } else {
        views.set(at, view);
      }
    }
    WebMessage welcome = null;
    if (views.isEmpty()) {
      Language language = locale(http).flatMap(Language::of).orElse(Language.ENGLISH);
      welcome =
          WebRenderer.render(
              "welcome",
              io.learnloop.dialog.channel.Outgoing.toEveryone(
                  Reply.Notice.of(
                      language,
                      Reply.Notice.Kind.WELCOME,
                      Messages.get(language, "welcome.text"))));
    }
    return new HistoryResponse(views, welcome);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ErrorResponse> invalidInput(InvalidInputException e, HttpServletRequest http) {
    Language language = locale(http).flatMap(Language::of).orElse(Language.ENGLISH);
    return ResponseEntity.badRequest().body(new ErrorResponse(e.explanation(language)));
  }

  @ExceptionHandler(HistoryUnavailableException.class)
  ResponseEntity<ErrorResponse> historyUnavailable(
      HistoryUnavailableException e, HttpServletRequest http) {
    log.warn("Web chat history unavailable: {}", e.getMessage());
    Language language = locale(http).flatMap(Language::of).orElse(Language.ENGLISH);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(new ErrorResponse(Messages.get(language, "chat.history-unavailable")));
  }

  private static Input input(ChatRequest request, WebCallers.Caller caller) {
    int given =
        (request.text() != null ? 1 : 0)
            + (request.action() != null ? 1 : 0)
            + (request.command() != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException("Send exactly one of 'text', 'action' and 'command'");
    }
    if (request.text() != null) {
      return new Input.Typed(request.text());
    }
    if (request.command() != null) {
      Command command =
          Command.named(request.command())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException("Unknown command '" + request.command() + "'"));
      return new Input.CommandInvoked(
          command, request.argument() == null ? "" : request.argument());
    }
    ActionRequest action = request.action();
    if (action.id() == null || action.value() == null) {
      throw new IllegalArgumentException("An action needs 'id' and 'value'");
    }
    Optional<MessageRef> on =
        action.message() == null || action.message().isBlank()
            ? Optional.empty()
            : Optional.of(new MessageRef(caller.conversation(), action.message()));
    return new Input.ActionInvoked(action.id(), action.value(), on);
  }

  private boolean save(WebCallers.Caller caller, String text) {
    try {
      history.append(
          WebChatGateway.historyOf(caller.conversation()),
          new ChatTurn(Speaker.LEARNER, text, clock.instant()));
      return true;
    } catch (HistoryUnavailableException e) {
      log.warn("Web chat message not kept in the history: {}", e.getMessage());
      return false;
    }
  }

  private Optional<WebMessage> parse(String body) {
    try {
      return Optional.of(json.readValue(body, WebMessage.class));
    } catch (java.io.IOException e) {
      // Turns kept by earlier versions were plain text; they are shown as text notices.
      return Optional.of(
          new WebMessage(
              "legacy-" + Integer.toHexString(body.hashCode()),
              "notice",
              "en",
              body,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              "info",
              null,
              null));
    }
  }

  private static Optional<Locale> locale(HttpServletRequest http) {
    String header = http.getHeader("Accept-Language");
    return header == null || header.isBlank() ? Optional.empty() : Optional.of(http.getLocale());
  }
}
