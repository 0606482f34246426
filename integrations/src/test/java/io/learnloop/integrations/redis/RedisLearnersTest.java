package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearnersContract;
import io.learnloop.dialog.learning.LearnersUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLearnersTest extends LearnersContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Learners learners() {
    return new RedisLearners(redis.connector());
  }

  @Test
  void should_report_an_unreachable_redis_as_learners_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      RedisLearners learners = new RedisLearners(nowhere);

      assertThatThrownBy(() -> learners.save(aLearner()))
          .isInstanceOf(LearnersUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      assertThatThrownBy(() -> learners.find(new LearnerId("test:x")))
          .isInstanceOf(LearnersUnavailableException.class);
    }
  }
}
