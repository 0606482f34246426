package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.ConversationReferencesContract;
import io.learnloop.dialog.channel.ConversationReferencesUnavailableException;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisConversationReferencesTest extends ConversationReferencesContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected ConversationReferences store() {
    return new RedisConversationReferences(redis.connector());
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      assertThatThrownBy(
              () -> new RedisConversationReferences(nowhere).direct(new LearnerId("t:x"), "slack"))
          .isInstanceOf(ConversationReferencesUnavailableException.class);
    }
  }
}
