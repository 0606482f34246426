package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

// Metrics export is off in Spring tests unless asked for; the bot runs with it on.
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(
    tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebChatTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
  }

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void should_serve_the_chat_page_at_the_root() {
    ResponseEntity<String> page = http.getForEntity("/", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("<title>LearnLoop</title>").contains("chat.js");
    assertThat(http.getForEntity("/chat.js", String.class).getBody()).contains("api/chat");
    assertThat(http.getForEntity("/favicon.svg", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void should_reply_and_keep_both_turns_in_the_history() {
    WebChatClient browser = new WebChatClient(port, "id");

    JsonNode reply = browser.say("bantuan");
    JsonNode history = browser.history();

    JsonNode message = reply.at("/messages/0/message");
    assertThat(message.at("/kind").asText()).isEqualTo("notice");
    assertThat(message.at("/language").asText()).isEqualTo("id");
    assertThat(message.at("/text").asText())
        .isEqualTo(Messages.get(Language.INDONESIAN, "help.text"));
    assertThat(reply.at("/historySaved").asBoolean()).isTrue();
    assertThat(history.at("/turns")).hasSize(2);
    assertThat(history.at("/turns/0/speaker").asText()).isEqualTo("learner");
    assertThat(history.at("/turns/0/text").asText()).isEqualTo("bantuan");
    assertThat(history.at("/turns/1/speaker").asText()).isEqualTo("bot");
    assertThat(history.at("/turns/1/message/id").asText()).isEqualTo(message.at("/id").asText());
    assertThat(history.at("/welcome").isMissingNode()).isTrue();
  }

  @Test
  void should_welcome_a_new_browser_in_its_language() {
    JsonNode english = new WebChatClient(port, "en-GB").history();
    JsonNode indonesian = new WebChatClient(port, "id-ID").history();

    assertThat(english.at("/turns")).isEmpty();
    assertThat(english.at("/welcome/text").asText())
        .isEqualTo(Messages.get(Language.ENGLISH, "welcome.text"));
    assertThat(indonesian.at("/welcome/text").asText())
        .isEqualTo(Messages.get(Language.INDONESIAN, "welcome.text"));
  }

  @Test
  void should_keep_each_browser_to_its_own_conversation_whatever_user_it_claims() {
    WebChatClient ayu = new WebChatClient(port, "en");
    ayu.say("help");
    WebChatClient other = new WebChatClient(port, "en");

    HttpResponse<String> claim =
        other.send(
            "/api/chat",
            "application/json",
            "{\"text\":\"help\",\"user\":\"" + ayu.session() + "\"}",
            null);

    assertThat(claim.statusCode()).isEqualTo(200);
    assertThat(other.session()).isNotEqualTo(ayu.session());
    assertThat(ayu.history().at("/turns")).hasSize(2);
    assertThat(other.history().at("/turns")).hasSize(2);
  }

  @Test
  void should_refuse_an_empty_message_in_the_browsers_language() {
    HttpResponse<String> response =
        new WebChatClient(port, "id")
            .send("/api/chat", "application/json", "{\"text\":\"  \"}", null);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(WebChatClient.json(response).at("/error").asText())
        .isEqualTo("Silakan ketik pesan.");
  }

  @Test
  void should_give_every_bad_request_the_same_error_shape() {
    WebChatClient browser = new WebChatClient(port, "en");

    assertError(browser.send("/api/chat", "application/json", "{\"text\": ", null), 400, "JSON");
    assertError(
        browser.send("/api/chat", "application/json", "{\"text\": 42}", null), 400, "'text'");
    assertError(
        browser.send("/api/ask", "application/json", "{\"question\": 42}", null),
        400,
        "'question'");
    assertError(browser.send("/api/chat", "application/json", "{}", null), 400, "exactly one");
    assertError(
        browser.send(
            "/api/chat", "application/json", "{\"text\":\"hi\",\"command\":\"quiz\"}", null),
        400,
        "exactly one");
    assertError(browser.send("/api/ask", "application/json", "{}", null), 400, "'question'");
    assertError(browser.send("/api/chat", "text/plain", "hello", null), 415, "application/json");
    assertError(
        browser.send(
            "/api/chat", "application/json", "{\"text\":\"" + "a".repeat(70_000) + "\"}", null),
        413,
        "64 KiB");
    assertError(
        browser.send("/api/chat", "application/json", "{\"command\":\"dance\"}", null),
        400,
        "Unknown command");
  }

  @Test
  void should_refuse_a_wrong_api_token() {
    HttpResponse<String> response =
        new WebChatClient(port, "en")
            .send("/api/ask", "application/json", "{\"question\":\"leave?\"}", "not-the-token");

    assertError(response, 401, "API token");
  }

  @Test
  void should_describe_the_public_api_as_openapi_and_expose_prometheus_metrics() {
    JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
    new WebChatClient(port, "en").say("help");
    String metrics = http.getForObject("/actuator/prometheus", String.class);

    assertThat(api.at("/openapi").asText()).startsWith("3.");
    assertThat(api.at("/paths").has("/api/ask")).isTrue();
    assertThat(api.at("/paths").has("/api/chat")).isTrue();
    assertThat(api.at("/paths").has("/api/chat/history")).isTrue();
    assertThat(metrics).contains("learnloop_replies_seconds_count{kind=\"notice\"");
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

  private static void assertError(HttpResponse<String> response, int status, String says) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = WebChatClient.json(response);
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.at("/error").asText()).contains(says);
  }
}
