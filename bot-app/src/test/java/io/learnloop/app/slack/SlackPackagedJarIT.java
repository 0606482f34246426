package io.learnloop.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.app.PackagedJar;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar connected to Slack (the Web API played by WireMock), started under {@code
 * LANG=C} so that Java 17's default charset is ASCII: a signed Indonesian message with an emoji
 * must still verify and be answered, and an unsigned one refused.
 */
class SlackPackagedJarIT {

  @TempDir Path workDir;
  private PackagedJar jar;

  @BeforeEach
  void prepare() throws Exception {
    jar = new PackagedJar(workDir);
  }

  @AfterEach
  void stop() throws InterruptedException {
    jar.close();
  }

  @Test
  void should_answer_a_signed_non_ascii_message_and_refuse_an_unsigned_one() throws Exception {
    jar.start(
        Map.of(
            "LANG",
            "C",
            "LC_ALL",
            "C",
            "SLACK_BOT_TOKEN",
            SlackWorkspace.BOT_TOKEN,
            "SLACK_SIGNING_SECRET",
            SlackWorkspace.SIGNING_SECRET,
            "SLACK_API_URL",
            SlackWorkspace.url() + "/api/"));
    jar.awaitHealthUp();
    assertThat(jar.awaitLog("Slack is on")).contains("Slack is on: events at");
    String user =
        "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    String dm = "D" + user;
    String body =
        SlackWorkspace.eventCallback(
            "Ev" + UUID.randomUUID().toString().replace("-", ""),
            SlackWorkspace.directMessage(
                user, dm, Instant.now().getEpochSecond() + ".000100", "Berapa hari cuti? 🌴 ¿"));

    HttpResponse<String> unsigned =
        SlackWorkspace.send(
            jar.port(), body, "application/json", Instant.now().getEpochSecond(), false, Map.of());
    HttpResponse<String> signed = SlackWorkspace.signedJson(jar.port(), body);

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(signed.statusCode()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(SlackWorkspace.calls("chat.postMessage"))
                    .filteredOn(r -> SlackWorkspace.form(r).containsValue(dm))
                    .hasSize(1));
    jar.stopGracefully();
  }
}
