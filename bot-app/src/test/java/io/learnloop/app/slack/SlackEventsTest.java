package io.learnloop.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.learnloop.app.TestDataDir;
import io.learnloop.app.WebChatClient;
import io.learnloop.app.coaching.Coaching;
import io.learnloop.dialog.coaching.NudgeSchedule;
import io.learnloop.dialog.conversation.DailyQuiz;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Slack end to end: signed, real-shaped payloads to {@code /slack/events} on a real port, and the
 * exact Web API calls and Block Kit bodies LearnLoop makes in return, against WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SlackWorkspace.Initializer.class)
@Import(SlackWorkspace.Recording.class)
class SlackEventsTest {

  private static final String QUESTION = "How many annual leave days can I carry over?";
  private static final AtomicLong clock = new AtomicLong(1_733_200_000_000L);

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired DailyQuiz daily;
  @Autowired io.learnloop.dialog.conversation.Assistant assistant;
  @Autowired Learners learners;
  @Autowired Roster roster;
  @Autowired Coaching coaching;

  @BeforeEach
  void awaitIndex() {
    TestDataDir.awaitKnowledgeReady(http);
  }

  @Test
  void should_answer_a_direct_message_with_sources_and_buttons_while_showing_it_is_working() {
    String user = newUser();
    String dm = "D" + user;
    String ts = nextTs();

    HttpResponse<String> response =
        SlackWorkspace.signedJson(
            port, event(SlackWorkspace.directMessage(user, dm, ts, QUESTION)));

    assertThat(response.statusCode()).isEqualTo(200);
    LoggedRequest posted = awaitOne("chat.postMessage", dm);
    Map<String, String> form = SlackWorkspace.form(posted);
    assertThat(form).doesNotContainKey("thread_ts");
    assertThat(form.get("text")).isNotBlank();
    JsonNode blocks = SlackWorkspace.blocks(posted);
    assertThat(blocks.get(0).path("type").asText()).isEqualTo("section");
    assertThat(texts(blocks, "context"))
        .anySatisfy(
            source ->
                assertThat(source)
                    .startsWith("[1] <https://learnloop.example.com/docs/")
                    .contains("|"));
    assertThat(actionIds(blocks))
        .anyMatch(id -> id.startsWith("answer.helpful#"))
        .anyMatch(id -> id.startsWith("answer.not-helpful#"))
        .anyMatch(id -> id.startsWith("answer.quiz-me#"));
    assertThat(blocks.toString()).doesNotContain("Reply with").doesNotContain("| ---");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(callsIn("reactions.add", dm)).hasSize(1);
              assertThat(callsIn("reactions.remove", dm)).hasSize(1);
            });
    Map<String, String> eyes = SlackWorkspace.form(callsIn("reactions.add", dm).get(0));
    assertThat(eyes).containsEntry("name", "eyes").containsEntry("timestamp", ts);
  }

  @Test
  void should_open_the_settings_as_a_modal_and_save_what_it_submits() {
    String user = newUser();
    String dm = "D" + user;
    String trigger = trigger();

    SlackWorkspace.signedForm(port, SlackWorkspace.slashCommand(user, dm, "settings", trigger));

    LoggedRequest opened = awaitOne("views.open", trigger);
    JsonNode view = SlackWorkspace.json(SlackWorkspace.form(opened).get("view"));
    assertThat(view.path("type").asText()).isEqualTo("modal");
    assertThat(view.path("callback_id").asText()).isEqualTo("settings");
    assertThat(view.path("private_metadata").asText()).isEqualTo(dm);
    assertThat(view.path("title").path("text").asText().length()).isLessThanOrEqualTo(24);
    JsonNode blocks = view.path("blocks");
    assertThat(blocks.findValuesAsText("block_id"))
        .containsExactly("time", "days", "language", "paused", "next_role");
    assertThat(blocks.get(0).path("element").path("type").asText()).isEqualTo("timepicker");
    assertThat(blocks.get(0).path("element").path("initial_time").asText()).isEqualTo("09:30");
    JsonNode nextRole = blocks.get(4).path("element");
    assertThat(nextRole.path("type").asText()).isEqualTo("static_select");
    assertThat(nextRole.path("options").findValuesAsText("value"))
        .as("none, then every bundled role but the learner's own")
        .containsExactly(
            "-",
            "sales-executive",
            "customer-support",
            "software-engineer",
            "people-manager",
            "risk-analyst");
    assertThat(nextRole.path("initial_option").path("value").asText()).isEqualTo("-");
    assertThat(blocks.get(1).path("element").path("options")).hasSize(7);
    assertThat(blocks.get(1).path("element").path("initial_options").findValuesAsText("value"))
        .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
    assertThat(blocks.get(2).path("element").path("initial_option").path("value").asText())
        .isEqualTo("en");
    assertThat(blocks.get(3).path("optional").asBoolean()).isTrue();
    assertThat(callsIn("chat.postMessage", dm)).as("a modal, not a message").isEmpty();

    HttpResponse<String> saved =
        SlackWorkspace.signedForm(
            port,
            SlackWorkspace.viewSubmission(
                user,
                dm,
                "V0SETTINGS1",
                Map.of(
                    "time",
                    "07:30",
                    "days",
                    "MONDAY,FRIDAY",
                    "language",
                    "id",
                    "paused",
                    "",
                    "next_role",
                    "people-manager")));

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).as("the modal closes").isEmpty();
    LoggedRequest confirmed = awaitOne("chat.postMessage", dm);
    assertThat(SlackWorkspace.form(confirmed).get("text"))
        .startsWith("Tersimpan.")
        .contains("07:30")
        .contains("Sen, Jum")
        .contains("peran berikutnya: Manajer tim");
    Learner learner =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user).orElseThrow();
    assertThat(learner.preferences().nextRole())
        .contains(new io.learnloop.dialog.catalog.RoleId("people-manager"));
    assertThat(learner.preferences().quizDays())
        .containsExactlyInAnyOrder(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.FRIDAY);
    assertThat(learner.preferences().paused()).isFalse();
  }

  @Test
  void should_refuse_forged_stale_and_unsigned_requests_and_do_nothing() {
    String user = newUser();
    String dm = "D" + user;
    String body = event(SlackWorkspace.directMessage(user, dm, nextTs(), QUESTION));
    long now = Instant.now().getEpochSecond();

    HttpResponse<String> forged =
        SlackWorkspace.send(
            port,
            body,
            "application/json",
            now,
            false,
            Map.of(
                "X-Slack-Request-Timestamp",
                "" + now,
                "X-Slack-Signature",
                "v0=" + "ab".repeat(32)));
    HttpResponse<String> stale =
        SlackWorkspace.send(port, body, "application/json", now - 301, true, Map.of());
    HttpResponse<String> unsigned =
        SlackWorkspace.send(port, body, "application/json", now, false, Map.of());
    String tampered = body.replace(QUESTION, "What is the office wifi password?");
    HttpResponse<String> bodyChanged =
        SlackWorkspace.send(
            port,
            tampered,
            "application/json",
            now,
            false,
            Map.of(
                "X-Slack-Request-Timestamp",
                "" + now,
                "X-Slack-Signature",
                SlackWorkspace.signature("" + now, body)));

    assertThat(List.of(forged, stale, unsigned, bodyChanged))
        .extracting(HttpResponse::statusCode)
        .containsOnly(401);
    String sentinel = answeredSentinel();
    assertThat(sentinel).isNotBlank();
    assertThat(callsIn("chat.postMessage", dm)).isEmpty();
    assertThat(callsIn("reactions.add", dm)).isEmpty();
    assertThat(callsIn("users.info", user)).isEmpty();
  }

  @Test
  void should_verify_and_answer_an_indonesian_message_with_emoji() {
    String user = newUser();
    String dm = "D" + user;

    HttpResponse<String> response =
        SlackWorkspace.signedJson(
            port,
            event(
                SlackWorkspace.directMessage(
                    user, dm, nextTs(), "Berapa hari cuti tahunan yang bisa dibawa? 🌴🙏")));

    assertThat(response.statusCode()).isEqualTo(200);
    LoggedRequest posted = awaitOne("chat.postMessage", dm);
    assertThat(SlackWorkspace.blocks(posted).toString()).contains("[1]");
  }

  @Test
  void should_answer_a_retried_event_once() {
    String user = newUser();
    String dm = "D" + user;
    String body = event(SlackWorkspace.directMessage(user, dm, nextTs(), QUESTION));

    HttpResponse<String> first = SlackWorkspace.signedJson(port, body);
    HttpResponse<String> retry =
        SlackWorkspace.send(
            port,
            body,
            "application/json",
            Instant.now().getEpochSecond(),
            true,
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    awaitOne("chat.postMessage", dm);
    answeredSentinel();
    assertThat(callsIn("chat.postMessage", dm)).hasSize(1);
  }

  @Test
  void should_ignore_messages_from_bots() {
    String user = newUser();
    String dm = "D" + user;
    String fromBot =
        "{\"type\":\"message\",\"subtype\":\"bot_message\",\"text\":\"How many leave days?\","
            + "\"bot_id\":\"B0OTHER001\",\"ts\":\""
            + nextTs()
            + "\",\"channel\":\""
            + dm
            + "\",\"event_ts\":\"1733000000.000001\",\"channel_type\":\"im\"}";

    assertThat(SlackWorkspace.signedJson(port, event(fromBot)).statusCode()).isEqualTo(200);

    answeredSentinel();
    assertThat(callsIn("chat.postMessage", dm)).isEmpty();
  }

  @Test
  void should_answer_a_mention_in_its_thread() {
    String user = newUser();
    String channel = "C" + user;
    String ts = nextTs();

    assertThat(
            SlackWorkspace.signedJson(port, event(mention(user, channel, ts, QUESTION)))
                .statusCode())
        .isEqualTo(200);

    Map<String, String> form = SlackWorkspace.form(awaitOne("chat.postMessage", channel));
    assertThat(form).containsEntry("thread_ts", ts);
    assertThat(form.get("blocks")).contains("[1]");
  }

  @Test
  void should_answer_a_slash_command_privately_and_share_it_on_request() {
    String user = newUser();
    String channel = "C" + user;

    HttpResponse<String> ack =
        SlackWorkspace.signedForm(
            port, SlackWorkspace.slashCommand(user, channel, "ask " + QUESTION, trigger()));

    assertThat(ack.statusCode()).isEqualTo(200);
    LoggedRequest ephemeral = awaitOne("chat.postEphemeral", channel);
    assertThat(SlackWorkspace.form(ephemeral)).containsEntry("user", user);
    JsonNode blocks = SlackWorkspace.blocks(ephemeral);
    assertThat(texts(blocks, "context")).anySatisfy(t -> assertThat(t).contains(QUESTION));
    assertThat(callsIn("chat.postMessage", channel)).isEmpty();
    JsonNode share = button(blocks, "slack.share#");

    String trigger = trigger();
    press(user, channel, "1733000001.000001", true, share, trigger);

    LoggedRequest shared = awaitOne("chat.postMessage", channel);
    assertThat(SlackWorkspace.form(shared).get("blocks")).contains(QUESTION).contains("[1]");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        SlackWorkspace.api()
                            .findAll(
                                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                                    urlEqualTo("/response-url/actions/" + trigger))))
                    .singleElement()
                    .satisfies(r -> assertThat(r.getBodyAsString()).contains("delete_original")));
  }

  @Test
  void should_update_the_quiz_card_in_place_and_count_a_double_click_once() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.signedForm(port, SlackWorkspace.slashCommand(user, dm, "quiz", trigger()));
    LoggedRequest card = awaitOne("chat.postMessage", dm);
    String cardTs = SlackWorkspace.json(responseOf(card)).path("ts").asText();
    JsonNode choice = button(SlackWorkspace.blocks(card), "quiz.choice#");

    for (int click = 0; click < 2; click++) {
      press(user, dm, cardTs, false, choice, trigger());
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(callsIn("chat.update", dm)).hasSize(2));
    for (LoggedRequest update : callsIn("chat.update", dm)) {
      assertThat(SlackWorkspace.form(update)).containsEntry("ts", cardTs);
      assertThat(SlackWorkspace.form(update).get("blocks")).contains(":white_check_mark:");
    }
    assertThat(callsIn("chat.update", dm).get(1).getBodyAsString())
        .as("the second click is told its first answer counted")
        .isNotEqualTo(callsIn("chat.update", dm).get(0).getBodyAsString());
  }

  @Test
  void should_publish_the_app_home_with_the_view_hash() {
    String user = newUser();
    assertThat(
            SlackWorkspace.signedJson(port, event(homeOpened(user, "1733000000.0a1b2c3d")))
                .statusCode())
        .isEqualTo(200);

    LoggedRequest published = awaitOne("views.publish", user);
    Map<String, String> form = SlackWorkspace.form(published);
    assertThat(form).containsEntry("user_id", user).containsEntry("hash", "1733000000.0a1b2c3d");
    JsonNode view = SlackWorkspace.json(form.get("view"));
    assertThat(view.path("type").asText()).isEqualTo("home");
    assertThat(view.path("blocks").size()).isBetween(2, 100);
    assertThat(view.path("blocks").get(0).path("type").asText()).isEqualTo("header");
  }

  @Test
  void should_retry_a_web_api_that_fails_and_deliver_once() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing(dm))
                .inScenario("flaky-" + user)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody("upstream error"))
                .willSetStateTo("second")
                .atPriority(1));
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing(dm))
                .inScenario("flaky-" + user)
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}"))
                .willSetStateTo("healthy")
                .atPriority(1));

    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), "help")));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(callsIn("chat.postMessage", dm)).hasSize(3));
    answeredSentinel();
    assertThat(callsIn("chat.postMessage", dm)).hasSize(3);
  }

  @Test
  void should_reveal_a_round_with_the_answerers_mentioned_not_their_ids() {
    String user = newUser();
    String channel = "C" + user;
    SlackWorkspace.signedForm(port, SlackWorkspace.slashCommand(user, channel, "round", trigger()));
    LoggedRequest card = awaitOne("chat.postMessage", channel);
    String cardTs = SlackWorkspace.json(responseOf(card)).path("ts").asText();
    JsonNode choice = button(SlackWorkspace.blocks(card), "round.choice#");
    press(user, channel, cardTs, false, choice, trigger());
    awaitOne("chat.postEphemeral", channel);
    String roundId = choice.path("value").asText().replaceAll("\\.\\d+$", "");

    assistant.closeRound(
        roundId,
        io.learnloop.dialog.channel.ConversationRef.shared("slack", SlackWorkspace.TEAM, channel));

    String reveal = SlackWorkspace.blocks(awaitOne("chat.update", channel)).toString();
    assertThat(reveal).contains("<@" + user + ">").doesNotContain("slack:" + SlackWorkspace.TEAM);
  }

  @Test
  void should_wait_out_a_rate_limit_and_deliver_once() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/chat.postMessage"))
                .withRequestBody(containing(dm))
                .inScenario("limited-" + user)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("Retry-After", "1")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
                .willSetStateTo("waited")
                .atPriority(1));

    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), "help")));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(callsIn("chat.postMessage", dm)).hasSize(2));
    List<LoggedRequest> calls = callsIn("chat.postMessage", dm);
    assertThat(calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime())
        .as("the Retry-After was waited out")
        .isGreaterThanOrEqualTo(900);
    answeredSentinel();
    assertThat(callsIn("chat.postMessage", dm)).hasSize(2);
  }

  @Test
  void should_tell_the_person_when_a_message_is_too_long() {
    String user = newUser();
    String dm = "D" + user;

    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), "leave ".repeat(600))));

    assertThat(SlackWorkspace.form(awaitOne("chat.postMessage", dm)).get("text"))
        .contains("too long");
  }

  @Test
  void should_acknowledge_events_it_does_not_act_on_and_refuse_malformed_bodies() {
    String reaction =
        "{\"type\":\"reaction_added\",\"user\":\"U0SOMEONE1\",\"reaction\":\"thumbsup\","
            + "\"item\":{\"type\":\"message\",\"channel\":\"C0TEAM0001\",\"ts\":\"1733000000.000003\"},"
            + "\"event_ts\":\"1733000000.000004\"}";

    HttpResponse<String> unknownEvent = SlackWorkspace.signedJson(port, event(reaction));
    HttpResponse<String> malformed = SlackWorkspace.signedJson(port, "{\"type\":\"event_call");
    HttpResponse<String> badForm =
        SlackWorkspace.signedForm(
            port, "payload=" + URLEncoder.encode("{not json", StandardCharsets.UTF_8));

    assertThat(unknownEvent.statusCode()).isEqualTo(200);
    assertThat(malformed.statusCode()).isBetween(400, 499);
    assertThat(badForm.statusCode()).isBetween(400, 499);
    assertThat(malformed.body() + badForm.body())
        .doesNotContain("Exception")
        .doesNotContain("at com.");
  }

  @Test
  void should_send_the_daily_quiz_as_a_dm_in_the_learners_time_zone_once() {
    String user = newUser();
    String dm = "D" + user;
    answered(user, dm, "help");
    Learner learner =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user).orElseThrow();
    assertThat(learner.timezone())
        .as("from users.info")
        .isEqualTo(java.time.ZoneId.of("Asia/Jakarta"));
    Instant nextWeek = Instant.now().plus(Duration.ofDays(8));

    int sent = daily.sendDue(nextWeek);
    int again = daily.sendDue(nextWeek.plusSeconds(60));

    assertThat(sent).isGreaterThanOrEqualTo(1);
    assertThat(again).as("the learner's day is claimed once").isZero();
    List<LoggedRequest> posts = callsIn("chat.postMessage", dm);
    assertThat(posts).hasSize(2);
    assertThat(actionIds(SlackWorkspace.blocks(posts.get(1))))
        .anyMatch(id -> id.startsWith("quiz.choice#"));
  }

  @Test
  void should_send_a_manager_their_weekly_nudge_about_their_reports_as_one_dm() {
    String manager = newUser();
    String report = newUser();
    answered(manager, "D" + manager, "help");
    answered(report, "D" + report, "help");
    Learner boss =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + manager).orElseThrow();
    Learner siti =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + report).orElseThrow();
    List<RosterEntry> entries = new ArrayList<>(roster.all());
    entries.add(
        new RosterEntry(
            boss.id(), "Rina Wijaya", boss.role(), Optional.empty(), "", Optional.empty(), false));
    entries.add(
        new RosterEntry(
            siti.id(),
            "Siti Nurhaliza",
            siti.role(),
            Optional.empty(),
            "",
            Optional.of(boss.id()),
            false));
    roster.replaceAll(entries);
    Instant monday =
        NudgeSchedule.mondayMorning().due(boss.timezone(), nextMondayNine(boss)).orElseThrow();

    coaching.weekly().orElseThrow().sendDue(monday);
    coaching.weekly().orElseThrow().sendDue(monday.plusSeconds(300));

    List<LoggedRequest> posts = callsIn("chat.postMessage", "D" + manager);
    assertThat(posts).as("the help answer, then one nudge").hasSize(2);
    JsonNode blocks = SlackWorkspace.blocks(posts.get(1));
    assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("Your team this week");
    assertThat(blocks.toString())
        .contains("Siti Nurhaliza: not started yet")
        .contains("of 1 of your reports")
        .contains("\"url\":\"https://learnloop.example.com/dashboard?lang=en\"");
    assertThat(callsIn("chat.postMessage", "D" + report)).as("reports get no nudge").hasSize(1);
    // The chart: files.uploadV2's three steps, into the manager's DM, once.
    LoggedRequest completed = awaitOne("files.completeUploadExternal", "D" + manager);
    assertThat(SlackWorkspace.form(completed).get("files"))
        .contains("F0EXPORT01")
        .contains("Team mastery by skill against role targets");
    assertThat(callsIn("files.completeUploadExternal", "D" + manager)).hasSize(1);
    assertThat(SlackWorkspace.calls("files.getUploadURLExternal"))
        .map(SlackWorkspace::form)
        .anySatisfy(
            form -> {
              assertThat(form).containsEntry("filename", "team-mastery.png");
              assertThat(form.get("alt_txt")).contains("Bar chart of the team's mastery");
              assertThat(Integer.parseInt(form.get("length"))).isGreaterThan(5_000);
            });
    assertThat(
            SlackWorkspace.api()
                .findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo("/upload/F0EXPORT01"))))
        .anySatisfy(upload -> assertThat(isPng(upload.getBody())).isTrue());
    assertThat(callsIn("files.completeUploadExternal", "D" + report)).isEmpty();
  }

  // A PNG file starts with these eight bytes, wherever the multipart body puts them.
  private static boolean isPng(byte[] body) {
    byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    outer:
    for (int i = 0; i + signature.length <= body.length; i++) {
      for (int j = 0; j < signature.length; j++) {
        if (body[i + j] != signature[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static Instant nextMondayNine(Learner learner) {
    return java.time.ZonedDateTime.now(learner.timezone())
        .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.MONDAY))
        .withHour(9)
        .withMinute(0)
        .withSecond(0)
        .withNano(0)
        .toInstant();
  }

  @Test
  void should_enrol_a_slack_user_without_a_time_zone_in_the_workspace_default() {
    String user = newUser();
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing(user))
                .atPriority(1)
                .willReturn(
                    okJson(
                        "{\"ok\":true,\"user\":{\"id\":\""
                            + user
                            + "\",\"name\":\"guest\",\"deleted\":false,\"is_bot\":false,"
                            + "\"is_email_confirmed\":false,\"profile\":{\"real_name\":\"Guest\"}}}")));

    answered(user, "D" + user, "help");

    Learner learner =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user).orElseThrow();
    assertThat(learner.timezone()).isEqualTo(java.time.ZoneId.of("UTC"));
  }

  @Test
  void should_send_an_export_asked_for_in_a_channel_as_a_file_in_the_persons_dm() {
    String user = newUser();
    String channel = "C" + user;

    SlackWorkspace.signedForm(
        port, SlackWorkspace.slashCommand(user, channel, "export", trigger()));

    LoggedRequest completed = awaitOne("files.completeUploadExternal", "D" + user);
    assertThat(SlackWorkspace.form(completed).get("files")).contains("F0EXPORT01");
    assertThat(callsIn("conversations.open", user)).hasSize(1);
    assertThat(
            SlackWorkspace.api()
                .findAll(
                    com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        urlEqualTo("/upload/F0EXPORT01"))))
        .anySatisfy(upload -> assertThat(upload.getBodyAsString()).contains(user));
    assertThat(callsIn("chat.postMessage", channel)).isEmpty();
  }

  @Test
  void should_link_a_slack_user_to_a_web_chat_so_an_answer_in_slack_shows_in_web_progress() {
    WebChatClient browser = new WebChatClient(port, "en");
    JsonNode issued = browser.say("link").at("/messages/0/message");
    java.util.regex.Matcher code =
        java.util.regex.Pattern.compile("\\b[2-9A-HJ-NP-Z]{8}\\b")
            .matcher(issued.at("/text").asText());
    assertThat(code.find()).as(issued.toString()).isTrue();
    assertThat(points(browser)).isZero();
    String user = newUser();
    String dm = "D" + user;

    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), "link " + code.group())));

    assertThat(SlackWorkspace.form(awaitOne("chat.postMessage", dm)).get("text"))
        .startsWith("Linked");
    SlackWorkspace.signedForm(port, SlackWorkspace.slashCommand(user, dm, "quiz", trigger()));
    LoggedRequest card = awaitCard(dm);
    String cardTs = SlackWorkspace.json(responseOf(card)).path("ts").asText();
    press(user, dm, cardTs, false, button(SlackWorkspace.blocks(card), "quiz.choice#"), trigger());
    awaitOne("chat.update", dm);
    assertThat(points(browser)).as("the answer given in Slack counts in the web chat").isPositive();
    assertThat(learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user))
        .map(Learner::id)
        .contains(learners.findByIdentity("web", "local:" + browser.session()).orElseThrow().id());
  }

  private static long points(WebChatClient browser) {
    return browser.say("progress").at("/messages/0/message/progress/points").asLong();
  }

  private static LoggedRequest awaitCard(String dm) {
    List<LoggedRequest> cards = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              cards.clear();
              callsIn("chat.postMessage", dm).stream()
                  .filter(
                      r ->
                          SlackWorkspace.form(r)
                              .getOrDefault("blocks", "")
                              .contains("quiz.choice#"))
                  .forEach(cards::add);
              assertThat(cards).isNotEmpty();
            });
    return cards.get(0);
  }

  @Test
  void should_post_a_mentioned_question_to_the_experts_once_and_bring_the_experts_reply_back() {
    String user = newUser();
    String channel = "C" + user;
    String mentionTs = nextTs();
    SlackWorkspace.signedJson(port, event(mention(user, channel, mentionTs, QUESTION)));
    LoggedRequest answer = awaitOne("chat.postMessage", channel);
    String answerTs = SlackWorkspace.json(responseOf(answer)).path("ts").asText();
    JsonNode askPerson = button(SlackWorkspace.blocks(answer), "answer.ask-person#");
    assertThat(askPerson.path("text").path("text").asText()).isEqualTo("Ask a person");

    press(user, channel, answerTs, false, askPerson, trigger());
    LoggedRequest post = awaitBlocks("chat.postMessage", "<@" + user + "> asked:");
    press(user, channel, answerTs, false, askPerson, trigger());

    Map<String, String> form = SlackWorkspace.form(post);
    assertThat(form)
        .containsEntry("channel", SlackWorkspace.EXPERTS)
        .doesNotContainKey("thread_ts");
    JsonNode blocks = SlackWorkspace.blocks(post);
    String permalink =
        "https://learnloop-test.slack.com/archives/" + channel + "/p" + answerTs.replace(".", "");
    assertThat(blocks.get(0).path("text").path("text").asText())
        .isEqualTo("<@" + user + "> asked:");
    assertThat(blocks.get(1).path("text").path("text").asText()).isEqualTo("> " + QUESTION);
    assertThat(blocks.get(2).path("elements").get(0).path("text").asText())
        .isEqualTo("*What LearnLoop found*");
    assertThat(blocks.get(2).path("elements").get(1).path("text").asText())
        .startsWith("[1] <https://learnloop.example.com/docs/annual-leave.md");
    assertThat(texts(blocks, "context"))
        .contains(
            "Reply in this thread: your reply goes back to them.",
            "<" + permalink + "|Open their message>");
    assertThat(blocks).hasSize(4);
    assertThat(SlackWorkspace.form(awaitOne("chat.getPermalink", answerTs)))
        .containsEntry("channel", channel)
        .containsEntry("message_ts", answerTs);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(callsIn("chat.postEphemeral", channel)).hasSize(2));
    assertThat(callsIn("chat.postEphemeral", channel))
        .extracting(r -> SlackWorkspace.form(r).get("text"))
        .containsExactly(
            "I've passed your question and my sources to the experts. When one of them replies,"
                + " I'll tell you here.",
            "Your question is already with the experts. When one of them replies, I'll tell you"
                + " here.");
    assertThat(callsWithBlocks("chat.postMessage", "<@" + user + "> asked:"))
        .as("posted once")
        .hasSize(1);

    String postTs = SlackWorkspace.json(responseOf(post)).path("ts").asText();
    String expert = newUser();
    String replyTs = nextTs();
    SlackWorkspace.signedJson(
        port,
        event(
            SlackWorkspace.threadReply(
                expert, SlackWorkspace.EXPERTS, postTs, replyTs, "Five days, used by 31 March.")));

    LoggedRequest told = awaitBlocks("chat.postEphemeral", "<@" + expert + ">");
    assertThat(SlackWorkspace.form(told))
        .containsEntry("channel", channel)
        .containsEntry("user", user)
        .containsEntry("thread_ts", mentionTs);
    JsonNode notice = SlackWorkspace.blocks(told);
    assertThat(notice.get(0).path("text").path("text").asText())
        .isEqualTo("<@" + expert + "> replied to your question \"" + QUESTION + "\":");
    assertThat(notice.get(1).path("text").path("text").asText())
        .isEqualTo("> Five days, used by 31 March.");
    assertThat(notice.get(2).path("elements").get(0).path("text").asText())
        .isEqualTo(
            "<https://learnloop-test.slack.com/archives/"
                + SlackWorkspace.EXPERTS
                + "/p"
                + replyTs.replace(".", "")
                + "|Open the reply>");
    answeredSentinel();
    assertThat(
            callsIn("chat.postMessage", SlackWorkspace.EXPERTS).stream()
                .filter(r -> SlackWorkspace.form(r).containsKey("thread_ts")))
        .as("an expert's reply is never answered as a question")
        .isEmpty();
  }

  @Test
  void should_tell_a_dm_asker_in_the_dm_and_give_the_experts_no_link_into_it() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), QUESTION)));
    LoggedRequest answer = awaitOne("chat.postMessage", dm);
    String answerTs = SlackWorkspace.json(responseOf(answer)).path("ts").asText();
    JsonNode askPerson = button(SlackWorkspace.blocks(answer), "answer.ask-person#");

    press(user, dm, answerTs, false, askPerson, trigger());

    LoggedRequest post = awaitBlocks("chat.postMessage", "<@" + user + "> asked:");
    assertThat(SlackWorkspace.form(post).get("blocks"))
        .doesNotContain("/archives/" + dm)
        .doesNotContain("Open their message");
    String postTs = SlackWorkspace.json(responseOf(post)).path("ts").asText();
    String expert = newUser();
    SlackWorkspace.signedJson(
        port,
        event(
            SlackWorkspace.threadReply(
                expert, SlackWorkspace.EXPERTS, postTs, nextTs(), "Five days.")));
    awaitText(
        "chat.postMessage",
        dm,
        "An expert replied to your question \"" + QUESTION + "\":\nFive days.");
  }

  @Test
  void should_ignore_threads_it_did_not_start_bots_there_and_a_forged_ask_a_person() {
    String user = newUser();
    String dm = "D" + user;
    String stranger = newUser();
    SlackWorkspace.signedJson(
        port,
        event(
            SlackWorkspace.threadReply(
                stranger, SlackWorkspace.EXPERTS, "1733000000.000042", nextTs(), QUESTION)));
    String fromBot =
        SlackWorkspace.threadReply(
                stranger, SlackWorkspace.EXPERTS, "1733000000.000043", nextTs(), "deploy done")
            .replace("\"user\":", "\"bot_id\":\"B0OTHER001\",\"user\":");
    SlackWorkspace.signedJson(port, event(fromBot));
    answered(user, dm, QUESTION);
    String answerTs =
        SlackWorkspace.json(responseOf(awaitOne("chat.postMessage", dm))).path("ts").asText();

    SlackWorkspace.signedForm(
        port,
        SlackWorkspace.blockAction(
            user, dm, answerTs, false, "answer.ask-person#3", "forged-offer-id", trigger()));

    awaitText(
        "chat.postMessage",
        dm,
        "That button no longer works. Ask your question again to pass it to the experts.");
    answeredSentinel();
    assertThat(callsWithBlocks("chat.postMessage", "<@" + user + "> asked:"))
        .as("nothing posted for a forgery")
        .isEmpty();
    assertThat(callsWithBlocks("chat.postMessage", stranger)).isEmpty();
    assertThat(callsWithBlocks("chat.postEphemeral", stranger)).isEmpty();
    assertThat(
            callsIn("chat.postMessage", SlackWorkspace.EXPERTS).stream()
                .filter(r -> SlackWorkspace.form(r).containsKey("thread_ts")))
        .as("no answer in a thread it did not start")
        .isEmpty();
  }

  private static String homeOpened(String user, String hash) {
    return "{\"type\":\"app_home_opened\",\"user\":\""
        + user
        + "\",\"channel\":\"D"
        + user
        + "\",\"tab\":\"home\",\"event_ts\":\"1733000000.000002\",\"view\":{\"id\":\"V0HOME0001\","
        + "\"team_id\":\""
        + SlackWorkspace.TEAM
        + "\",\"type\":\"home\",\"blocks\":[],\"private_metadata\":\"\",\"callback_id\":\"\","
        + "\"hash\":\""
        + hash
        + "\",\"app_id\":\"A0LEARN001\",\"bot_id\":\""
        + SlackWorkspace.BOT_ID
        + "\"}}";
  }

  /** An @mention in the thread of an earlier message ({@code thread_ts}). */
  private static String mentionInThread(
      String user, String channel, String threadTs, String ts, String question) {
    String mention = mention(user, channel, ts, question);
    return mention.substring(0, mention.length() - 1) + ",\"thread_ts\":\"" + threadTs + "\"}";
  }

  private static String mention(String user, String channel, String ts, String question) {
    return "{\"type\":\"app_mention\",\"user\":\""
        + user
        + "\",\"text\":\"<@"
        + SlackWorkspace.BOT_USER
        + "> "
        + question
        + "\",\"ts\":\""
        + ts
        + "\",\"team\":\""
        + SlackWorkspace.TEAM
        + "\",\"channel\":\""
        + channel
        + "\",\"event_ts\":\""
        + ts
        + "\"}";
  }

  @Test
  void should_cite_a_document_of_a_mapped_slack_user_group_to_its_member_in_a_dm_only() {
    String restricted = "Performance reviews and coaching for managers";
    String question = "How long must the review conversation with each team member be?";
    String leadDm = "D" + SlackWorkspace.LEAD;
    String outsider = newUser();
    String channel = "C" + newUser();

    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(SlackWorkspace.LEAD, leadDm, nextTs(), question)));
    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(outsider, "D" + outsider, nextTs(), question)));
    SlackWorkspace.signedJson(
        port, event(mention(SlackWorkspace.LEAD, channel, nextTs(), question)));

    assertThat(texts(SlackWorkspace.blocks(awaitOne("chat.postMessage", leadDm)), "context"))
        .as("the member of @leads, privately")
        .anySatisfy(source -> assertThat(source).contains(restricted));
    assertThat(SlackWorkspace.blocks(awaitOne("chat.postMessage", "D" + outsider)).toString())
        .as("someone in no mapped user group")
        .doesNotContain(restricted)
        .doesNotContain("performance-reviews-for-managers");
    assertThat(SlackWorkspace.blocks(awaitOne("chat.postMessage", channel)).toString())
        .as("the member, in a channel others read")
        .doesNotContain(restricted)
        .doesNotContain("performance-reviews-for-managers");
    assertThat(SlackWorkspace.calls("usergroups.list"))
        .isNotEmpty()
        .allSatisfy(
            call ->
                assertThat(SlackWorkspace.form(call))
                    .containsEntry("include_users", "1")
                    .containsEntry("include_disabled", "0"));
  }

  @Test
  void should_open_the_settings_from_the_app_home_and_confirm_in_the_dm_and_republish_the_home() {
    String user = newUser();
    String dm = "D" + user;
    String trigger = trigger();
    SlackWorkspace.signedJson(port, event(homeOpened(user, "1733000000.0a1b2c3d")));
    JsonNode home =
        SlackWorkspace.json(SlackWorkspace.form(awaitOne("views.publish", user)).get("view"));
    JsonNode settings = button(home.path("blocks"), "settings.open");
    assertThat(settings.path("text").path("text").asText()).isEqualTo("Settings");

    HttpResponse<String> pressed =
        SlackWorkspace.signedForm(
            port,
            SlackWorkspace.homeBlockAction(
                user,
                "V0HOME0001",
                "1733000005.0e0f1a2b",
                settings.path("action_id").asText(),
                trigger));

    assertThat(pressed.statusCode()).isEqualTo(200);
    LoggedRequest opened = awaitOne("views.open", trigger);
    JsonNode modal = SlackWorkspace.json(SlackWorkspace.form(opened).get("view"));
    assertThat(modal.path("callback_id").asText()).isEqualTo("settings");
    assertThat(modal.path("private_metadata").asText()).isEqualTo(dm + " home");
    assertThat(SlackWorkspace.form(awaitOne("conversations.open", user)))
        .containsEntry("users", user);
    assertThat(callsIn("chat.postMessage", dm)).as("a modal, not a message").isEmpty();

    SlackWorkspace.signedForm(
        port,
        SlackWorkspace.viewSubmission(
            user,
            dm + " home",
            "V0SETTINGS2",
            Map.of("time", "08:15", "days", "TUESDAY", "language", "en", "paused", "")));

    assertThat(SlackWorkspace.form(awaitOne("chat.postMessage", dm)).get("text"))
        .startsWith("Saved.")
        .contains("08:15");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(callsIn("views.publish", user)).hasSize(2));
    assertThat(SlackWorkspace.form(callsIn("views.publish", user).get(1)))
        .as("the Home as the press last saw it")
        .containsEntry("hash", "1733000005.0e0f1a2b");
    Learner learner =
        learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user).orElseThrow();
    assertThat(learner.preferences().quizDays()).containsExactly(java.time.DayOfWeek.TUESDAY);
    assertThat(learner.preferences().dailyQuizAt()).isEqualTo(java.time.LocalTime.of(8, 15));
  }

  @Test
  void should_answer_a_follow_up_in_the_thread_of_an_answer_with_the_threads_question() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.signedJson(
        port,
        event(
            SlackWorkspace.directMessage(
                user, dm, nextTs(), "What is the hotel limit per night in Jakarta?")));
    LoggedRequest first = awaitOne("chat.postMessage", dm);
    String answerTs = SlackWorkspace.json(responseOf(first)).path("ts").asText();
    assertThat(SlackWorkspace.blocks(first).toString()).contains("1.200.000");

    SlackWorkspace.signedJson(
        port,
        event(SlackWorkspace.directThreadReply(user, dm, answerTs, nextTs(), "and in Singapore?")));

    LoggedRequest followUp = awaitSecond("chat.postMessage", dm);
    assertThat(SlackWorkspace.form(followUp)).containsEntry("thread_ts", answerTs);
    assertThat(SlackWorkspace.blocks(followUp).toString())
        .contains("SGD 250")
        .contains("perjalanan-dinas");
  }

  @Test
  void should_answer_a_follow_up_mention_in_a_channel_thread_with_the_mentions_question() {
    String user = newUser();
    String channel = "C" + user;
    String ts = nextTs();
    SlackWorkspace.signedJson(
        port,
        event(
            mention(
                user,
                channel,
                ts,
                "How long does IT take to replace a stolen laptop in Jakarta?")));
    awaitOne("chat.postMessage", channel);

    SlackWorkspace.signedJson(
        port, event(mentionInThread(user, channel, ts, nextTs(), "and in Singapore?")));

    LoggedRequest followUp = awaitSecond("chat.postMessage", channel);
    assertThat(SlackWorkspace.form(followUp)).containsEntry("thread_ts", ts);
    assertThat(SlackWorkspace.blocks(followUp).toString()).contains("3 working days");
  }

  // ---- helpers ----

  /** Presses a button of a message, as Slack sends the press. */
  private void press(
      String user,
      String channel,
      String messageTs,
      boolean ephemeral,
      JsonNode button,
      String trigger) {
    SlackWorkspace.signedForm(
        port,
        SlackWorkspace.blockAction(
            user,
            channel,
            messageTs,
            ephemeral,
            button.path("action_id").asText(),
            button.path("value").asText(),
            trigger));
  }

  private void answered(String user, String dm, String text) {
    SlackWorkspace.signedJson(port, event(SlackWorkspace.directMessage(user, dm, nextTs(), text)));
    awaitOne("chat.postMessage", dm);
  }

  /** Sends a DM that is answered and waits for it: everything sent before has been handled. */
  private String answeredSentinel() {
    String user = newUser();
    String dm = "D" + user;
    SlackWorkspace.signedJson(
        port, event(SlackWorkspace.directMessage(user, dm, nextTs(), "help")));
    return SlackWorkspace.form(awaitOne("chat.postMessage", dm)).get("text");
  }

  private static LoggedRequest awaitOne(String method, String where) {
    return awaitFirst(() -> callsIn(method, where));
  }

  /** Waits for the second call in {@code where}, and that there is no third. */
  private static LoggedRequest awaitSecond(String method, String where) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(callsIn(method, where)).hasSize(2));
    return callsIn(method, where).get(1);
  }

  /** Waits for a call in {@code where} whose notification text is {@code text}. */
  private static void awaitText(String method, String where, String text) {
    awaitFirst(
        () ->
            callsIn(method, where).stream()
                .filter(r -> text.equals(SlackWorkspace.form(r).get("text")))
                .toList());
  }

  private static LoggedRequest awaitBlocks(String method, String fragment) {
    return awaitFirst(() -> callsWithBlocks(method, fragment));
  }

  private static LoggedRequest awaitFirst(java.util.function.Supplier<List<LoggedRequest>> found) {
    List<LoggedRequest> calls = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              calls.clear();
              calls.addAll(found.get());
              assertThat(calls).isNotEmpty();
            });
    return calls.get(0);
  }

  /** The calls whose blocks hold {@code fragment}, e.g. a mention. */
  private static List<LoggedRequest> callsWithBlocks(String method, String fragment) {
    return SlackWorkspace.calls(method).stream()
        .filter(r -> SlackWorkspace.blocks(r).toString().contains(fragment))
        .toList();
  }

  private static List<LoggedRequest> callsIn(String method, String where) {
    return SlackWorkspace.calls(method).stream()
        .filter(r -> SlackWorkspace.form(r).containsValue(where))
        .filter(r -> !r.getBodyAsString().isEmpty())
        .toList();
  }

  private static String responseOf(LoggedRequest request) {
    return SlackWorkspace.api().getServeEvents().getRequests().stream()
        .filter(e -> e.getRequest().getId().equals(request.getId()))
        .findFirst()
        .orElseThrow()
        .getResponse()
        .getBodyAsString();
  }

  private static List<String> texts(JsonNode blocks, String type) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.path("type").asText().equals(type)) {
        if (block.has("text")) {
          texts.add(block.path("text").path("text").asText());
        }
        for (JsonNode element : block.path("elements")) {
          texts.add(element.path("text").asText());
        }
      }
    }
    return texts;
  }

  private static List<String> actionIds(JsonNode blocks) {
    List<String> ids = new ArrayList<>();
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (element.has("action_id")) {
          ids.add(element.path("action_id").asText());
        }
      }
    }
    return ids;
  }

  private static JsonNode button(JsonNode blocks, String actionIdPrefix) {
    for (JsonNode block : blocks) {
      for (JsonNode element : block.path("elements")) {
        if (element.path("action_id").asText().startsWith(actionIdPrefix)) {
          return element;
        }
      }
    }
    throw new AssertionError("no button " + actionIdPrefix + " in " + blocks);
  }

  private static String event(String eventJson) {
    return SlackWorkspace.eventCallback(
        "Ev" + UUID.randomUUID().toString().replace("-", ""), eventJson);
  }

  private static String newUser() {
    return "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  private static String trigger() {
    return "13345224609." + Math.abs(UUID.randomUUID().getMostSignificantBits());
  }

  private static String nextTs() {
    long millis = clock.incrementAndGet();
    return (millis / 1000) + "." + String.format("%06d", (millis % 1000) * 1000);
  }
}
