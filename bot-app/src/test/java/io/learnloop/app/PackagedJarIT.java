package io.learnloop.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a user does, with no configuration, from an empty folder: it must start
 * its own Redis, extract the sample content, serve the chat and keep the history and open quiz
 * cards across a restart.
 */
class PackagedJarIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;
  private Process process;

  @AfterEach
  void stop() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void should_start_with_nothing_configured_and_keep_data_across_a_restart() throws Exception {
    int port = freePort();

    start(port);
    JsonNode health = awaitHealthUp(port);
    assertThat(health.at("/components/redis/details/mode").asText()).isEqualTo("embedded");
    assertThat(health.at("/components/content/details/documents").asInt())
        .isGreaterThanOrEqualTo(12);
    assertThat(get(port, "/").body()).contains("<title>LearnLoop</title>");
    WebChatClient browser = new WebChatClient(port, null);
    JsonNode reply = browser.say("Bagaimana cara klaim biaya?");
    assertThat(reply.at("/messages/0/message/language").asText()).isEqualTo("id");
    assertThat(reply.at("/historySaved").asBoolean()).isTrue();
    JsonNode card = browser.say("quiz").at("/messages/0/message");
    assertThat(card.at("/quiz/cardId").asText()).startsWith("q-");
    int redisPort = URI.create(health.at("/components/redis/details/url").asText()).getPort();
    stopGracefully();

    assertThat(portIsFree(redisPort)).as("embedded Redis stopped with the app").isTrue();
    assertThat(workDir.resolve("data/redis/appendonly.aof")).exists();
    assertThat(workDir.resolve("data/sample-content/quiz-bank.yaml")).exists();

    start(port);
    awaitHealthUp(port);
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
    stopGracefully();
  }

  private void start(int port) throws IOException {
    Path jar = Path.of(System.getProperty("learnloop.jar", "target/bot-app.jar")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(workDir.resolve("bot-app.log").toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("LEARNLOOP_") || name.equals("REDIS_URL"));
    builder.environment().put("PORT", Integer.toString(port));
    process = builder.start();
  }

  private void stopGracefully() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
  }

  private JsonNode awaitHealthUp(int port) throws IOException, InterruptedException {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .failFast("the app exited; see " + workDir.resolve("bot-app.log"), () -> !process.isAlive())
        .until(() -> get(port, "/actuator/health").statusCode() == 200);
    return JSON.readTree(get(port, "/actuator/health").body());
  }

  private static HttpResponse<String> get(int port, String path)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean portIsFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
