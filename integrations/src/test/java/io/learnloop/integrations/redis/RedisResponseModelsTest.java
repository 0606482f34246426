package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.ResponseModels;
import io.learnloop.dialog.learning.ResponseModelsContract;
import io.learnloop.dialog.learning.ResponseModelsUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisResponseModelsTest extends ResponseModelsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected ResponseModels models() {
    return new RedisResponseModels(redis.connector());
  }

  @Override
  protected void empty() {
    redis.connector().sync().del(RedisResponseModels.KEY);
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(300))) {
      assertThatThrownBy(() -> new RedisResponseModels(nowhere).adoptedToken())
          .isInstanceOf(ResponseModelsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
