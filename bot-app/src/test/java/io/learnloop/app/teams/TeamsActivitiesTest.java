package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.learnloop.app.teams.TeamsTenant.APP_ID;
import static io.learnloop.app.teams.TeamsTenant.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Teams end to end: activities shaped as Teams sends them, with Bot Connector tokens signed by a
 * key whose JWKS WireMock serves, to {@code /api/messages} on a real port; and the exact Bot
 * Connector calls and Adaptive Card bodies LearnLoop makes in return, against WireMock as the
 * {@code serviceUrl}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TeamsTenant.Initializer.class)
@Import(TeamsTenant.TestCredentials.class)
class TeamsActivitiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired List<ChatGateway> gateways;
  @Autowired AnswerLog answers;
  @Autowired Learners learners;
  @Autowired Assistant assistant;
  @Autowired ConversationReferences references;
  @Autowired TestRestTemplate http;

  private final WireMockServer connector = TeamsTenant.connector();

  @BeforeEach
  void reset() {
    TestDataDir.awaitKnowledgeReady(http);
    TeamsTenant.stubConnector();
    recording().clear();
  }

  private RecordingChatGateway recording() {
    return gateways.stream()
        .filter(g -> g.channel().equals("teams"))
        .map(RecordingChatGateway.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void should_answer_a_personal_question_with_a_card_on_the_service_url() throws Exception {
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);

    HttpResponse<String> response =
        TeamsTenant.send(
            port,
            TeamsTenant.message(
                TeamsTenant.nextId(),
                user,
                conversation,
                true,
                "How many annual leave days can I carry over?"),
            TeamsTenant.token());

    assertThat(response.statusCode()).isEqualTo(202);
    LoggedRequest reply = awaitCard(conversation);
    assertThat(reply.getHeader("Authorization")).isEqualTo("Bearer test-outbound-token");
    JsonNode activity = JSON.readTree(reply.getBodyAsString());
    assertThat(activity.path("type").asText()).isEqualTo("message");
    JsonNode attachment = activity.path("attachments").get(0);
    assertThat(attachment.path("contentType").asText())
        .isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asText()).isEqualTo("1.4");
    assertThat(card.path("body").toString())
        .contains("[1] ")
        .contains("https://learnloop.example.com/docs/");
    assertThat(card.path("actions").findValuesAsText("verb"))
        .contains(ActionIds.HELPFUL, ActionIds.NOT_HELPFUL, ActionIds.QUIZ_ME_ON_THIS);
    JsonNode helpful = card.path("actions").get(0);
    assertThat(helpful.path("type").asText()).isEqualTo("Action.Execute");
    assertThat(helpful.path("fallback").path("type").asText()).isEqualTo("Action.Submit");
    assertThat(helpful.path("fallback").path("data")).isEqualTo(helpful.path("data"));
    connector.verify(
        postRequestedFor(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("\"typing\"")));
  }

  @Test
  void should_refuse_every_badly_authenticated_activity_and_record_nothing() {
    String user = TeamsTenant.user("mallory-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    Instant later = Instant.now().plusSeconds(3600);
    String serviceUrl = TeamsTenant.serviceUrl();
    List<String> forged =
        List.of(
            TeamsTenant.token(
                "https://api.botframework.com", "someone-elses-app", serviceUrl, later, true),
            TeamsTenant.token("https://sts.windows.net/evil/", APP_ID, serviceUrl, later, true),
            TeamsTenant.token(
                "https://api.botframework.com",
                APP_ID,
                serviceUrl,
                Instant.now().minusSeconds(900),
                true),
            TeamsTenant.token("https://api.botframework.com", APP_ID, serviceUrl, later, false),
            TeamsTenant.token(
                "https://api.botframework.com",
                APP_ID,
                "https://smba.example.com/evil/",
                later,
                true),
            "not.a.jwt");

    for (String token : forged) {
      ObjectNode activity =
          TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, "quiz");
      assertThat(TeamsTenant.send(port, activity, token).statusCode()).as(token).isEqualTo(401);
    }
    assertThat(
            TeamsTenant.send(
                    port,
                    TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, "quiz"),
                    null)
                .statusCode())
        .isEqualTo(401);

    assertThat(recording().recorded()).isEmpty();
    assertThat(learners.findByIdentity("teams", TENANT + ":" + user)).isEmpty();
    connector.verify(0, postRequestedFor(urlPathMatching("/teams/.*")));
  }

  @Test
  void should_refuse_an_activity_of_another_bot_framework_channel() {
    String user = TeamsTenant.user("webchat-" + UUID.randomUUID());
    ObjectNode fromWebChat =
        TeamsTenant.message(
            TeamsTenant.nextId(), user, TeamsTenant.personalConversation(user), true, "quiz");
    fromWebChat.put("channelId", "webchat");

    assertThat(TeamsTenant.send(port, fromWebChat, TeamsTenant.token()).statusCode())
        .isEqualTo(401);
    assertThat(learners.findByIdentity("teams", TENANT + ":" + user)).isEmpty();
  }

  @Test
  void should_refuse_malformed_json_and_take_unknown_activities_without_answering() {
    assertThat(TeamsTenant.send(port, "{\"type\": \"message\", ", TeamsTenant.token()).statusCode())
        .isEqualTo(400);
    assertThat(TeamsTenant.send(port, "[1, 2]", TeamsTenant.token()).statusCode()).isEqualTo(400);
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    ObjectNode odd =
        TeamsTenant.activity(
            "messageReaction",
            TeamsTenant.nextId(),
            user,
            TeamsTenant.personalConversation(user),
            true);
    assertThat(TeamsTenant.send(port, odd, TeamsTenant.token()).statusCode()).isEqualTo(202);
    ObjectNode unknownInvoke =
        TeamsTenant.activity(
            "invoke", TeamsTenant.nextId(), user, TeamsTenant.personalConversation(user), true);
    unknownInvoke.put("name", "composeExtension/query");
    assertThat(TeamsTenant.send(port, unknownInvoke, TeamsTenant.token()).statusCode())
        .isEqualTo(200);

    assertThat(recording().recorded()).isEmpty();
  }

  @Test
  void should_record_an_execute_once_and_answer_both_deliveries_with_the_refreshed_card()
      throws Exception {
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    say(user, conversation, "quiz");
    RecordingChatGateway.Recorded posted = awaitRecorded(Reply.QuizQuestion.class);
    Reply.QuizQuestion question = (Reply.QuizQuestion) posted.outgoing().reply();
    String card = posted.message().messageId();
    JsonNode questionCard = awaitCardBody(conversation);
    assertThat(questionCard).isEqualTo(JSON.readTree(expectedQuestionCard(question)));

    ObjectNode press =
        TeamsTenant.execute(
            TeamsTenant.nextId(),
            user,
            conversation,
            true,
            card,
            ActionIds.QUIZ_CHOICE,
            TeamsTenant.data(ActionIds.QUIZ_CHOICE, "choice", question.choices().get(0).value()));
    // Teams redelivers a press it got no answer to in time: the two may overlap.
    java.util.concurrent.CompletableFuture<HttpResponse<String>> overlapping =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> TeamsTenant.send(port, press, TeamsTenant.token()));
    HttpResponse<String> first = TeamsTenant.send(port, press, TeamsTenant.token());
    HttpResponse<String> again = overlapping.get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(first.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(first.body());
    assertThat(body.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body.path("type").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(body.path("value").path("type").asText()).isEqualTo("AdaptiveCard");
    assertThat(body.path("value").toString()).contains("✅").contains(question.stem());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body())).isEqualTo(body);
    assertThat(answersOf(user)).isEqualTo(1);
    // The card was refreshed by the invoke response, not by a second call to Teams.
    connector.verify(0, putRequestedFor(urlPathMatching("/teams/.*")));
  }

  @Test
  void should_refuse_an_answer_to_a_card_the_learner_was_never_sent() throws Exception {
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    say(user, conversation, "help");
    awaitRecorded(Reply.Notice.class);

    ObjectNode forged =
        TeamsTenant.execute(
            TeamsTenant.nextId(),
            user,
            conversation,
            true,
            "1:forgedCardActivity",
            ActionIds.QUIZ_CHOICE,
            TeamsTenant.data(ActionIds.QUIZ_CHOICE, "choice", "c0ffee0000000000.1"));
    HttpResponse<String> response = TeamsTenant.send(port, forged, TeamsTenant.token());
    ObjectNode missing =
        TeamsTenant.execute(
            TeamsTenant.nextId(),
            user,
            conversation,
            true,
            "1:forgedCardActivity",
            ActionIds.QUIZ_CHOICE,
            JSON.createObjectNode());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).path("type").asText())
        .isNotEqualTo("application/vnd.microsoft.card.adaptive");
    assertThat(TeamsTenant.send(port, missing, TeamsTenant.token()).statusCode()).isEqualTo(200);
    assertThat(answersOf(user)).isZero();
  }

  @Test
  void should_keep_the_answer_when_the_service_url_fails_and_retry_it_a_bounded_number_of_times()
      throws Exception {
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    say(user, conversation, "quiz");
    RecordingChatGateway.Recorded posted = awaitRecorded(Reply.QuizQuestion.class);
    Reply.QuizQuestion question = (Reply.QuizQuestion) posted.outgoing().reply();
    connector.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.put(
                urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
            .willReturn(aResponse().withStatus(502)));

    // An older client's Action.Submit: a message with the card's data; the result is a PUT.
    ObjectNode submit =
        TeamsTenant.submit(
            TeamsTenant.nextId(),
            user,
            conversation,
            posted.message().messageId(),
            TeamsTenant.data(ActionIds.QUIZ_CHOICE, "choice", question.choices().get(1).value()));
    assertThat(TeamsTenant.send(port, submit, TeamsTenant.token()).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).until(() -> answersOf(user) == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                connector.verify(
                    3,
                    putRequestedFor(
                        urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))));
    assertThat(answersOf(user)).isEqualTo(1);
  }

  @Test
  void should_wait_out_a_429_and_deliver_the_answer_once() {
    String user = TeamsTenant.user("eko-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    String throttled = "teams-429-" + UUID.randomUUID();
    connector.stubFor(
        post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
            .inScenario(throttled)
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("\"message\""))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}"))
            .willSetStateTo("served"));

    say(user, conversation, "help");

    awaitRecorded(Reply.Notice.class);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        postsTo(conversation).stream()
                            .filter(r -> r.getBodyAsString().contains("\"message\"")))
                    .hasSize(2));
    List<LoggedRequest> posts =
        postsTo(conversation).stream()
            .filter(r -> r.getBodyAsString().contains("\"message\""))
            .toList();
    assertThat(posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime())
        .as("Retry-After waited out")
        .isGreaterThanOrEqualTo(900);
    assertThat(recording().recorded()).hasSize(1);
  }

  @Test
  void should_replace_the_card_it_sent_not_the_message_a_press_names() {
    String user = TeamsTenant.user("fajar-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    say(user, conversation, "quiz");
    RecordingChatGateway.Recorded posted = awaitRecorded(Reply.QuizQuestion.class);
    Reply.QuizQuestion question = (Reply.QuizQuestion) posted.outgoing().reply();

    ObjectNode submit =
        TeamsTenant.submit(
            TeamsTenant.nextId(),
            user,
            conversation,
            "1:someoneElsesMessage",
            TeamsTenant.data(ActionIds.QUIZ_CHOICE, "choice", question.choices().get(0).value()));
    assertThat(TeamsTenant.send(port, submit, TeamsTenant.token()).statusCode()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(20)).until(() -> answersOf(user) == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                connector.verify(
                    1,
                    putRequestedFor(
                        urlPathMatching(
                            "/teams/v3/conversations/[^/]+/activities/1(:|%3A)"
                                + posted.message().messageId().substring(2)))));
    connector.verify(0, putRequestedFor(urlPathMatching(".*someoneElsesMessage.*")));
  }

  @Test
  void should_forget_a_conversation_teams_says_is_gone_instead_of_retrying_it() {
    String user = TeamsTenant.user("gone-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    say(user, conversation, "help");
    awaitRecorded(Reply.Notice.class);
    Learner learner = learners.findByIdentity("teams", TENANT + ":" + user).orElseThrow();
    assertThat(references.direct(learner.id(), "teams")).isPresent();
    connector.stubFor(
        post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("AdaptiveCard"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot is"
                            + " not part of the conversation roster.\"}}")));

    assertThat(assistant.sendNextQuestion(learner, "teams")).isEmpty();

    assertThat(references.direct(learner.id(), "teams")).isEmpty();
    connector.verify(
        1,
        postRequestedFor(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("AdaptiveCard")));
  }

  @Test
  void should_answer_an_at_mention_in_its_reply_chain_from_public_documents() throws Exception {
    String user = TeamsTenant.user("ana-" + UUID.randomUUID());
    String root = TeamsTenant.nextId();
    ObjectNode mention =
        TeamsTenant.message(
            root,
            user,
            TeamsTenant.CHANNEL_CONVERSATION + ";messageid=" + root,
            false,
            "<at>LearnLoop</at> How many annual leave days can I carry over?");

    assertThat(TeamsTenant.send(port, mention, TeamsTenant.token()).statusCode()).isEqualTo(202);

    RecordingChatGateway.Recorded answer = awaitRecorded(Reply.Answer.class);
    assertThat(answer.where().shared()).isTrue();
    assertThat(answer.where().thread()).contains(root);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(postsTo(TeamsTenant.CHANNEL_CONVERSATION + ";messageid=" + root))
                    .isNotEmpty());
  }

  @Test
  void should_open_a_personal_chat_with_the_tenant_id_to_send_a_first_daily_question()
      throws Exception {
    String user = TeamsTenant.user("citra-" + UUID.randomUUID());
    String root = TeamsTenant.nextId();
    ObjectNode mention =
        TeamsTenant.message(
            root,
            user,
            TeamsTenant.CHANNEL_CONVERSATION + ";messageid=" + root,
            false,
            "<at>LearnLoop</at> help");
    assertThat(TeamsTenant.send(port, mention, TeamsTenant.token()).statusCode()).isEqualTo(202);
    awaitRecorded(Reply.Notice.class);
    Learner learner = learners.findByIdentity("teams", TENANT + ":" + user).orElseThrow();
    assertThat(references.direct(learner.id(), "teams"))
        .as("a channel is not a 1:1 chat")
        .isEmpty();

    assertThat(assistant.sendNextQuestion(learner, "teams")).hasSize(1);

    List<LoggedRequest> created =
        connector.findAll(postRequestedFor(urlPathMatching("/teams/v3/conversations")));
    assertThat(created).hasSize(1);
    JsonNode parameters = JSON.readTree(created.get(0).getBodyAsString());
    assertThat(parameters.path("tenantId").asText()).isEqualTo(TENANT);
    assertThat(parameters.path("isGroup").asBoolean()).isFalse();
    assertThat(parameters.path("bot").path("id").asText()).isEqualTo(TeamsTenant.BOT);
    assertThat(parameters.path("members").get(0).path("id").asText()).isEqualTo(user);
    assertThat(parameters.path("channelData").path("tenant").path("id").asText()).isEqualTo(TENANT);
    assertThat(references.direct(learner.id(), "teams")).isPresent();
  }

  @Test
  void should_answer_in_bahasa_indonesia_when_teams_says_the_person_reads_it() {
    String user = TeamsTenant.user("dewi-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    ObjectNode message =
        TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, "bantuan");
    message.put("locale", "id-ID");

    assertThat(TeamsTenant.send(port, message, TeamsTenant.token()).statusCode()).isEqualTo(202);

    RecordingChatGateway.Recorded help = awaitRecorded(Reply.Notice.class);
    assertThat(help.outgoing().reply().language())
        .isEqualTo(io.learnloop.dialog.i18n.Language.INDONESIAN);
  }

  /** The Adaptive Card a question is sent as, written out in full. */
  private static String expectedQuestionCard(Reply.QuizQuestion question) throws Exception {
    StringBuilder choices = new StringBuilder();
    for (var choice : question.choices()) {
      choices
          .append(choices.length() == 0 ? "" : ",")
          .append("{\"title\":")
          .append(JSON.writeValueAsString(choice.label()))
          .append(",\"value\":")
          .append(JSON.writeValueAsString(choice.value()))
          .append("}");
    }
    return """
        {"type":"AdaptiveCard",
         "$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
         "version":"1.4",
         "fallbackText":%s,
         "msteams":{"width":"Full"},
         "body":[%s
           {"type":"TextBlock","text":%s,"wrap":true},
           {"type":"Input.ChoiceSet","id":"choice","style":"expanded","wrap":true,
            "isRequired":true,"errorMessage":"Pick one answer first.","choices":[%s]}],
         "actions":[
           {"type":"Action.Execute","title":"Answer","verb":"quiz.choice",
            "data":{"action":"quiz.choice"},"style":"positive",
            "fallback":{"type":"Action.Submit","title":"Answer","data":{"action":"quiz.choice"}}}]}
        """
        .formatted(
            JSON.writeValueAsString(question.fallbackText()),
            question.reason().isBlank()
                ? ""
                : "{\"type\":\"TextBlock\",\"text\":"
                    + JSON.writeValueAsString(question.reason())
                    + ",\"wrap\":true,\"isSubtle\":true,\"size\":\"Small\"},",
            JSON.writeValueAsString("**" + question.stem() + "**"),
            choices);
  }

  /** The person types into their 1:1 chat with the bot. */
  private void say(String user, String conversation, String text) {
    assertThat(
            TeamsTenant.send(
                    port,
                    TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, text),
                    TeamsTenant.token())
                .statusCode())
        .isEqualTo(202);
  }

  @Test
  void should_start_a_reply_chain_in_the_experts_channel_once_and_bring_the_reply_to_the_1to1_chat()
      throws Exception {
    String user = TeamsTenant.user("rina-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    String question = "How many annual leave days can I carry over?";
    TeamsTenant.send(
        port,
        TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, question),
        TeamsTenant.token());
    RecordingChatGateway.Recorded answer = awaitRecorded(Reply.Answer.class);
    JsonNode askPerson = null;
    for (JsonNode action : awaitCardBody(conversation).path("actions")) {
      if (action.path("verb").asText().equals(ActionIds.ASK_PERSON)) {
        askPerson = action;
      }
    }
    assertThat(askPerson).as("Ask a person on the answer card").isNotNull();
    assertThat(askPerson.path("title").asText()).isEqualTo("Ask a person");
    String offer = askPerson.path("data").path("value").asText();

    List<String> told = new java.util.ArrayList<>();
    for (int press = 0; press < 2; press++) {
      HttpResponse<String> response =
          TeamsTenant.send(
              port,
              TeamsTenant.execute(
                  TeamsTenant.nextId(),
                  user,
                  conversation,
                  true,
                  answer.message().messageId(),
                  ActionIds.ASK_PERSON,
                  TeamsTenant.data(ActionIds.ASK_PERSON, "value", offer)),
              TeamsTenant.token());
      told.add(JSON.readTree(response.body()).path("value").asText());
    }

    assertThat(told)
        .containsExactly(
            "I've passed your question and my sources to the experts. When one of them replies,"
                + " I'll tell you here.",
            "Your question is already with the experts. When one of them replies, I'll tell you"
                + " here.");
    List<LoggedRequest> threads =
        connector.findAll(
            postRequestedFor(urlEqualTo("/teams/v3/conversations"))
                .withRequestBody(
                    com.github.tomakehurst.wiremock.client.WireMock.containing(question)));
    assertThat(threads).as("pressed twice, posted once").hasSize(1);
    JsonNode created = JSON.readTree(threads.get(0).getBodyAsString());
    assertThat(created.path("isGroup").asBoolean()).isTrue();
    assertThat(created.at("/channelData/channel/id").asText())
        .isEqualTo(TeamsTenant.EXPERTS_CHANNEL);
    assertThat(created.at("/channelData/tenant/id").asText()).isEqualTo(TENANT);
    assertThat(created.at("/bot/id").asText()).isEqualTo(TeamsTenant.BOT);
    JsonNode card = created.at("/activity/attachments/0/content");
    List<String> texts = new java.util.ArrayList<>();
    card.path("body").forEach(block -> texts.add(block.path("text").asText()));
    assertThat(texts.get(0)).isEqualTo("**Siti Nurhaliza asked:**");
    assertThat(texts.get(1)).isEqualTo(question);
    assertThat(texts.get(2)).isEqualTo("**What LearnLoop found**");
    assertThat(texts.get(3)).startsWith("[1] [Annual leave");
    assertThat(texts.get(texts.size() - 1))
        .isEqualTo("Reply in this thread: your reply goes back to them.");
    assertThat(card.has("actions")).as("no link into a 1:1 chat").isFalse();

    Reply.QuestionForExperts posted =
        (Reply.QuestionForExperts) awaitRecorded(Reply.QuestionForExperts.class).outgoing().reply();
    String post =
        recording().recorded().stream()
            .filter(r -> r.outgoing().reply() == posted)
            .findFirst()
            .orElseThrow()
            .message()
            .messageId();
    String expert = TeamsTenant.user("eko-" + UUID.randomUUID());
    String chain = TeamsTenant.EXPERTS_CHANNEL + ";messageid=" + post;
    assertThat(
            TeamsTenant.send(
                    port,
                    TeamsTenant.message(
                        TeamsTenant.nextId(),
                        expert,
                        chain,
                        false,
                        "<p>Five days, used by <b>31 March</b>.</p>"),
                    TeamsTenant.token())
                .statusCode())
        .isEqualTo(202);

    RecordingChatGateway.Recorded relayed = awaitRecorded(Reply.ExpertReplied.class);
    assertThat(relayed.where().conversation()).isEqualTo(conversation);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(postsTo(conversation))
                    .anySatisfy(
                        r ->
                            assertThat(r.getBodyAsString())
                                .contains(
                                    "**Siti Nurhaliza replied to your question \\\""
                                        + question
                                        + "\\\":**")
                                .contains("Five days, used by 31 March.")));
    assertThat(postsTo(chain)).as("an expert's reply is never answered").isEmpty();
  }

  @Test
  void should_keep_out_of_channel_messages_that_do_not_mention_it() throws Exception {
    String user = TeamsTenant.user("budi-" + UUID.randomUUID());
    String root = TeamsTenant.nextId();
    TeamsTenant.send(
        port,
        TeamsTenant.message(
            root, user, TeamsTenant.CHANNEL_CONVERSATION, false, "How many leave days?"),
        TeamsTenant.token());
    TeamsTenant.send(
        port,
        TeamsTenant.message(
            TeamsTenant.nextId(),
            user,
            TeamsTenant.CHANNEL_CONVERSATION + ";messageid=" + root,
            false,
            "How many leave days can I carry over?"),
        TeamsTenant.token());
    String sentinel = TeamsTenant.user("sentinel-" + UUID.randomUUID());

    TeamsTenant.send(
        port,
        TeamsTenant.message(
            TeamsTenant.nextId(),
            sentinel,
            TeamsTenant.personalConversation(sentinel),
            true,
            "help"),
        TeamsTenant.token());

    awaitRecorded(Reply.Notice.class);
    assertThat(recording().recorded())
        .as("talk in a channel that does not mention the bot is not its business")
        .noneSatisfy(
            r -> assertThat(r.where().conversation()).isEqualTo(TeamsTenant.CHANNEL_CONVERSATION));
    assertThat(postsTo(TeamsTenant.CHANNEL_CONVERSATION + ";messageid=" + root)).isEmpty();
  }

  private int answersOf(String user) {
    return learners
        .findByIdentity("teams", TENANT + ":" + user)
        .map(l -> answers.answers(l.id()).size())
        .orElse(0);
  }

  private RecordingChatGateway.Recorded awaitRecorded(Class<? extends Reply> type) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                recording().recorded().stream()
                    .filter(r -> type.isInstance(r.outgoing().reply()))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private LoggedRequest awaitCard(String conversation) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                postsTo(conversation).stream()
                    .filter(r -> r.getBodyAsString().contains("AdaptiveCard"))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** What was posted into a conversation, whichever way its id was escaped in the path. */
  private List<LoggedRequest> postsTo(String conversation) {
    return connector
        .findAll(postRequestedFor(urlPathMatching("/teams/v3/conversations/[^/]+/activities")))
        .stream()
        .filter(
            r ->
                java.net.URLDecoder.decode(r.getUrl(), java.nio.charset.StandardCharsets.UTF_8)
                    .equals("/teams/v3/conversations/" + conversation + "/activities"))
        .toList();
  }

  private JsonNode awaitCardBody(String conversation) throws Exception {
    return JSON.readTree(awaitCard(conversation).getBodyAsString())
        .path("attachments")
        .get(0)
        .path("content");
  }
}
