package io.learnloop.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnloop.app.TestDataDir;
import io.learnloop.app.WebChatClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AskApiTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("learnloop.data-dir", TestDataDir::create);
    registry.add("learnloop.content.dir", () -> "../content");
    registry.add("learnloop.redis.url", () -> "");
  }

  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @BeforeEach
  void awaitIndex() {
    awaitKnowledgeReady(http);
  }

  static void awaitKnowledgeReady(TestRestTemplate http) {
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                "ready"
                    .equals(
                        http.getForObject("/actuator/health", JsonNode.class)
                            .at("/components/knowledge/details/state")
                            .asText()));
  }

  @Test
  void should_answer_with_the_documented_json_shape() {
    JsonNode body =
        http.postForObject(
            "/api/ask",
            Map.of("question", "What should I do if my laptop is stolen?", "user", "u-1"),
            JsonNode.class);

    assertThat(body.at("/mode").asText()).isEqualTo("extractive");
    assertThat(body.at("/abstained").asBoolean()).isFalse();
    assertThat(body.at("/answer").asText()).contains("[1]");
    JsonNode citation = body.at("/citations/0");
    assertThat(citation.at("/source").asText()).isEqualTo("security-basics.md");
    assertThat(citation.at("/title").asText()).isNotBlank();
    assertThat(citation.at("/section").asText()).isNotBlank();
    assertThat(citation.at("/url").asText()).startsWith("/docs/security-basics.md#");
    assertThat(citation.at("/score").isNumber()).isTrue();
  }

  @Test
  void should_serve_the_cited_document() {
    JsonNode body =
        http.postForObject(
            "/api/ask",
            Map.of("question", "How many annual leave days can I carry over?"),
            JsonNode.class);
    String url = body.at("/citations/0/url").asText();

    ResponseEntity<String> document =
        http.getForEntity(url.substring(0, url.indexOf('#')), String.class);

    assertThat(document.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(document.getHeaders().getContentType().toString()).startsWith("text/html");
    String anchor = url.substring(url.indexOf('#') + 1);
    assertThat(document.getBody())
        .contains("id=\"" + anchor + "\"")
        .contains("<title>Annual leave")
        .doesNotContain("title: ")
        .doesNotContain("## ");
  }

  @Test
  void should_not_serve_files_outside_the_docs_folder() {
    ResponseEntity<String> escape = http.getForEntity("/docs/../roles.yaml", String.class);
    ResponseEntity<String> encoded = http.getForEntity("/docs/%2e%2e/roles.yaml", String.class);

    assertThat(escape.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(encoded.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.BAD_REQUEST);
    assertThat(encoded.getBody()).doesNotContain("roles:");
  }

  @Test
  void should_abstain_on_questions_the_docs_do_not_answer() {
    JsonNode body =
        http.postForObject(
            "/api/ask", Map.of("question", "Can I bring my cat to the office?"), JsonNode.class);

    assertThat(body.at("/abstained").asBoolean()).isTrue();
    assertThat(body.at("/citations")).isEmpty();
  }

  @Test
  void should_refuse_empty_and_overlong_questions_with_a_clear_error() {
    ResponseEntity<JsonNode> empty =
        http.postForEntity("/api/ask", Map.of("question", " "), JsonNode.class);
    ResponseEntity<JsonNode> overlong =
        http.postForEntity("/api/ask", Map.of("question", "a".repeat(2001)), JsonNode.class);

    assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(empty.getBody().at("/error").asText()).isEqualTo("The question is empty");
    assertThat(overlong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(overlong.getBody().at("/error").asText()).contains("limit is 2000");
  }

  @Test
  void should_answer_in_the_web_chat_with_citations() {
    JsonNode reply =
        new WebChatClient(port, null)
            .say("Berapa hari cuti sakit tanpa surat dokter?")
            .at("/messages/0/message");

    assertThat(reply.at("/kind").asText()).isEqualTo("answer");
    assertThat(reply.at("/language").asText()).isEqualTo("id");
    // The reply gate may add its caveat; either way the reply is in Indonesian and holds the rule.
    assertThat(reply.at("/text").asText())
        .matches("(?s)(Ini yang tertulis di dokumen:|Saya tidak yakin dokumen benar-benar).*")
        .contains("Anda tidak perlu menyerahkan surat keterangan dokter");
    assertThat(reply.at("/citations/0/source").asText()).isEqualTo("cuti-sakit-dan-izin.md");
    assertThat(reply.at("/citations/0/label").asText()).contains(" › ");
    assertThat(reply.at("/actions").toString()).contains("answer.helpful");
  }
}
