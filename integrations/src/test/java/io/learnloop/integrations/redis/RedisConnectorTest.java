package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisConnectorTest {

  @Test
  void should_name_the_url_without_password_when_redis_is_unreachable() {
    try (RedisConnector connector =
        new RedisConnector("redis://:s3cret@127.0.0.1:1/2", Duration.ofMillis(500))) {
      assertThatThrownBy(connector::sync)
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageStartingWith("Redis at redis://127.0.0.1:1/2 is unreachable: ")
          .hasMessageNotContaining("s3cret");
      assertThat(connector.displayUrl()).isEqualTo("redis://127.0.0.1:1/2");
    }
  }

  @Test
  void should_refuse_a_url_that_is_not_a_redis_url_without_echoing_the_password() {
    assertThatThrownBy(
            () -> new RedisConnector("http://user:pw@localhost:6379", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a valid redis:// URL")
        .hasMessageNotContaining("pw@");
  }

  @Test
  void should_connect_once_redis_comes_up_after_a_failed_attempt() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("learnloop-redis-late");
    int port;
    try (EmbeddedRedis probe = EmbeddedRedis.start(dir)) {
      port = probe.port();
    }
    try (RedisConnector connector =
        new RedisConnector("redis://127.0.0.1:" + port, Duration.ofMillis(500))) {
      assertThatThrownBy(connector::sync).isInstanceOf(RedisUnavailableException.class);
      try (EmbeddedRedis late = EmbeddedRedis.start(dir, port)) {
        assertThat(connector.sync().ping()).isEqualTo("PONG");
      }
    }
  }

  @Test
  void should_call_back_when_connected_again_after_the_redis_process_was_killed() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("learnloop-redis-killed");
    java.util.concurrent.atomic.AtomicInteger reconnections =
        new java.util.concurrent.atomic.AtomicInteger();
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofMillis(500))) {
      connector.whenReconnected(reconnections::incrementAndGet);
      assertThat(connector.sync().ping()).isEqualTo("PONG");
      assertThat(reconnections).hasValue(0);

      redis.process().destroyForcibly();

      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> reconnections.get() == 1);
      assertThat(connector.sync().ping()).isEqualTo("PONG");
    }
  }

  // Keeps Redis busy for 1.5 s.
  private static final String SLOW_SCRIPT =
      "local t = redis.call('TIME') local start = t[1] * 1e6 + t[2] "
          + "repeat t = redis.call('TIME') until t[1] * 1e6 + t[2] - start > 1500000 return 1";

  @Test
  void should_give_up_on_a_command_that_takes_longer_than_the_timeout() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("learnloop-redis-slow");
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofMillis(300))) {
      long start = System.nanoTime();

      assertThatThrownBy(
              () -> connector.sync().eval(SLOW_SCRIPT, io.lettuce.core.ScriptOutputType.INTEGER))
          .isInstanceOf(io.lettuce.core.RedisCommandTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }
  }
}
