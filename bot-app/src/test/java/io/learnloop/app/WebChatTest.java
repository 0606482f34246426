package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
  }

  @Autowired TestRestTemplate http;

  @Test
  void should_serve_the_chat_page_at_the_root() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<title>LearnLoop</title>").contains("chat.js");
    assertThat(http.getForEntity("/chat.js", String.class).getBody()).contains("api/chat");
  }

  @Test
  void should_reply_and_keep_both_turns_in_the_history() {
    String user = UUID.randomUUID().toString();

    JsonNode reply =
        http.postForObject("/api/chat", Map.of("user", user, "text", "bantuan"), JsonNode.class);
    JsonNode history = http.getForObject("/api/chat/history?user=" + user, JsonNode.class);

    assertThat(reply.at("/reply/language").asText()).isEqualTo("id");
    assertThat(reply.at("/reply/text").asText())
        .isEqualTo(Messages.get(Language.INDONESIAN, "help.text"));
    assertThat(reply.at("/historySaved").asBoolean()).isTrue();
    assertThat(history.at("/turns")).hasSize(2);
    assertThat(history.at("/turns/0/speaker").asText()).isEqualTo("learner");
    assertThat(history.at("/turns/0/text").asText()).isEqualTo("bantuan");
    assertThat(history.at("/turns/1/speaker").asText()).isEqualTo("bot");
  }

  @Test
  void should_refuse_an_empty_message_in_the_browsers_language() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, "id");
    ResponseEntity<JsonNode> response =
        http.postForEntity(
            "/api/chat",
            new HttpEntity<>(Map.of("user", "u1", "text", "  "), headers),
            JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().at("/error").asText()).isEqualTo("Silakan ketik pesan.");
  }

  @Test
  void should_refuse_a_message_without_a_user() {
    ResponseEntity<JsonNode> response =
        http.postForEntity("/api/chat", Map.of("text", "hello"), JsonNode.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().at("/error").asText()).contains("'user' is required");
  }

  @Test
  void should_report_redis_and_content_up_in_health() {
    JsonNode health = http.getForObject("/actuator/health", JsonNode.class);

    assertThat(health.at("/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/redis/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/redis/details/mode").asText()).isEqualTo("embedded");
    assertThat(health.at("/components/content/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/content/details/items").asInt()).isGreaterThanOrEqualTo(40);
  }
}
