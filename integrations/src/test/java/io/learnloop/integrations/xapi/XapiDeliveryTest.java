package io.learnloop.integrations.xapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.LessonViewed;
import io.learnloop.dialog.learning.RecordAnswer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XapiDeliveryTest {

  private static final String STATEMENTS = "/xapi/statements";
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  static final SkillId LEAVE = new SkillId("leave-policy");
  static final Item LEAVE_1 =
      new Item(
          new ItemId("leave-1"),
          Language.ENGLISH,
          Set.of(LEAVE),
          "How many leave days can you carry over?",
          List.of("Five", "Ten", "None"),
          0,
          "Up to five days carry over to March.",
          "handbook/annual-leave.md#carrying-days-over");

  @TempDir Path folder;
  private final WireMockServer lrs =
      new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
  private final InMemoryLearners learners = new InMemoryLearners();
  private FileXapiOutbox outbox;
  private XapiSender sender;
  private XapiLearningRecords records;

  @BeforeEach
  void start() {
    lrs.start();
    learners.save(
        new Learner(
            new LearnerId("ayu"),
            Map.of("slack", "T0123:U0456"),
            new RoleId("analyst"),
            "finance",
            Optional.empty(),
            ZoneId.of("Asia/Jakarta"),
            Language.ENGLISH,
            new Learner.Preferences(LocalTime.of(9, 30), 2, true)));
    openOutbox();
  }

  @AfterEach
  void stop() throws Exception {
    sender.close();
    outbox.close();
    lrs.stop();
  }

  @Test
  void should_send_an_answer_as_a_complete_xapi_statement() {
    lrsAnswers(200);

    records.answered(answer(1));

    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    String id = UUID.nameUUIDFromBytes("learnloop:answer:ayu:answer-1".getBytes()).toString();
    lrs.verify(
        1,
        postRequestedFor(urlEqualTo(STATEMENTS))
            .withHeader("X-Experience-API-Version", equalTo("1.0.3"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader(
                "Authorization",
                equalTo(
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString("lrs-key:lrs-secret".getBytes(StandardCharsets.UTF_8))))
            .withRequestBody(
                equalToJson(
                    """
                    [{
                      "id": "%s",
                      "actor": {"objectType": "Agent",
                                "account": {"homePage": "https://slack.com", "name": "slack:T0123:U0456"}},
                      "verb": {"id": "http://adlnet.gov/expapi/verbs/answered",
                               "display": {"en-US": "answered"}},
                      "object": {
                        "objectType": "Activity",
                        "id": "urn:learnloop:item:leave-1",
                        "definition": {
                          "name": {"en": "How many leave days can you carry over?"},
                          "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                          "interactionType": "choice",
                          "correctResponsesPattern": ["choice-1"],
                          "choices": [
                            {"id": "choice-1", "description": {"en": "Five"}},
                            {"id": "choice-2", "description": {"en": "Ten"}},
                            {"id": "choice-3", "description": {"en": "None"}}
                          ]
                        }
                      },
                      "result": {"success": false, "response": "choice-2", "duration": "PT5.251S"},
                      "context": {
                        "platform": "LearnLoop",
                        "language": "en",
                        "contextActivities": {"grouping": [{
                          "objectType": "Activity",
                          "id": "urn:learnloop:skill:leave-policy",
                          "definition": {"type": "http://adlnet.gov/expapi/activities/objective"}
                        }]}
                      },
                      "timestamp": "2026-11-02T02:01:00.123Z"
                    }]
                    """
                        .formatted(id))));
    assertThat(sender.delivered()).isEqualTo(1);
  }

  @Test
  void should_deliver_every_statement_once_when_the_lrs_comes_back() throws IOException {
    lrsDownThenUp();

    IntStream.range(0, 7).forEach(i -> records.answered(answer(i)));
    await().atMost(PATIENCE).until(() -> lrs.getAllServeEvents().size() >= 3);
    assertThat(outbox.pending()).isEqualTo(7);
    lrs.setScenarioState("lrs", "up");

    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    assertThat(delivered()).containsExactlyInAnyOrderElementsOf(ids(0, 7));
  }

  @Test
  void should_lose_and_double_nothing_across_a_restart() throws Exception {
    lrsDownThenUp();
    lrs.setScenarioState("lrs", "up");
    IntStream.range(0, 3).forEach(i -> records.answered(answer(i)));
    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    lrs.setScenarioState("lrs", STARTED);
    IntStream.range(3, 6).forEach(i -> records.answered(answer(i)));

    closeOutbox();
    lrs.setScenarioState("lrs", "up");
    openOutbox();
    assertThat(outbox.pending()).isEqualTo(3);
    sender.wake();

    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    assertThat(delivered()).containsExactlyInAnyOrderElementsOf(ids(0, 6));
  }

  @Test
  void should_set_a_refused_statement_aside_and_deliver_the_rest_of_its_batch() throws Exception {
    lrsAnswers(200);
    XapiStatement bad = XapiStatement.of(answerStatement(4).json().deepCopy().put("verb", "oops"));
    lrs.stubFor(
        post(urlEqualTo(STATEMENTS))
            .atPriority(1)
            .withRequestBody(containing(bad.id()))
            .willReturn(aResponse().withStatus(400).withBody("{\"message\":\"verb is invalid\"}")));
    closeOutbox();
    try (FileXapiOutbox filling = FileXapiOutbox.open(folder)) {
      List<XapiStatement> batch = new ArrayList<>();
      IntStream.range(0, 8).forEach(i -> batch.add(i == 4 ? bad : answerStatement(i)));
      filling.append(batch);
    }
    openOutbox();
    sender.wake();

    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    List<String> good = ids(0, 8);
    good.remove(bad.id());
    assertThat(delivered()).containsExactlyInAnyOrderElementsOf(good);
    assertThat(outbox.deadLetters()).containsExactly(bad);
    assertThat(sender.refused()).isEqualTo(1);
  }

  @Test
  void should_send_a_lesson_as_experienced_with_the_section_as_its_activity() throws IOException {
    lrsAnswers(200);
    LessonViewed lesson =
        new LessonViewed(
            new LearnerId("ayu"),
            LEAVE,
            "handbook/annual-leave.md#carrying-days-over",
            "Annual leave › Carrying days over",
            Language.INDONESIAN,
            Instant.parse("2026-11-02T03:00:00Z"));

    records.lessonViewed(lesson);
    records.lessonViewed(lesson);

    await().atMost(PATIENCE).until(() -> outbox.pending() == 0);
    lrs.verify(
        moreThanOrExactly(1),
        postRequestedFor(urlEqualTo(STATEMENTS))
            .withRequestBody(
                equalToJson(
                    """
                    [{
                      "id": "${json-unit.any-string}",
                      "actor": {"objectType": "Agent",
                                "account": {"homePage": "https://slack.com", "name": "slack:T0123:U0456"}},
                      "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced",
                               "display": {"en-US": "experienced"}},
                      "object": {
                        "objectType": "Activity",
                        "id": "urn:learnloop:section:handbook/annual-leave.md#carrying-days-over",
                        "definition": {
                          "name": {"id": "Annual leave › Carrying days over"},
                          "type": "http://adlnet.gov/expapi/activities/lesson"
                        }
                      },
                      "context": {
                        "platform": "LearnLoop",
                        "language": "id",
                        "contextActivities": {"grouping": [{
                          "objectType": "Activity",
                          "id": "urn:learnloop:skill:leave-policy",
                          "definition": {"type": "http://adlnet.gov/expapi/activities/objective"}
                        }]}
                      },
                      "timestamp": "2026-11-02T03:00:00Z"
                    }]
                    """)));
    assertThat(Set.copyOf(delivered())).as("the same lesson twice is one statement").hasSize(1);
  }

  @Test
  void should_mint_activity_ids_under_a_public_url_with_spaces_quoted() {
    ActivityIds ids = new ActivityIds("https://learn.example.com/bot/");

    assertThat(ids.item(new ItemId("leave-1")))
        .isEqualTo("https://learn.example.com/bot/xapi/items/leave-1");
    assertThat(ids.section("handbook/travel rules.md#per-diem"))
        .isEqualTo(
            "https://learn.example.com/bot/xapi/sections/handbook/travel%20rules.md#per-diem");
  }

  private void openOutbox() {
    outbox = FileXapiOutbox.open(folder);
    LrsEndpoint endpoint =
        new LrsEndpoint(URI.create(lrs.baseUrl() + "/xapi/"), "lrs-key", "lrs-secret");
    sender =
        new XapiSender(
            outbox,
            new LrsClient(endpoint, Duration.ofSeconds(5)),
            50,
            Duration.ofMillis(10),
            Duration.ofMillis(50));
    records =
        new XapiLearningRecords(
            new XapiStatements(new ActivityIds(ActivityIds.DEFAULT_BASE), "http://localhost"),
            learners,
            id -> id.equals(LEAVE_1.id()) ? Optional.of(LEAVE_1) : Optional.empty(),
            outbox,
            sender);
  }

  private void closeOutbox() throws Exception {
    sender.close();
    outbox.close();
  }

  private void lrsAnswers(int status) {
    lrs.stubFor(post(urlEqualTo(STATEMENTS)).willReturn(aResponse().withStatus(status)));
  }

  private void lrsDownThenUp() {
    lrs.stubFor(
        post(urlEqualTo(STATEMENTS))
            .inScenario("lrs")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));
    lrs.stubFor(
        post(urlEqualTo(STATEMENTS))
            .inScenario("lrs")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody("[]")));
  }

  /** The ids of every statement the LRS accepted, once per time it accepted it. */
  private List<String> delivered() throws IOException {
    return delivered(lrs);
  }

  /** The ids of every statement {@code lrs} accepted, once per time it accepted it. */
  static List<String> delivered(WireMockServer lrs) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    for (ServeEvent event : lrs.getAllServeEvents()) {
      if (event.getResponse().getStatus() / 100 == 2) {
        for (JsonNode statement : json.readTree(event.getRequest().getBodyAsString())) {
          ids.add(statement.path("id").asText());
        }
      }
    }
    return ids;
  }

  private static List<String> ids(int from, int to) {
    List<String> ids = new ArrayList<>();
    IntStream.range(from, to).forEach(i -> ids.add(answerStatement(i).id()));
    return ids;
  }

  private static XapiStatement answerStatement(int i) {
    return new XapiStatements(new ActivityIds(ActivityIds.DEFAULT_BASE), "http://localhost")
        .answered(answer(i), Optional.of(LEAVE_1), Optional.empty());
  }

  private static RecordAnswer answer(int i) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId("ayu:answer-" + i),
            new LearnerId("ayu"),
            LEAVE_1.id(),
            i % 3,
            i % 3 == 0,
            Duration.ofMillis(5_250 + i),
            Instant.parse("2026-11-02T02:00:00.123456789Z").plus(Duration.ofMinutes(i)),
            AnswerContext.DAILY),
        Set.of(LEAVE),
        "finance",
        ZoneId.of("Asia/Jakarta"));
  }
}
