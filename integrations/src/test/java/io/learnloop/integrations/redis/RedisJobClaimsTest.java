package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.schedule.JobClaim;
import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobClaimsContract;
import io.learnloop.dialog.schedule.JobClaimsUnavailableException;
import io.lettuce.core.cluster.SlotHash;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisJobClaimsTest extends JobClaimsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected JobClaims claims() {
    return new RedisJobClaims(redis.connector());
  }

  @Test
  void should_remember_a_finished_slot_for_the_time_it_was_told() {
    String job = newJob();
    JobClaims claims = new RedisJobClaims(redis.connector(), Duration.ofDays(3));
    JobClaim claim = claims.claim(job, NINE, MINUTE).orElseThrow();
    claims.done(claim);

    assertThat(redis.connector().sync().pttl(RedisJobClaims.slotKey(job, NINE)))
        .isBetween(Duration.ofDays(3).minusMinutes(1).toMillis(), Duration.ofDays(3).toMillis());
  }

  @Test
  void should_keep_the_keys_of_one_job_in_one_cluster_slot() {
    String job = newJob();

    assertThat(SlotHash.getSlot(RedisJobClaims.slotKey(job, NINE)))
        .isEqualTo(SlotHash.getSlot(RedisJobClaims.tokenKey(job)));
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(300))) {
      assertThatThrownBy(() -> new RedisJobClaims(nowhere).claim(newJob(), NINE, MINUTE))
          .isInstanceOf(JobClaimsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
