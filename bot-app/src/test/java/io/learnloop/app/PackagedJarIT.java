package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a user does, with no configuration, from an empty folder: it must start
 * its own Redis, extract the sample content, serve the chat and keep the history and open quiz
 * cards across a restart.
 */
class PackagedJarIT {

  @TempDir Path workDir;
  private PackagedJar jar;

  @BeforeEach
  void prepare() throws IOException {
    jar = new PackagedJar(workDir);
  }

  @AfterEach
  void stop() throws InterruptedException {
    jar.close();
  }

  @Test
  void should_start_with_nothing_configured_and_keep_data_across_a_restart() throws Exception {
    int port = jar.port();

    jar.start(Map.of());
    JsonNode health = jar.awaitHealthUp();
    assertThat(health.at("/components/redis/details/mode").asText()).isEqualTo("embedded");
    assertThat(health.at("/components/content/details/documents").asInt())
        .isGreaterThanOrEqualTo(12);
    assertThat(jar.get("/").body()).contains("<title>LearnLoop</title>");
    assertThat(jar.logText()).contains("Slack is off");
    WebChatClient browser = new WebChatClient(port, null);
    JsonNode reply = browser.say("Bagaimana cara klaim biaya?");
    assertThat(reply.at("/messages/0/message/language").asText()).isEqualTo("id");
    assertThat(reply.at("/historySaved").asBoolean()).isTrue();
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    assertThat(card.at("/quiz/cardId").asText()).startsWith("q-");
    int redisPort = URI.create(health.at("/components/redis/details/url").asText()).getPort();
    jar.stopGracefully();

    assertThat(portIsFree(redisPort)).as("embedded Redis stopped with the app").isTrue();
    assertThat(workDir.resolve("data/redis/appendonly.aof")).exists();
    assertThat(workDir.resolve("data/sample-content/quiz-bank.yaml")).exists();

    jar.start(Map.of());
    jar.awaitHealthUp();
    JsonNode history = browser.history();
    assertThat(history.at("/turns")).hasSize(4); // the question, its answer, "quiz" and the card
    assertThat(history.at("/turns/0/text").asText()).isEqualTo("Bagaimana cara klaim biaya?");
    assertThat(history.at("/turns/1/message/id").asText())
        .isEqualTo(reply.at("/messages/0/message/id").asText());
    JsonNode answered = browser.click(card, 0).at("/messages/0");
    assertThat(answered.at("/replaces").asBoolean()).isTrue();
    assertThat(answered.at("/message/kind").asText())
        .as("a card asked before the restart is still answerable")
        .isEqualTo("feedback");
    jar.stopGracefully();
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
