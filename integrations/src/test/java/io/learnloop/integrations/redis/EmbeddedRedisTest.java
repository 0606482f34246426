package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedRedisTest {

  @TempDir Path dataDir;

  @Test
  void should_keep_data_across_a_restart_in_the_same_folder() {
    try (EmbeddedRedis first = EmbeddedRedis.start(dataDir);
        RedisConnector connector = new RedisConnector(first.url(), Duration.ofSeconds(2))) {
      connector.sync().set("learnloop:test", "kept");
    }
    assertThat(dataDir).isNotEmptyDirectory();

    try (EmbeddedRedis second = EmbeddedRedis.start(dataDir);
        RedisConnector connector = new RedisConnector(second.url(), Duration.ofSeconds(2))) {
      assertThat(connector.sync().get("learnloop:test")).isEqualTo("kept");
    }
  }

  @Test
  void should_write_an_append_only_file() {
    try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(2))) {
      assertThat(connector.sync().configGet("appendonly")).containsEntry("appendonly", "yes");
      assertThat(connector.sync().configGet("dir"))
          .containsEntry("dir", dataDir.toAbsolutePath().toString());
    }
  }

  @Test
  void should_start_again_on_the_same_port_with_the_same_data_when_the_process_is_killed() {
    try (EmbeddedRedis redis = EmbeddedRedis.start(dataDir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(1))) {
      connector.sync().set("learnloop:test", "kept");
      // Redis writes the append-only file before it replies, unless a slow fsync makes it
      // postpone that write (AnswerRecorder records such answers again after a restart).
      ProcessHandle first = redis.process();

      assertThat(first.destroyForcibly()).isTrue();

      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions()
          .until(() -> "kept".equals(connector.sync().get("learnloop:test")));
      assertThat(redis.restarts()).isEqualTo(1);
      assertThat(redis.process().pid()).isNotEqualTo(first.pid());
      assertThat(redis.process().isAlive()).isTrue();
      assertThat(redis.url()).endsWith(":" + redis.port());
    }
  }

  @Test
  void should_not_start_again_after_a_clean_close() {
    EmbeddedRedis redis = EmbeddedRedis.start(dataDir);
    ProcessHandle process = redis.process();

    redis.close();

    assertThat(process.isAlive()).isFalse();
    assertThat(redis.restarts()).isZero();
    // Another server may take the folder at once: the closed one let go of it for good.
    try (EmbeddedRedis next = EmbeddedRedis.start(dataDir, redis.port())) {
      assertThat(next.process().pid()).isNotEqualTo(process.pid());
    }
  }

  @Test
  void should_refuse_a_second_server_on_the_same_data_folder() {
    try (EmbeddedRedis first = EmbeddedRedis.start(dataDir)) {
      assertThatThrownBy(() -> EmbeddedRedis.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another LearnLoop process is using the Redis data in " + dataDir);
    }
  }

  @Test
  void should_create_a_missing_data_folder() {
    Path nested = dataDir.resolve("data/redis");
    try (EmbeddedRedis redis = EmbeddedRedis.start(nested)) {
      assertThat(Files.isDirectory(nested)).isTrue();
      assertThat(redis.url()).startsWith("redis://127.0.0.1:");
    }
  }
}
