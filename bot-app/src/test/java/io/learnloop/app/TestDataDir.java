package io.learnloop.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh data folder for one Spring test context, so contexts never share an embedded Redis. */
public final class TestDataDir {

  private TestDataDir() {}

  /**
   * What a test of the bot as it runs with nothing configured needs: a fresh data folder, the
   * repository's content and the embedded Redis.
   */
  public static void nothingConfigured(DynamicPropertyRegistry registry) {
    registry.add("learnloop.data-dir", TestDataDir::create);
    registry.add("learnloop.content.dir", () -> "../content");
    registry.add("learnloop.redis.url", () -> "");
  }

  /** Waits until the bundled handbook is indexed, as a person waits for the bot to be ready. */
  public static void awaitKnowledgeReady(
      org.springframework.boot.test.web.client.TestRestTemplate http) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(120))
        .until(
            () ->
                "ready"
                    .equals(
                        http.getForObject(
                                "/actuator/health", com.fasterxml.jackson.databind.JsonNode.class)
                            .at("/components/knowledge/details/state")
                            .asText()));
  }

  public static String create() {
    try {
      return Files.createTempDirectory("learnloop-data").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
