package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.identity.LinkCodes;
import io.learnloop.dialog.identity.LinkCodesContract;
import io.learnloop.dialog.identity.LinkCodesUnavailableException;
import io.learnloop.dialog.identity.LinkRequest;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLinkCodesTest extends LinkCodesContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected LinkCodes codes() {
    return new RedisLinkCodes(redis.connector());
  }

  @Test
  void should_keep_a_code_under_the_prefix_with_its_time_to_live() {
    codes().issue("K7QM2XWP", new LinkRequest(new LearnerId("web:local:ana"), "web"), minutes(10));

    long ttl = redis.connector().sync().pttl(RedisLinkCodes.PREFIX + "K7QM2XWP");
    assertThat(ttl).isBetween(minutes(9).toMillis(), minutes(10).toMillis());
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      assertThatThrownBy(() -> new RedisLinkCodes(nowhere).redeem("K7QM2XWP"))
          .isInstanceOf(LinkCodesUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }

  private static Duration minutes(long n) {
    return Duration.ofMinutes(n);
  }
}
