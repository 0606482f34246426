package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An unreachable REDIS_URL and a broken quiz bank: the bot still starts and health says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DegradedStartTest {

  static final String UNREACHABLE = "redis://:secret@127.0.0.1:1";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("learnloop.data-dir", TestDataDir::create);
    registry.add("learnloop.redis.url", () -> UNREACHABLE);
    registry.add("learnloop.redis.command-timeout", () -> "500ms");
    registry.add("learnloop.content.dir", DegradedStartTest::brokenContent);
  }

  static String brokenContent() {
    try {
      Path root = Files.createTempDirectory("learnloop-broken-content");
      Files.createDirectories(root.resolve("handbook"));
      Files.copy(Path.of("../content/roles.yaml"), root.resolve("roles.yaml"));
      Files.writeString(
          root.resolve("quiz-bank.yaml"), "items:\n  - id: broken\n    choices: [a, b\n");
      return root.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Autowired TestRestTemplate http;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void should_report_each_failing_component_with_its_reason() {
    ResponseEntity<JsonNode> response = http.getForEntity("/actuator/health", JsonNode.class);
    JsonNode health = response.getBody();

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(health.at("/components/redis/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/redis/details/url").asText())
        .isEqualTo("redis://127.0.0.1:1");
    assertThat(health.at("/components/redis/details/error").asText())
        .contains("unreachable")
        .doesNotContain("secret");
    assertThat(health.at("/components/content/status").asText()).isEqualTo("DOWN");
    assertThat(health.at("/components/content/details/error").asText())
        .matches(".*quiz-bank\\.yaml:4: not valid YAML.*");
  }

  @Test
  void should_still_answer_in_the_web_chat_without_saving() {
    JsonNode reply = new WebChatClient(port, "en").say("help");

    assertThat(reply.at("/messages/0/message/text").asText()).startsWith("Hi! I'm LearnLoop.");
    assertThat(reply.at("/historySaved").asBoolean()).isFalse();
  }

  @Test
  void should_say_the_history_is_unavailable_without_internals() {
    java.net.http.HttpResponse<String> response =
        new WebChatClient(port, "en")
            .send("/api/chat", "application/json", "{\"text\":\"quiz\"}", null);
    ResponseEntity<JsonNode> history = http.getForEntity("/api/chat/history", JsonNode.class);

    assertThat(history.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(history.getBody().at("/error").asText())
        .contains("history is unavailable")
        .doesNotContain("redis");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("redis://").doesNotContain("Exception");
  }
}
