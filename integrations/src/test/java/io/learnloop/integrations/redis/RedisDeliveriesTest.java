package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.DeliveriesContract;
import io.learnloop.dialog.channel.DeliveriesUnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisDeliveriesTest extends DeliveriesContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Deliveries deliveries() {
    return new RedisDeliveries(redis.connector());
  }

  @Test
  void should_share_claims_between_two_connections_to_one_redis() {
    String key = newKey();
    try (RedisConnector other = new RedisConnector(redis.server().url(), Duration.ofSeconds(2))) {
      assertThat(new RedisDeliveries(redis.connector()).claim(key, Duration.ofMinutes(1))).isTrue();
      assertThat(new RedisDeliveries(other).claim(key, Duration.ofMinutes(1))).isFalse();
    }
  }

  @Test
  void should_forget_a_delivery_after_the_time_it_was_remembered_for() {
    String key = newKey();
    new RedisDeliveries(redis.connector()).claim(key, Duration.ofMinutes(3));

    assertThat(redis.connector().sync().pttl(RedisDeliveries.PREFIX + key))
        .isBetween(Duration.ofMinutes(2).toMillis(), Duration.ofMinutes(3).toMillis());
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(300))) {
      assertThatThrownBy(() -> new RedisDeliveries(nowhere).claim(newKey(), Duration.ofMinutes(1)))
          .isInstanceOf(DeliveriesUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      Deliveries.Claim ahead =
          new RedisDeliveries(nowhere).claimAhead(newKey(), Duration.ofMinutes(1));
      assertThatThrownBy(ahead::first)
          .isInstanceOf(DeliveriesUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
