package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.conversation.ChatTurn;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.ConversationHistoryContract;
import io.learnloop.dialog.conversation.HistoryUnavailableException;
import io.learnloop.dialog.conversation.Speaker;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisConversationHistoryTest extends ConversationHistoryContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected ConversationHistory history() {
    return new RedisConversationHistory(redis.connector());
  }

  @Test
  void should_report_an_unreachable_redis_as_history_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      RedisConversationHistory history = new RedisConversationHistory(nowhere);

      assertThatThrownBy(
              () ->
                  history.append(
                      newConversation(), new ChatTurn(Speaker.LEARNER, "hi", Instant.now())))
          .isInstanceOf(HistoryUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      assertThatThrownBy(() -> history.latest(newConversation(), 5))
          .isInstanceOf(HistoryUnavailableException.class);
    }
  }
}
