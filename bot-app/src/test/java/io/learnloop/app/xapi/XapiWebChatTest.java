package io.learnloop.app.xapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.learnloop.app.TestDataDir;
import io.learnloop.app.WebChatClient;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A quiz answer in the web chat reaches the LRS as an xAPI statement. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class XapiWebChatTest {

  private static final WireMockServer lrs =
      new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    if (!lrs.isRunning()) {
      lrs.start();
      lrs.stubFor(
          post(urlEqualTo("/lrs/statements"))
              .willReturn(aResponse().withStatus(200).withBody("[]")));
    }
    registry.add("learnloop.xapi.lrs-url", () -> lrs.baseUrl() + "/lrs/");
    registry.add("learnloop.xapi.username", () -> "learnloop");
    registry.add("learnloop.xapi.password", () -> "lrs-secret");
    registry.add("learnloop.xapi.first-backoff", () -> "50ms");
  }

  @AfterAll
  static void stopLrs() {
    lrs.stop();
  }

  @Autowired LearningContent content;
  @Autowired TestRestTemplate http;
  @LocalServerPort int port;

  @Test
  void should_send_the_statement_of_a_quiz_answer_to_the_lrs() throws Exception {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    String cardId = card.at("/quiz/cardId").asText();

    browser.click(card, 0);
    browser.click(card, 1);

    String id =
        UUID.nameUUIDFromBytes(("learnloop:answer:" + cardId).getBytes(StandardCharsets.UTF_8))
            .toString();
    await().atMost(Duration.ofSeconds(20)).until(() -> statements(id).size() == 1);
    JsonNode statement = statements(id).get(0);
    String itemId = statement.at("/object/id").asText().substring("urn:learnloop:item:".length());
    Item item = content.catalog().orElseThrow().item(new ItemId(itemId)).orElseThrow();
    assertThat(item.question()).isEqualTo(card.at("/quiz/stem").asText());
    assertThat(statement.at("/verb/id").asText())
        .isEqualTo("http://adlnet.gov/expapi/verbs/answered");
    assertThat(statement.at("/actor/account/homePage").asText()).isEqualTo("http://localhost");
    assertThat(statement.at("/actor/account/name").asText())
        .isEqualTo("web:local:" + browser.session());
    assertThat(statement.at("/object/definition/choices")).hasSize(item.choices().size());
    assertThat(statement.at("/object/definition/correctResponsesPattern/0").asText())
        .isEqualTo("choice-" + (item.answer() + 1));
    assertThat(statement.at("/result/response").asText())
        .as("the first press counts")
        .isEqualTo("choice-1");
    assertThat(statement.at("/result/success").asBoolean()).isEqualTo(item.answer() == 0);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                http.getForObject("/actuator/health", JsonNode.class)
                        .at("/components/xapi/details/pending")
                        .asInt(-1)
                    == 0);
    assertThat(statements(id)).as("the double click is not a second statement").hasSize(1);
  }

  /** Every statement with this id the LRS received. */
  private static List<JsonNode> statements(String id) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> found = new ArrayList<>();
    for (LoggedRequest request :
        lrs.findAll(
            com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlEqualTo("/lrs/statements")))) {
      assertThat(request.getHeader("X-Experience-API-Version")).isEqualTo("1.0.3");
      for (JsonNode statement : json.readTree(request.getBodyAsString())) {
        if (statement.path("id").asText().equals(id)) {
          found.add(statement);
        }
      }
    }
    return found;
  }
}
