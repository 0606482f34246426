package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.escalation.EscalationsContract;
import io.learnloop.dialog.escalation.EscalationsUnavailableException;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisEscalationsTest extends EscalationsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Escalations escalations() {
    return new RedisEscalations(redis.connector());
  }

  @Test
  void should_keep_an_offer_and_its_claim_in_one_slot_and_the_claim_no_longer_than_the_offer() {
    escalations().offer("offer-ttl-1", rinasQuestion(), Duration.ofMinutes(10));
    escalations().claim("offer-ttl-1");

    long offer = redis.connector().sync().pttl(RedisEscalations.offerKey("offer-ttl-1"));
    long claim = redis.connector().sync().pttl(RedisEscalations.claimKey("offer-ttl-1"));
    assertThat(offer)
        .isBetween(Duration.ofMinutes(9).toMillis(), Duration.ofMinutes(10).toMillis());
    // Read one after the other, the two times to live may differ by the milliseconds between.
    assertThat(claim).isPositive().isLessThanOrEqualTo(offer + 20);
    assertThat(SlotHash.getSlot(RedisEscalations.offerKey("offer-ttl-1")))
        .isEqualTo(SlotHash.getSlot(RedisEscalations.claimKey("offer-ttl-1")));
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      assertThatThrownBy(() -> new RedisEscalations(nowhere).claim("offer-1"))
          .isInstanceOf(EscalationsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
