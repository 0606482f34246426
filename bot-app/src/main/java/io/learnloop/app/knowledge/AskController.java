package io.learnloop.app.knowledge;

import io.learnloop.dialog.i18n.Language;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Answers a question from the docs with citations, for other tools and the web chat. */
@RestController
class AskController {

  private final KnowledgeService knowledge;

  AskController(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  record AskRequest(String question, String user) {}

  @PostMapping("/api/ask")
  ResponseEntity<?> ask(@RequestBody AskRequest request) {
    String question = request.question() == null ? "" : request.question();
    String language = Language.detect(question).code();
    return knowledge
        .ask(question, request.user(), language)
        .<ResponseEntity<?>>map(answer -> ResponseEntity.ok(AskResponse.of(answer)))
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", notReady())));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badQuestion(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  private String notReady() {
    return switch (knowledge.state()) {
      case INDEXING ->
          String.format(
              "The knowledge index is not ready yet (%.0f%% indexed); try again shortly",
              100 * knowledge.progress());
      case FAILED -> "The knowledge index is unavailable: " + knowledge.problem();
      case READY -> "The knowledge index is not ready";
    };
  }
}
