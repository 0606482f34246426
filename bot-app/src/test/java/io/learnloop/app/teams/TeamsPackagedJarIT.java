package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.app.PackagedJar;
import io.learnloop.dialog.channel.ActionIds;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Teams adapter inside the packaged jar, where the Bot Framework SDK's pool threads and
 * Jackson's module lookup have failed before (botbuilder-java issue 1454): a signed activity is
 * authenticated and a card press answered, and in local mode an answer card reaches the Bot
 * Connector.
 */
class TeamsPackagedJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;
  private PackagedJar jar;

  @BeforeEach
  void prepare() throws Exception {
    jar = new PackagedJar(workDir);
    TeamsTenant.connector();
    TeamsTenant.stubConnector();
  }

  @AfterEach
  void stop() throws InterruptedException {
    jar.close();
  }

  @Test
  void should_authenticate_signed_activities_and_refuse_unsigned_ones() throws Exception {
    jar.start(
        Map.of(
            "LANG",
            "C",
            "LC_ALL",
            "C",
            "MICROSOFT_APP_ID",
            TeamsTenant.APP_ID,
            "MICROSOFT_APP_PASSWORD",
            TeamsTenant.APP_PASSWORD,
            "MICROSOFT_APP_TENANT_ID",
            TeamsTenant.TENANT,
            "TEAMS_OPENID_METADATA",
            TeamsTenant.connector().baseUrl() + "/openid"));
    jar.awaitHealthUp();
    assertThat(jar.logText()).contains("Teams is on: app " + TeamsTenant.APP_ID);
    String user = TeamsTenant.user("jar-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    ObjectNode message =
        TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, "Berapa hari cuti? 🌴");
    ObjectNode press =
        TeamsTenant.execute(
            TeamsTenant.nextId(),
            user,
            conversation,
            true,
            "1:neverSentCard",
            ActionIds.QUIZ_CHOICE,
            TeamsTenant.data(ActionIds.QUIZ_CHOICE, "choice", "c0ffee0000000000.1"));

    HttpResponse<String> unsigned = TeamsTenant.send(jar.port(), message, null);
    HttpResponse<String> signed = TeamsTenant.send(jar.port(), message, TeamsTenant.token());
    HttpResponse<String> pressed = TeamsTenant.send(jar.port(), press, TeamsTenant.token());

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(signed.statusCode()).isEqualTo(202);
    if (pressed.statusCode() != 200) {
      System.out.println("JARLOG\n" + jar.logText());
    }
    assertThat(pressed.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(pressed.body());
    assertThat(body.path("statusCode").asInt()).isEqualTo(200);
    assertThat(jar.logText()).doesNotContain("not supported by default");
    jar.stopGracefully();
  }

  @Test
  void should_answer_the_emulator_in_local_mode_through_the_connector() throws Exception {
    jar.start(Map.of("LANG", "C", "LC_ALL", "C"));
    jar.awaitHealthUp();
    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                JSON.readTree(jar.get("/actuator/health").body())
                    .at("/components/knowledge/details/state")
                    .asText()
                    .equals("ready"));
    assertThat(jar.logText()).contains("Teams is in LOCAL MODE");
    String user = TeamsTenant.user("emulator-" + UUID.randomUUID());
    String conversation = TeamsTenant.personalConversation(user);
    ObjectNode message =
        TeamsTenant.message(
            TeamsTenant.nextId(),
            user,
            conversation,
            true,
            "How many annual leave days can I carry over?");
    message.put("channelId", "emulator");

    assertThat(TeamsTenant.send(jar.port(), message, null).statusCode()).isEqualTo(202);

    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .untilAsserted(
              () ->
                  assertThat(
                          TeamsTenant.connector()
                              .findAll(
                                  postRequestedFor(
                                      urlPathMatching("/teams/v3/conversations/[^/]+/activities")))
                              .stream()
                              .filter(r -> r.getBodyAsString().contains("AdaptiveCard")))
                      .isNotEmpty());
    } catch (Throwable e) {
      System.out.println("JARLOG\n" + jar.logText());
      throw e;
    }
    jar.stopGracefully();
  }
}
