package io.learnloop.integrations.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One real redis-server per test class, with its data in a fresh temporary folder. */
public final class EmbeddedRedisExtension implements BeforeAllCallback, AfterAllCallback {

  private EmbeddedRedis server;
  private RedisConnector connector;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path dir = Files.createTempDirectory("learnloop-redis-test");
    server = EmbeddedRedis.start(dir);
    connector = new RedisConnector(server.url(), Duration.ofSeconds(2));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    connector.close();
    server.close();
  }

  public RedisConnector connector() {
    return connector;
  }

  public EmbeddedRedis server() {
    return server;
  }
}
