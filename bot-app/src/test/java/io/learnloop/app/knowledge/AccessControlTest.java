package io.learnloop.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.app.TestDataDir;
import io.learnloop.app.WebChatClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Who reads a group's documents is decided on the server: claiming a member's id in a request body
 * reads public documents only, through every endpoint; the API token lets a trusted caller act for
 * a member.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessControlTest {

  private static final String TOKEN = "portal-secret-7f3a";
  private static final String RESTRICTED = "performance-reviews-for-managers.md";
  private static final String QUESTION =
      "When is the mid-year performance review and does it produce a rating?";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    registry.add("learnloop.knowledge.groups.people-managers[0]", () -> "rina");
    registry.add("learnloop.api.token", () -> TOKEN);
  }

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @BeforeEach
  void awaitIndex() {
    AskApiTest.awaitKnowledgeReady(http);
  }

  @Test
  void should_answer_a_trusted_caller_acting_for_a_member_from_the_groups_document() {
    JsonNode body = ask("{\"question\":\"" + QUESTION + "\",\"user\":\"rina\"}", TOKEN);

    assertThat(body.at("/citations/0/source").asText()).isEqualTo(RESTRICTED);
  }

  @Test
  void should_never_cite_a_groups_document_for_a_claimed_member_id() {
    JsonNode ask = ask("{\"question\":\"" + QUESTION + "\",\"user\":\"rina\"}", null);
    JsonNode chat =
        WebChatClient.json(
            new WebChatClient(port, "en")
                .send(
                    "/api/chat",
                    "application/json",
                    "{\"text\":\"" + QUESTION + "\",\"user\":\"rina\"}",
                    null));

    assertThat(ask.toString())
        .doesNotContain(RESTRICTED)
        .doesNotContain("mid-year review takes place");
    assertThat(chat.toString())
        .doesNotContain(RESTRICTED)
        .doesNotContain("mid-year review takes place");
  }

  @Test
  void should_answer_in_the_web_chat_for_a_member_a_trusted_caller_names() {
    JsonNode chat =
        WebChatClient.json(
            new WebChatClient(port, "en")
                .send(
                    "/api/chat",
                    "application/json",
                    "{\"text\":\"" + QUESTION + "\",\"user\":\"rina\"}",
                    TOKEN));

    assertThat(chat.at("/messages/0/message/citations/0/source").asText()).isEqualTo(RESTRICTED);
  }

  @Test
  void should_not_serve_a_groups_document_to_anyone_else_nor_quiz_them_on_it() {
    WebChatClient stranger = new WebChatClient(port, "en");
    JsonNode quiz =
        WebChatClient.json(
            stranger.send(
                "/api/chat",
                "application/json",
                "{\"action\":{\"id\":\"answer.quiz-me\",\"value\":\"" + RESTRICTED + "\"}}",
                null));

    assertThat(http.getForEntity("/docs/" + RESTRICTED, String.class).getStatusCode().value())
        .isEqualTo(404);
    assertThat(
            http.getForEntity("/docs/" + RESTRICTED + "?user=rina", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertThat(quiz.at("/messages/0/message/kind").asText()).isEqualTo("notice");
    assertThat(quiz.toString()).doesNotContain("review").doesNotContain("rating");
    assertThat(http.getForEntity("/docs/annual-leave.md", String.class).getStatusCode().value())
        .isEqualTo(200);
  }

  @Test
  void should_serve_a_groups_document_to_a_trusted_caller_acting_for_a_member() {
    HttpResponse<String> page =
        new WebChatClient(port, "en").get("/docs/" + RESTRICTED + "?user=rina", TOKEN);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("mid-year review");
  }

  @Test
  void should_refuse_a_wrong_token_and_answer_nothing() {
    HttpResponse<String> response =
        new WebChatClient(port, "en")
            .send(
                "/api/ask",
                "application/json",
                "{\"question\":\"" + QUESTION + "\",\"user\":\"rina\"}",
                "guess");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain(RESTRICTED);
  }

  private JsonNode ask(String body, String token) {
    HttpResponse<String> response =
        new WebChatClient(port, "en").send("/api/ask", "application/json", body, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return WebChatClient.json(response);
  }
}
