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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar, started as a user starts it: {@code java -jar}, from a folder of its own. */
public final class PackagedJar implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path workDir;
  private final int port;
  private Process process;

  public PackagedJar(Path workDir) throws IOException {
    this.workDir = workDir;
    this.port = freePort();
  }

  public int port() {
    return port;
  }

  /** Starts the jar with only {@code PORT} and {@code environment} set of LearnLoop's settings. */
  public void start(Map<String, String> environment) throws IOException {
    Path jar = Path.of(System.getProperty("learnloop.jar", "target/bot-app.jar")).toAbsolutePath();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("LEARNLOOP_")
                    || name.startsWith("SLACK_")
                    || name.equals("REDIS_URL"));
    builder.environment().put("PORT", Integer.toString(port));
    builder.environment().putAll(environment);
    process = builder.start();
  }

  public void stopGracefully() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the app stops on SIGTERM").isTrue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  public Path log() {
    return workDir.resolve("bot-app.log");
  }

  public String logText() throws IOException {
    return Files.exists(log()) ? Files.readString(log()) : "";
  }

  /**
   * The log once it says {@code line}: lines logged when the application is ready may come after
   * health already answers.
   */
  public String awaitLog(String line) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .failFast("the app exited; see " + log(), () -> !process.isAlive())
        .until(() -> logText().contains(line));
    try {
      return logText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public JsonNode awaitHealthUp() throws IOException, InterruptedException {
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .failFast("the app exited; see " + log(), () -> !process.isAlive())
        .until(() -> get("/actuator/health").statusCode() == 200);
    return JSON.readTree(get("/actuator/health").body());
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
