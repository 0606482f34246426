package io.learnloop.app.knowledge;

import io.learnloop.app.access.ApiToken;
import io.learnloop.app.access.ConfiguredAccessGroups;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.i18n.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers a question from the docs with citations, for other tools. Anonymous callers read public
 * documents only; a caller with the API token may name the user it acts for.
 */
@RestController
class AskController {

  private final KnowledgeService knowledge;
  private final AccessGroups access;
  private final ApiToken token;

  AskController(KnowledgeService knowledge, AccessGroups access, ApiToken token) {
    this.knowledge = knowledge;
    this.access = access;
    this.token = token;
  }

  /**
   * @param user the user a trusted caller acts for; ignored without the API token
   */
  record AskRequest(String question, String user) {}

  @PostMapping(path = "/api/ask", consumes = "application/json")
  ResponseEntity<?> ask(@RequestBody AskRequest request, HttpServletRequest http) {
    if (request.question() == null) {
      throw new IllegalArgumentException("'question' is required");
    }
    String question = request.question();
    String language = Language.detect(question).code();
    Set<String> groups = Set.of();
    if (token.trusted(http) && request.user() != null && !request.user().isBlank()) {
      ChannelUser actedFor =
          new ChannelUser("api", ConfiguredAccessGroups.API_WORKSPACE, request.user().strip());
      groups = access.groupsOf(actedFor, Optional.empty());
    }
    return knowledge
        .ask(question, groups, language)
        .<ResponseEntity<?>>map(answer -> ResponseEntity.ok(AskResponse.of(answer)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", notReady())));
  }

  private String notReady() {
    return switch (knowledge.state()) {
      case INDEXING ->
          String.format(
              "The knowledge index is not ready yet (%.0f%% indexed); try again shortly",
              100 * knowledge.progress());
      case FAILED -> "The knowledge index is unavailable; the log says why";
      case READY -> "The knowledge index is not ready";
    };
  }
}
